import { newEvent } from '../events/model.js';
import { addCalendarDays } from '../shared/business-days.js';
import { badRequest, notFound } from '../shared/errors.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import type { Page } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import { uuidOf } from './gl.js';
import { balanceDelta } from './posting.js';
import type { AccountLine } from './ports.js';

// Monthly statements: after a month ends, one per account that had activity or a balance in
// it (accounts closed during the month included: they had activity). Each holds the opening and
// closing balances, the totals and the month's posted lines (read from the account's lines, a
// single Query). The id is derived from account and month, so a rerun issues nothing twice.

export interface StatementRecord {
  id: string;
  tenant: string;
  account_id: string;
  /** YYYY-MM */
  month: string;
  start_date: string;
  end_date: string;
  currency: string;
  opening_balance: number;
  closing_balance: number;
  total_credits: number;
  total_debits: number;
  transaction_count: number;
  /** Interest paid into a deposit account in the month (its INTEREST_PAYOUT lines). */
  interest_earned?: number;
  creation_time: string;
}

const monthBounds = (month: string) => {
  const start = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { start, end: addCalendarDays(next, -1), next };
};

export const previousMonth = (day: string): string => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

/** Issues `month`'s statements for the tenant (idempotent). Returns how many were issued now. */
export const issueStatements = async (ctx: LedgerContext, month: string): Promise<number> => {
  const { start, end, next } = monthBounds(month);
  let issued = 0;
  for (const account of (await ctx.store.books(ctx.tenantId)).customers) {
    const lines = await ctx.store.linesBetween(ctx.tenantId, account.account_id, start, next);
    const before = await ctx.store.lastLineBefore(ctx.tenantId, account.account_id, start);
    const opening = before?.balance_after ?? 0;
    if (lines.length === 0 && opening === 0) continue;
    const deltas = lines.map((l) => balanceDelta(account.family, l));
    const record: StatementRecord = {
      id: uuidOf(`bankline:statement:${ctx.tenantId}:${account.account_id}:${month}`),
      tenant: ctx.tenantId,
      account_id: account.account_id,
      month,
      start_date: start,
      end_date: end,
      currency: account.currency,
      opening_balance: opening,
      closing_balance: lines.at(-1)?.balance_after ?? opening,
      total_credits: lines.filter((l) => l.dc_sign === 'credit').reduce((s, l) => s + l.amount, 0),
      total_debits: lines.filter((l) => l.dc_sign === 'debit').reduce((s, l) => s + l.amount, 0),
      transaction_count: deltas.length,
      ...(account.family === 'DEPOSIT'
        ? {
            interest_earned: lines
              .filter((l) => l.subtype === 'INTEREST_PAYOUT' && l.dc_sign === 'credit')
              .reduce((sum, l) => sum + l.amount, 0),
          }
        : {}),
      creation_time: ctx.clock.now().toISOString(),
    };
    const event = newEvent(ctx.clock, {
      type: 'STATEMENT.CREATED',
      tenant: ctx.tenantId,
      resource_id: record.id,
      event_resource: record,
      audit: ctx.audit,
    });
    if (await ctx.store.saveStatement(record, event)) issued += 1;
  }
  return issued;
};

/** The job's step: early in a month, the previous month's statements (catching up if a run was missed). */
export const statementsDue = (ctx: LedgerContext, at: Date): Promise<number> => {
  const day = at.toISOString().slice(0, 10);
  return Number(day.slice(8, 10)) <= 3 ? issueStatements(ctx, previousMonth(day)) : Promise.resolve(0);
};

export const getStatement = async (ctx: LedgerContext, id: string): Promise<StatementRecord> => {
  const found = await ctx.store.getStatement(ctx.tenantId, id);
  if (!found) throw notFound('statement');
  return found;
};

export const listStatements = (ctx: LedgerContext, accountId: string | undefined, criteria: ListCriteria<StatementRecord>) => {
  if (!accountId) throw badRequest('account_id is required', 'BAD_QUERY_PARAMETER');
  return ctx.store.listStatements(ctx.tenantId, accountId, criteria);
};

/** A statement's lines, oldest first, a page at a time (the month's lines share their key prefix). */
export const statementLines = async (
  ctx: LedgerContext,
  id: string,
  paging: Omit<ListCriteria<AccountLine>, 'ascending' | 'where' | 'match'>,
): Promise<Page<AccountLine>> => {
  const statement = await getStatement(ctx, id);
  return ctx.store.listAccountLinesOfMonth(ctx.tenantId, statement.account_id, statement.month, { ...paging, ascending: true });
};
