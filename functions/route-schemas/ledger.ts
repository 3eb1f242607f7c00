// The ledger routes' entries of the route schema registry (functions/route-schemas.ts).
import { disputeListQuery } from '../http/ledger/dispute-operations.js';
import { paymentQuery, scheduleQuery } from '../http/ledger/payment-schedule-operations.js';
import { statementListQuery } from '../http/ledger/statement-operations.js';
import { transactionListQuery } from '../http/ledger/transaction-operations.js';
import { pagingQuery } from '../http/list-query.js';
import * as l from '../ledger/response-schemas.js';
import * as ledgerRequests from '../ledger/schemas.js';
import { emptySchema } from '../shared/schemas/responses.js';
import { ACCOUNT_CLOSED, type RouteSchemas } from './entry.js';

export const LEDGER_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
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
};
