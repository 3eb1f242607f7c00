import { badRequest, notFound } from '../shared/errors.js';
import { conditionsFrom } from '../shared/list-criteria.js';
import type { Cursor } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import type { LedgerTransaction } from './model.js';

// Transaction lists (Query only, newest first): with account_id, the account's own posted lines
// (one Query of its partition, each with its balance after); without, the tenant's list (gsi8).

export interface TransactionFilters {
  account_id?: string;
  type?: string;
  subtype?: string;
  dc_sign?: 'debit' | 'credit';
  reference_id?: string;
  idempotency_key?: string;
  /** Inclusive bounds on the posting (or, for holds, creation) time, RFC 3339 or a date. */
  from_date?: string;
  to_date?: string;
}

export interface Paging {
  limit: number;
  ascending: boolean;
  cursor?: Cursor;
}

const inRange = (time: string | undefined, f: TransactionFilters): boolean =>
  time !== undefined && (!f.from_date || time >= f.from_date) && (!f.to_date || time.slice(0, f.to_date.length) <= f.to_date);

export const listPostedLines = (ctx: LedgerContext, accountId: string, f: TransactionFilters, paging: Paging) =>
  ctx.store.listAccountLines(ctx.tenantId, accountId, {
    ...paging,
    where: conditionsFrom({
      type: f.type,
      subtype: f.subtype,
      dc_sign: f.dc_sign,
      reference_id: f.reference_id,
      idempotency_key: f.idempotency_key,
    }),
    ...(f.from_date || f.to_date ? { match: (l) => inRange(l.posted_at, f) } : {}),
  });

export const listTransactions = (ctx: LedgerContext, list: 'POSTED' | 'PENDING', f: TransactionFilters, paging: Paging) => {
  if (f.dc_sign && !f.account_id)
    throw badRequest('dc_sign needs account_id: a transaction debits one account and credits another', 'BAD_QUERY_PARAMETER');
  return ctx.store.listTransactions(ctx.tenantId, list, {
    ...paging,
    where: conditionsFrom({ type: f.type, subtype: f.subtype, reference_id: f.reference_id, idempotency_key: f.idempotency_key }),
    match: (t: LedgerTransaction) =>
      (!f.account_id || t.lines.some((l) => l.account_id === f.account_id) || t.hold?.account_id === f.account_id) &&
      (!(f.from_date || f.to_date) || inRange(t.posted_at ?? t.created_at, f)),
  });
};

export const getTransaction = async (ctx: LedgerContext, id: string, list: 'POSTED' | 'PENDING'): Promise<LedgerTransaction> => {
  const t = await ctx.store.getTransaction(ctx.tenantId, id);
  // A posted transaction keeps its pending id (Synctera): GET pending/{id} still finds a captured hold.
  if (!t || (list === 'POSTED' && t.status !== 'POSTED') || (list === 'PENDING' && !t.hold))
    throw notFound(`${list.toLowerCase()} transaction`);
  return t;
};
