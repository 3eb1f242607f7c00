import * as z from 'zod/mini';
import { getTransaction, listPostedLines, listTransactions, type TransactionFilters } from '../../ledger/queries.js';
import { accountLineView, transactionView } from '../../ledger/views.js';
import { badRequest } from '../../shared/errors.js';
import { type ApiRequest, ok, type Operation } from '../api-request.js';
import { enumsOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { ledgerContextOf, pathId } from './context.js';

// /v0/transactions/posted and /pending: newest first, Query only (queries.ts).

export const transactionListQuery = z.strictObject({
  ...pagingParams,
  account_id: z.optional(z.string()),
  type: z.optional(z.string()),
  subtype: z.optional(z.string()),
  dc_sign: z.optional(z.string()),
  reference_id: z.optional(z.string()),
  idempotency_key: z.optional(z.string()),
  from_date: z.optional(z.string()),
  to_date: z.optional(z.string()),
});

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

const one = <T>(name: string, values: T[] | undefined): T | undefined => {
  if (values && values.length > 1) throw badRequest(`${name} takes one value`, 'BAD_QUERY_PARAMETER');
  return values?.[0];
};

const filtersOf = (request: ApiRequest): TransactionFilters => {
  const q = parseQuery(request, transactionListQuery);
  for (const name of ['from_date', 'to_date'] as const) {
    const value = q[name];
    if (value !== undefined && !DATE.test(value))
      throw badRequest(`${name} must be a date (YYYY-MM-DD) or a UTC time`, 'BAD_QUERY_PARAMETER');
  }
  const accountId = one('account_id', uuidsOf('account_id', q.account_id));
  const dcSign = one('dc_sign', enumsOf('dc_sign', q.dc_sign, ['debit', 'credit'] as const));
  return {
    ...(accountId ? { account_id: accountId } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.subtype ? { subtype: q.subtype } : {}),
    ...(dcSign ? { dc_sign: dcSign } : {}),
    ...(q.reference_id ? { reference_id: q.reference_id } : {}),
    ...(q.idempotency_key ? { idempotency_key: q.idempotency_key } : {}),
    ...(q.from_date ? { from_date: q.from_date } : {}),
    ...(q.to_date ? { to_date: q.to_date } : {}),
  };
};

const listOf =
  (list: 'POSTED' | 'PENDING'): Operation =>
  async (request) => {
    const filters = filtersOf(request);
    const { scope, limit, cursor } = await pagingOf(request, { ...filters, list });
    const ctx = await ledgerContextOf(request);
    // Newest first, always (Synctera's transaction lists have no sort_by).
    const paging = { limit, ascending: false, ...(cursor ? { cursor } : {}) };
    if (list === 'POSTED' && filters.account_id) {
      return ok(listBody(request, 'transactions', scope, await listPostedLines(ctx, filters.account_id, filters, paging), accountLineView));
    }
    return ok(listBody(request, 'transactions', scope, await listTransactions(ctx, list, filters, paging), transactionView));
  };

const getOf =
  (list: 'POSTED' | 'PENDING'): Operation =>
  async (request) =>
    ok(
      transactionView(
        await getTransaction(
          await ledgerContextOf(request),
          pathId(request, list === 'POSTED' ? 'posted_transaction_id' : 'pending_transaction_id'),
          list,
        ),
      ),
    );

export const transactionOperations = {
  listPosted: listOf('POSTED'),
  listPending: listOf('PENDING'),
  getPosted: getOf('POSTED'),
  getPending: getOf('PENDING'),
};
