import * as z from 'zod/mini';
import { addVendorAccounts, syncVendorAccounts } from '../../external-accounts/vendor-accounts.js';
import { createAccessToken, createLinkToken } from '../../external-accounts/vendor-links.js';
import {
  deleteVendorAwareAccount,
  getBalance,
  listTransactions,
  parseMaxAge,
  refreshTransactions,
} from '../../external-accounts/vendor-reads.js';
import {
  ACCESS_TOKEN_READ_ONLY,
  accessTokenSchema,
  LINK_TOKEN_READ_ONLY,
  linkTokenSchema,
  vendorAccountsSchema,
} from '../../external-accounts/vendor-schemas.js';
import { deletedView } from '../../external-accounts/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { vendorFlowsContext } from '../../wiring/external-accounts-vendor.js';
import { type ApiRequest, created, ok, type Operation, scopeOf } from '../api-request.js';
import { booleanOf, parseQuery } from '../list-query.js';
import { externalAccountIdOf } from './account-operations.js';

// The external-account routes that call an aggregator (contract §9.1, §9.6–§9.8).

const ctxOf = (request: ApiRequest) => vendorFlowsContext(scopeOf(request));

const remove: Operation = async (request) => ok(deletedView(await deleteVendorAwareAccount(ctxOf(request), externalAccountIdOf(request))));

const linkToken: Operation = async (request) => {
  const input = parseWith(linkTokenSchema, withoutReadOnly(request.body, LINK_TOKEN_READ_ONLY));
  return created(await createLinkToken(ctxOf(request), input));
};

const accessToken: Operation = async (request) => {
  const input = parseWith(accessTokenSchema, withoutReadOnly(request.body, ACCESS_TOKEN_READ_ONLY));
  return created(await createAccessToken(ctxOf(request), input));
};

const addAccounts: Operation = async (request) =>
  ok(await addVendorAccounts(ctxOf(request), parseWith(vendorAccountsSchema, request.body)));

const syncAccounts: Operation = async (request) =>
  ok(await syncVendorAccounts(ctxOf(request), parseWith(vendorAccountsSchema, request.body)));

export const balanceQuery = z.strictObject({ max_age: z.optional(z.string()) });

const balance: Operation = async (request) => {
  const q = parseQuery(request, balanceQuery);
  return ok(await getBalance(ctxOf(request), externalAccountIdOf(request), parseMaxAge(q.max_age)));
};

export const transactionsQuery = z.strictObject({ start_date: z.optional(z.string()), end_date: z.optional(z.string()) });

const transactions: Operation = async (request) => {
  const q = parseQuery(request, transactionsQuery);
  return ok(await listTransactions(ctxOf(request), externalAccountIdOf(request), q.start_date, q.end_date));
};

export const refreshQuery = z.strictObject({ restricted: z.optional(z.string()), force_vendor_refresh: z.optional(z.string()) });

const refresh: Operation = async (request) => {
  const q = parseQuery(request, refreshQuery);
  booleanOf('restricted', q.restricted);
  const force = booleanOf('force_vendor_refresh', q.force_vendor_refresh) ?? false;
  return ok(await refreshTransactions(ctxOf(request), externalAccountIdOf(request), force));
};

export const vendorOperations = { remove, linkToken, accessToken, addAccounts, syncAccounts, balance, transactions, refresh };
