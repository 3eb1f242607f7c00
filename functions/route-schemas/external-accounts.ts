// The external account routes' entries of the route schema registry (functions/route-schemas.ts).
import * as x from '../external-accounts/response-schemas.js';
import * as externalAccountRequests from '../external-accounts/schemas.js';
import * as vendorRequests from '../external-accounts/vendor-schemas.js';
import { externalAccountListQuery } from '../http/external-accounts/account-operations.js';
import { balanceQuery, refreshQuery, transactionsQuery } from '../http/external-accounts/vendor-operations.js';
import type { RouteSchemas } from './entry.js';

const VENDOR = [502, 503];
/** A vendor read of an account added by hand (no aggregator behind it) is a 422. */
const VENDOR_READ = [422, ...VENDOR];

export const EXTERNAL_ACCOUNT_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
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
};
