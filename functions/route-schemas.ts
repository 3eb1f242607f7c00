import type * as z from 'zod/mini';
import * as accountRequests from './accounts/schemas.js';
import * as accountResponses from './accounts/response-schemas.js';
import * as productRequests from './accounts/product-schemas.js';
import * as templateRequests from './accounts/template-schemas.js';
import * as closureRequests from './closures/schemas.js';
import * as customerRequests from './customers/schemas.js';
import * as customerResponses from './customers/response-schemas.js';
import * as externalAccountRequests from './external-accounts/schemas.js';
import * as externalAccountResponses from './external-accounts/response-schemas.js';
import * as vendorRequests from './external-accounts/vendor-schemas.js';
import { accountListQuery } from './http/accounts/account-list-query.js';
import { productListQuery } from './http/accounts/product-operations.js';
import { templateListQuery } from './http/accounts/template-operations.js';
import { businessListQuery } from './http/customers/business-operations.js';
import { customerListQuery, personListQuery } from './http/customers/person-operations.js';
import { verificationListQuery } from './http/customers/verification-operations.js';
import { externalAccountListQuery } from './http/external-accounts/account-operations.js';
import { balanceQuery, refreshQuery, transactionsQuery } from './http/external-accounts/vendor-operations.js';
import { disputeListQuery } from './http/ledger/dispute-operations.js';
import { paymentQuery, scheduleQuery } from './http/ledger/payment-schedule-operations.js';
import { statementListQuery } from './http/ledger/statement-operations.js';
import { transactionListQuery } from './http/ledger/transaction-operations.js';
import { pagingQuery } from './http/list-query.js';
import { mappingListQuery } from './http/mappings/mapping-operations.js';
import { tradelineListQuery } from './http/mappings/tradeline-operations.js';
import { eventLogQuery } from './http/webhooks/event-log-operations.js';
import { resendQuery, revokeSecretQuery, webhookEventsQuery, webhookListQuery } from './http/webhooks/webhook-operations.js';
import * as ledgerRequests from './ledger/schemas.js';
import * as ledgerResponses from './ledger/response-schemas.js';
import * as mappingRequests from './mappings/schemas.js';
import * as mappingResponses from './mappings/response-schemas.js';
import * as operatorResponses from './operator/response-schemas.js';
import type { Route } from './routes.js';
import { emptySchema } from './shared/schemas/responses.js';
import * as webhookRequests from './webhooks/schemas.js';
import * as webhookResponses from './webhooks/response-schemas.js';

// What each route of routes.ts takes and answers, as the zod schemas the handlers validate
// with and answer in: the OpenAPI document (lib/openapi/) is built from this table, and the test
// suites check every response against that document. A route without an entry fails
// test/unit/openapi/document.test.ts. Only the document builder and tests import this file;
// no Lambda handler does (it pulls every domain's schemas).
//
// Adding a route: one entry here, keyed by its operation name. A `...V2` operation without an
// entry of its own uses the entry of the same name without `V2`. Path parameters come from the
// route's path (every one is a UUID); the error responses every route can give are added by the
// document builder (lib/openapi/errors.ts), so `errors` lists only the route's own extra ones.

type Schema = z.ZodMiniType;

export interface RouteSchemas {
  /** The query string's schema (the one the operation passes to parseQuery). */
  readonly query?: Schema;
  /** The JSON body's schema (the one the operation passes to parseWith). */
  readonly body?: Schema;
  /** Success answers by status; `null` for a status without a body (204). */
  readonly responses: Readonly<Record<number, Schema | null>>;
  /** Error statuses this route answers beyond the ones every route of its kind can (lib/openapi/errors.ts). */
  readonly errors?: readonly number[];
  /** A Bankline extension: Synctera has no such route. */
  readonly extension?: boolean;
  /** Top-level fields of the body or the success answer that Synctera does not have. */
  readonly extensionFields?: readonly string[];
}

const c = customerResponses;
const a = accountResponses;
const m = mappingResponses;
const l = ledgerResponses;
const x = externalAccountResponses;
const w = webhookResponses;

const ACCOUNT_CLOSED = 461;
const VENDOR = [502, 503];
/** A vendor read of an account added by hand (no aggregator behind it) is a 422. */
const VENDOR_READ = [422, ...VENDOR];

