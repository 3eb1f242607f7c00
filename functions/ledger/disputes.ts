import { newEvent } from '../events/model.js';
import { badRequest, notFound, unprocessable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import { conditionsFrom } from '../shared/list-criteria.js';
import type { Page } from '../shared/page.js';
import { retryOnConflict } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import type { LedgerTransaction } from './model.js';

// Sandbox disputes (a Bankline stand-in for Synctera's card disputes): a customer contests one
// transaction on one of its accounts; the dispute is OPEN until it is RESOLVED. An account's
// open disputes are what account closure checks (openDisputesOfAccount). One open dispute per
// (account, transaction): a second POST for it answers the open one (200) instead of a copy.

export type DisputeStatus = 'OPEN' | 'RESOLVED';

export interface DisputeRecord {
  id: string;
  tenant: string;
  transaction_id: string;
  account_id: string;
  status: DisputeStatus;
  creation_time: string;
  last_updated_time: string;
  version: number;
}

/** The open dispute of this (account, transaction) already exists: its id. */
export class DisputeAlreadyOpen extends Error {
  override readonly name = 'DisputeAlreadyOpen';
  constructor(readonly disputeId: string) {
    super(`dispute ${disputeId} is already open`);
  }
}

export const disputeView = (d: DisputeRecord) => ({
  id: d.id,
  transaction_id: d.transaction_id,
  account_id: d.account_id,
  status: d.status,
  creation_time: d.creation_time,
  last_updated_time: d.last_updated_time,
});

/** The customer accounts a transaction touches: its customer lines, or the account a hold reserves on. */
export const customerAccountsOf = (t: LedgerTransaction): string[] => {
  const debited = t.lines.filter((l) => l.kind === 'CUSTOMER' && l.dc_sign === 'debit').map((l) => l.account_id);
  const credited = t.lines.filter((l) => l.kind === 'CUSTOMER' && l.dc_sign === 'credit').map((l) => l.account_id);
  return [...new Set([...(t.hold ? [t.hold.account_id] : []), ...debited, ...credited])];
};

/**
 * The disputed account: the one named, which must be one the transaction touches; else the
 * account the money left (or the hold reserves on), else the one it reached.
 */
export const disputedAccountOf = (t: LedgerTransaction, named?: string): string => {
  const accounts = customerAccountsOf(t);
  if (named) {
    if (!accounts.includes(named)) throw badRequest(`account_id ${named} is not an account of transaction ${t.id}`);
    return named;
  }
  const first = accounts[0];
  if (!first) throw unprocessable(`transaction ${t.id} moves no customer account: there is nothing to dispute`);
  return first;
};

const eventOf = (ctx: LedgerContext, type: 'DISPUTE.CREATED' | 'DISPUTE.UPDATED', d: DisputeRecord, before?: DisputeRecord) =>
  newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: d.id,
    event_resource: disputeView(d),
    ...(before ? { event_resource_changed_fields: { status: before.status, last_updated_time: before.last_updated_time } } : {}),
    audit: ctx.audit,
  });

export const getDispute = async (ctx: LedgerContext, id: string): Promise<DisputeRecord> => {
  const found = await ctx.store.getDispute(ctx.tenantId, id);
  if (!found) throw notFound('dispute');
  return found;
};

/** Opens a dispute; `created` is false when the (account, transaction) already had an open one, which is returned. */
export const openDispute = async (
  ctx: LedgerContext,
  input: { transaction_id: string; account_id?: string },
): Promise<{ dispute: DisputeRecord; created: boolean }> => {
  const t = await ctx.store.getTransaction(ctx.tenantId, input.transaction_id);
  if (!t) throw notFound('transaction (transaction_id)');
  const accountId = disputedAccountOf(t, input.account_id);
  const now = ctx.clock.now().toISOString();
  const record: DisputeRecord = {
    id: newId(),
    tenant: ctx.tenantId,
    transaction_id: t.id,
    account_id: accountId,
    status: 'OPEN',
    creation_time: now,
    last_updated_time: now,
    version: 1,
  };
  return retryOnConflict(async () => {
    try {
      await ctx.store.saveDispute(record, undefined, eventOf(ctx, 'DISPUTE.CREATED', record));
      return { dispute: record, created: true };
    } catch (error) {
      if (!(error instanceof DisputeAlreadyOpen)) throw error;
      return { dispute: await getDispute(ctx, error.disputeId), created: false };
    }
  });
};

/** OPEN → RESOLVED, once. */
export const resolveDispute = (ctx: LedgerContext, id: string, status: 'RESOLVED'): Promise<DisputeRecord> =>
  retryOnConflict(async () => {
    const current = await getDispute(ctx, id);
    if (current.status !== 'OPEN') throw unprocessable(`dispute ${id} is ${current.status}: only an OPEN dispute can become ${status}`);
    const next: DisputeRecord = { ...current, status, last_updated_time: ctx.clock.now().toISOString(), version: current.version + 1 };
    await ctx.store.saveDispute(next, current.version, eventOf(ctx, 'DISPUTE.UPDATED', next, current));
    return next;
  });

export interface DisputeFilters {
  account_id?: string;
  status?: DisputeStatus;
}

export const listDisputes = (
  ctx: LedgerContext,
  filters: DisputeFilters,
  paging: Omit<ListCriteria<DisputeRecord>, 'where' | 'match'>,
): Promise<Page<DisputeRecord>> =>
  ctx.store.listDisputes(ctx.tenantId, filters.account_id, { ...paging, where: conditionsFrom({ status: filters.status }) });

/** The account's OPEN disputes (one strongly consistent Query of the account's partition): what closure checks. */
export const openDisputesOfAccount = (ctx: LedgerContext, accountId: string): Promise<readonly { id: string; transaction_id: string }[]> =>
  ctx.store.openDisputes(ctx.tenantId, accountId);