export const ROUTE_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Customers, persons, businesses, verifications (contract §7, §8).
  createCustomer: { body: customerRequests.createPersonSchema, responses: { 201: c.customerResponseSchema } },
  listCustomers: { query: customerListQuery, responses: { 200: c.customerListSchema } },
  getCustomer: { responses: { 200: c.customerResponseSchema } },
  patchCustomer: { body: customerRequests.patchPersonSchema, responses: { 200: c.customerResponseSchema } },
  replaceCustomer: { body: customerRequests.replacePersonSchema, responses: { 200: c.customerResponseSchema } },
  verifyCustomer: { body: customerRequests.legacyVerifyRequestSchema, responses: { 200: c.legacyVerifyResponseSchema } },
  listCustomerVerifications: { responses: { 200: c.legacyVerificationListSchema } },
  createPerson: { body: customerRequests.createPersonSchema, responses: { 201: c.personResponseSchema } },
  listPersons: { query: personListQuery, responses: { 200: c.personListSchema } },
  getPerson: { responses: { 200: c.personResponseSchema } },
  patchPerson: { body: customerRequests.patchPersonSchema, responses: { 200: c.personResponseSchema } },
  createBusiness: { body: customerRequests.createBusinessSchema, responses: { 201: c.businessResponseSchema } },
  listBusinesses: { query: businessListQuery, responses: { 200: c.businessListSchema } },
  getBusiness: { responses: { 200: c.businessResponseSchema } },
  patchBusiness: { body: customerRequests.patchBusinessSchema, responses: { 200: c.businessResponseSchema } },
  runVerification: { body: customerRequests.verifyRequestSchema, responses: { 201: c.verifyResponseSchema } },
  listVerifications: { query: verificationListQuery, responses: { 200: c.verificationListSchema } },
  getVerification: { responses: { 200: c.verificationResponseSchema } },

  // Accounts, relationships, templates, products (contract §2, §4, §5, §6); /v2 shares these.
  createAccount: { body: accountRequests.createAccountSchema, responses: { 201: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  createAccountV2: { body: accountRequests.createAccountSchemaV2, responses: { 201: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  listAccounts: { query: accountListQuery, responses: { 200: a.accountListSchema } },
  getAccount: { responses: { 200: a.accountResponseSchema } },
  patchAccount: { body: accountRequests.patchAccountSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  patchAccountV2: { body: accountRequests.patchAccountSchemaV2, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  listAccountRelationships: { query: pagingQuery, responses: { 200: a.relationshipListSchema } },
  createAccountRelationship: {
    body: accountRequests.relationshipInput,
    responses: { 201: a.relationshipResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  getAccountRelationship: { responses: { 200: a.relationshipResponseSchema } },
  updateAccountRelationship: {
    body: accountRequests.relationshipInput,
    responses: { 200: a.relationshipResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  deleteAccountRelationship: { responses: { 200: a.deleteResponseSchema }, errors: [ACCOUNT_CLOSED] },
  createAccountTemplate: { body: templateRequests.templateSchema, responses: { 201: a.templateResponseSchema } },
  listAccountTemplates: { query: templateListQuery, responses: { 200: a.templateListSchema } },
  getAccountTemplate: { responses: { 200: a.templateResponseSchema } },
  updateAccountTemplate: { body: templateRequests.templateSchema, responses: { 200: a.templateResponseSchema } },
  patchAccountTemplate: { body: templateRequests.patchTemplateSchema, responses: { 200: a.templateResponseSchema } },
  deleteAccountTemplate: { responses: { 200: a.deleteResponseSchema } },
  createAccountProduct: { body: productRequests.createInterestSchema, responses: { 201: a.productResponseSchema } },
  listAccountProducts: { query: productListQuery, responses: { 200: a.productListSchema } },
  patchAccountProduct: { body: productRequests.patchInterestSchema, responses: { 200: a.productResponseSchema } },

  // Migration mappings (contract §10) and tradeline transfers (a Bankline extension).
  createMigrationMapping: { body: mappingRequests.createMappingSchema, responses: { 201: m.mappingResponseSchema } },
  listMigrationMappings: { query: mappingListQuery, responses: { 200: m.mappingListSchema } },
  getMigrationMapping: { responses: { 200: m.mappingResponseSchema } },
  patchMigrationMapping: { body: mappingRequests.patchMappingSchema, responses: { 200: m.mappingResponseSchema } },
  deleteMigrationMapping: { responses: { 200: m.mappingDeletedSchema } },
  listTradelineTransfers: { query: tradelineListQuery, responses: { 200: m.tradelineTransferListSchema }, extension: true },
  getTradelineTransfer: { responses: { 200: m.tradelineTransferResponseSchema }, extension: true },

  // The ledger (contract §12). Lists without filters take paging only.
  createInternalAccount: { body: ledgerRequests.internalAccountSchema, responses: { 201: l.internalAccountResponseSchema } },
  listInternalAccounts: { query: pagingQuery, responses: { 200: l.internalAccountListSchema } },
  getInternalAccount: { responses: { 200: l.internalAccountResponseSchema } },
  patchInternalAccount: { body: ledgerRequests.internalAccountPatchSchema, responses: { 200: l.internalAccountResponseSchema } },
  createInternalTransfer: {
    body: ledgerRequests.internalTransferSchema,
    responses: { 200: l.transferResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  getInternalTransfer: { responses: { 200: l.transferResponseSchema } },
  patchInternalTransfer: {
    body: ledgerRequests.patchTransferSchema,
    responses: { 200: l.transferResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  listPostedTransactions: { query: transactionListQuery, responses: { 200: l.transactionListSchema } },
  getPostedTransaction: { responses: { 200: l.transactionResponseSchema } },
  listPendingTransactions: { query: transactionListQuery, responses: { 200: l.transactionListSchema } },
  getPendingTransaction: { responses: { 200: l.transactionResponseSchema } },
  listIncomingAch: { query: pagingQuery, responses: { 200: l.incomingAchListSchema } },
  createAch: { body: ledgerRequests.outgoingAchSchema, responses: { 201: l.achResponseSchema }, errors: [ACCOUNT_CLOSED] },
  listAch: { query: pagingQuery, responses: { 200: l.achListSchema } },
  getAch: { responses: { 200: l.achResponseSchema } },
  patchAch: { body: ledgerRequests.patchAchSchema, responses: { 200: l.achResponseSchema } },
  simulateAchReturn: { body: ledgerRequests.receivingReturnSchema, responses: { 201: emptySchema } },
  simulateReceivingAch: { body: ledgerRequests.receivingTransactionSchema, responses: { 201: emptySchema }, errors: [ACCOUNT_CLOSED] },
  listStatements: { query: statementListQuery, responses: { 200: l.statementListSchema } },
  getStatement: { responses: { 200: l.statementResponseSchema } },
  listStatementTransactions: { query: pagingQuery, responses: { 200: l.statementTransactionsSchema } },
  wipeTenant: { responses: { 204: null } },
  // Sandbox disputes (a Bankline stand-in for Synctera's card disputes); POST answers 200 with the open one when it exists.
  createDispute: {
    body: ledgerRequests.disputeSchema,
    responses: { 200: l.disputeResponseSchema, 201: l.disputeResponseSchema },
    extension: true,
  },
  listDisputes: { query: disputeListQuery, responses: { 200: l.disputeListSchema }, extension: true },
  getDispute: { responses: { 200: l.disputeResponseSchema }, extension: true },
  patchDispute: { body: ledgerRequests.disputePatchSchema, responses: { 200: l.disputeResponseSchema }, extension: true },
  // Payment schedules (Synctera's /v0/payment_schedules); GET of one schedule is a Bankline addition.
  createPaymentSchedule: { body: ledgerRequests.paymentScheduleSchema, responses: { 201: l.paymentScheduleResponseSchema } },
  listPaymentSchedules: { query: scheduleQuery, responses: { 200: l.paymentScheduleListSchema } },
  listPayments: { query: paymentQuery, responses: { 200: l.paymentListSchema } },
  getPaymentSchedule: { responses: { 200: l.paymentScheduleResponseSchema }, extension: true },
  patchPaymentSchedule: { body: ledgerRequests.paymentSchedulePatchSchema, responses: { 200: l.paymentScheduleResponseSchema } },
  getSandboxClock: { responses: { 200: l.sandboxClockResponseSchema }, extension: true },
  moveSandboxClock: { body: ledgerRequests.clockChangeSchema, responses: { 200: l.sandboxClockResponseSchema }, extension: true },

  // External accounts (contract §9); the vendor routes may fail at the aggregator (502, 503).
  createExternalAccount: { body: externalAccountRequests.createExternalAccountSchema, responses: { 201: x.externalAccountResponseSchema } },
  listExternalAccounts: { query: externalAccountListQuery, responses: { 200: x.externalAccountListSchema } },
  getExternalAccount: { responses: { 200: x.externalAccountResponseSchema } },
  patchExternalAccount: { body: externalAccountRequests.patchExternalAccountSchema, responses: { 200: x.externalAccountResponseSchema } },
  deleteExternalAccount: { responses: { 200: x.externalAccountDeletedSchema }, errors: VENDOR },
  createLinkToken: {
    body: vendorRequests.linkTokenSchema,
    responses: { 201: x.linkTokenResponseSchema },
    errors: VENDOR,
    extensionFields: ['vendor'],
  },
  createAccessToken: { body: vendorRequests.accessTokenSchema, responses: { 201: x.accessTokenResponseSchema }, errors: VENDOR },
  addVendorAccounts: { body: vendorRequests.vendorAccountsSchema, responses: { 200: x.addVendorAccountsResponseSchema }, errors: VENDOR },
  syncVendorAccounts: { body: vendorRequests.vendorAccountsSchema, responses: { 200: x.syncVendorAccountsResponseSchema }, errors: VENDOR },
  getExternalAccountBalance: { query: balanceQuery, responses: { 200: x.balanceResponseSchema }, errors: VENDOR_READ },
  listExternalAccountTransactions: {
    query: transactionsQuery,
    responses: { 200: x.vendorTransactionListSchema },
    errors: VENDOR_READ,
  },
  refreshExternalAccountTransactions: { query: refreshQuery, responses: { 200: x.refreshTransactionsResponseSchema }, errors: VENDOR },

  // Webhooks (contract §11), identical under /v2, and the event log (a Bankline extension).
  createWebhookSecret: { responses: { 201: w.webhookSecretResponseSchema } },
  rollWebhookSecret: { body: webhookRequests.rollSecretSchema, responses: { 200: w.webhookSecretResponseSchema } },
  revokeWebhookSecret: { query: revokeSecretQuery, responses: { 200: emptySchema } },
  createWebhook: { body: webhookRequests.webhookSchema, responses: { 201: w.webhookResponseSchema } },
  listWebhooks: { query: webhookListQuery, responses: { 200: w.webhookListSchema } },
  triggerWebhookEvent: { body: webhookRequests.triggerSchema, responses: { 200: w.triggeredEventResponseSchema } },
  getWebhook: { responses: { 200: w.webhookResponseSchema } },
  replaceWebhook: { body: webhookRequests.webhookSchema, responses: { 200: w.webhookResponseSchema } },
  deleteWebhook: { responses: { 200: w.webhookDeletedSchema } },
  listWebhookEvents: { query: webhookEventsQuery, responses: { 200: w.webhookEventListSchema } },
  getWebhookEvent: { responses: { 200: w.webhookEventResponseSchema } },
  resendWebhookEvent: { query: resendQuery, responses: { 200: w.webhookEventResponseSchema } },
  listEvents: { query: eventLogQuery, responses: { 200: w.eventLogListSchema }, extension: true },

  // Account closure (contract §3): 200 with the account and its account_closure; /v2 shares these.
  initiateClosure: { body: closureRequests.initiateClosureSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  patchClosure: { body: closureRequests.patchClosureSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },

  // The operator console's organization-scoped read path (issue 13, a Bankline extension).
  getOperatorOrganization: { responses: { 200: operatorResponses.organizationResponseSchema }, extension: true },
  getMigrationSummary: { responses: { 200: operatorResponses.migrationSummarySchema }, extension: true },
};

/** The entry of a route: its operation's, else (a `...V2` operation) the v0 operation's. */
export const schemasOf = (route: Pick<Route, 'operation'>): RouteSchemas | undefined =>
  ROUTE_SCHEMAS[route.operation] ?? ROUTE_SCHEMAS[route.operation.replace(/V2$/, '')];

/**
 * Every exported schema of the request and response schema modules, so the document names its
 * components after them (`createPersonSchema` → `CreatePerson`). A new domain adds its two modules.
 */
export const SCHEMA_MODULES: Readonly<{ requests: readonly object[]; responses: readonly object[] }> = {
  requests: [
    customerRequests,
    accountRequests,
    templateRequests,
    productRequests,
    mappingRequests,
    ledgerRequests,
    externalAccountRequests,
    vendorRequests,
    webhookRequests,
    closureRequests,
  ],
  responses: [
    customerResponses,
    accountResponses,
    mappingResponses,
    ledgerResponses,
    externalAccountResponses,
    webhookResponses,
    operatorResponses,
  ],
};
