import { newEvent, type OutboxEvent } from '../events/model.js';
import { badRequest, notFound, unprocessable } from '../shared/errors.js';
import { TENANT_GLS, tenantGlId } from './gl.js';
import { newId } from '../shared/ids.js';
import type { LedgerContext } from './context.js';
import type { Initiator, LedgerTransaction, TransferFields } from './model.js';
import type { PostingAccounts } from './ports.js';
import { type Draft, postDraft } from './post.js';
import { assertRailEnabled } from './rules.js';
import { transferView } from './views.js';

// Internal transfers (contract §12.2): IMMEDIATE posts at once; MANUAL places a hold that one
// PATCH resolves (COMPLETE, possibly partial, or CANCELED) or the expiry sweep expires. The hold
// lives on the transaction item; its status condition is what makes a hold resolve exactly once.

export interface TransferInput {
  id?: string;
  amount: number;
  currency: string;
  type: string;
  originating_account_id: string;
  receiving_account_id: string;
  capture_mode?: 'IMMEDIATE' | 'MANUAL';
  expires_at?: string;
  memo?: string;
  reference_id?: string;
  metadata?: Record<string, unknown>;
  idempotency_key?: string;
}

const event = (ctx: LedgerContext, type: OutboxEvent['type'], t: LedgerTransaction, resource: unknown = transferView(t)): OutboxEvent =>
  newEvent(ctx.clock, { type, tenant: ctx.tenantId, resource_id: t.id, event_resource: resource, audit: ctx.audit });

const postedEvents = (ctx: LedgerContext, t: LedgerTransaction, sweep: LedgerTransaction | undefined): OutboxEvent[] => [
  ...(sweep ? [event(ctx, 'TRANSACTION.POSTED.CREATED', sweep, sweep)] : []),
  event(ctx, 'TRANSACTION.POSTED.CREATED', t, t),
  ...(t.transfer ? [event(ctx, 'INTERNAL_TRANSFER.SUCCEEDED', t)] : []),
];

const linesOf = (input: { originating_account_id: string; receiving_account_id: string; currency: string }, amount: number) => [
  { account_id: input.originating_account_id, dc_sign: 'debit' as const, amount, currency: input.currency },
  { account_id: input.receiving_account_id, dc_sign: 'credit' as const, amount, currency: input.currency },
];

/** Creates the transfer; `initiator` PLATFORM is for the platform's own movements (interest, closure, sweeps). */
export const createTransfer = async (
  ctx: LedgerContext,
  input: TransferInput,
  initiator: Initiator = 'CUSTOMER',
  extraEvents: readonly OutboxEvent[] = [],
) => {
  if (input.originating_account_id === input.receiving_account_id) {
    throw unprocessable('originating_account_id and receiving_account_id must be different accounts');
  }
  const manual = input.capture_mode === 'MANUAL';
  const now = ctx.clock.now().toISOString();
  if (manual && input.expires_at && input.expires_at <= now) throw unprocessable('expires_at must be in the future');
  const id = input.id ?? newId();
  const transfer: TransferFields = {
    originating_account_id: input.originating_account_id,
    receiving_account_id: input.receiving_account_id,
    capture_mode: manual ? 'MANUAL' : 'IMMEDIATE',
    status: manual ? 'PENDING' : 'COMPLETE',
    ...(input.expires_at ? { expires_at: input.expires_at } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  };
  const base = {
    id,
    tenant: ctx.tenantId,
    type: 'internal_transfer',
    subtype: input.type,
    amount: input.amount,
    currency: input.currency,
    created_at: now,
    effective_date: now.slice(0, 10),
    transfer,
    ...(input.memo ? { memo: input.memo } : {}),
    ...(input.reference_id ? { reference_id: input.reference_id } : {}),
    ...(input.idempotency_key ? { idempotency_key: input.idempotency_key } : {}),
  };
  const draft: Draft = manual
    ? {
        transaction: {
          ...base,
          status: 'PENDING',
          lines: [],
          hold: {
            account_id: input.originating_account_id,
            amount: input.amount,
            status: 'PENDING',
            ...(input.expires_at ? { expires_at: input.expires_at } : {}),
          },
        },
        placed: [{ account_id: input.originating_account_id, amount: input.amount }],
        initiator,
        ...(initiator === 'CUSTOMER' ? { check: customerMayMove } : {}),
        events: (t) => [event(ctx, 'TRANSACTION.PENDING.CREATED', t, t)],
      }
    : {
        transaction: { ...base, status: 'POSTED', lines: linesOf(input, input.amount) },
        initiator,
        ...(initiator === 'CUSTOMER' ? { check: customerMayMove } : {}),
        events: (t, s) => [...postedEvents(ctx, t, s), ...extraEvents],
      };
  return postDraft(ctx, async () => draft);
};

/**
 * A customer transfer may not touch a platform GL (is_system_acc, contract §12.2), and a transfer
 * between two customer accounts needs the p2p rail on both (contract §2.11).
 */
const customerMayMove = ({ customers, gls }: PostingAccounts): void => {
  for (const gl of gls.values()) {
    if (gl.is_system_acc) throw unprocessable(`internal account ${gl.id} (${gl.alias}) is a system account: transfers cannot touch it`);
    if (gl.status !== 'ACTIVE') throw unprocessable(`internal account ${gl.id} is ${gl.status}`);
  }
  if (customers.size === 2) for (const account of customers.values()) assertRailEnabled(account, 'is_p2p_enabled');
};

/** An account named by id, or a platform GL by its alias (gl.ts: `funding`, `fee_income`, ...). */
export const accountRef = (ctx: LedgerContext, id: string | undefined, alias: string | undefined, side: string): string => {
  if (id && alias) throw badRequest(`give ${side}_account_id or ${side}_account_alias, not both`);
  if (id) return id;
  const gl = TENANT_GLS.find((g) => g.toLowerCase() === alias);
  if (!gl)
    throw badRequest(
      alias ? `${side}_account_alias ${alias} names no internal account` : `${side}_account_id or ${side}_account_alias is required`,
    );
  return tenantGlId(ctx.tenantId, gl);
};

export const getTransfer = async (ctx: LedgerContext, id: string): Promise<LedgerTransaction> => {
  const t = await ctx.store.getTransaction(ctx.tenantId, id);
  if (!t?.transfer) throw notFound('internal transfer');
  return t;
};

export type Resolution = { status: 'COMPLETE'; amount?: number } | { status: 'CANCELED' } | { status: 'EXPIRED' };

/** Resolves a MANUAL transfer's hold. Exactly once: the write is conditioned on the hold still being PENDING. */
export const resolveTransfer = (ctx: LedgerContext, id: string, resolution: Resolution, initiator: Initiator = 'CUSTOMER') =>
  postDraft(ctx, async () => {
    const t = await getTransfer(ctx, id);
    const transfer = t.transfer as TransferFields;
    const hold = t.hold;
    if (t.status !== 'PENDING' || !hold || hold.status !== 'PENDING') {
      throw unprocessable(`internal transfer ${id} is ${transfer.status}: only a PENDING transfer can become ${resolution.status}`);
    }
    const released = [{ account_id: hold.account_id, amount: hold.amount }];
    const updated = (t2: LedgerTransaction) => [event(ctx, 'TRANSACTION.PENDING.UPDATED', t2, t2)];
    if (resolution.status !== 'COMPLETE') {
      return {
        transaction: {
          ...t,
          status: resolution.status === 'CANCELED' ? 'RELEASED' : 'EXPIRED',
          lines: [],
          hold: { ...hold, status: resolution.status === 'CANCELED' ? 'RELEASED' : 'EXPIRED' },
          transfer: { ...transfer, status: resolution.status },
        },
        expectedStatus: 'PENDING',
        released,
        initiator: 'PLATFORM',
        events: updated,
      } satisfies Draft;
    }
    // Past expires_at the hold is dead even if the expiry sweep has not reached it yet.
    const expiresAt = hold.expires_at ?? transfer.expires_at;
    if (expiresAt && expiresAt <= ctx.clock.now().toISOString()) {
      throw unprocessable(`internal transfer ${id} expired at ${expiresAt}: an expired hold cannot be captured`);
    }
    const amount = resolution.amount ?? hold.amount;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > hold.amount) {
      throw unprocessable(`amount must be between 1 and the held ${hold.amount}`);
    }
    return {
      transaction: {
        ...t,
        status: 'POSTED',
        amount,
        lines: linesOf({ ...transfer, currency: t.currency }, amount),
        hold: { ...hold, status: amount === hold.amount ? 'CLEARED' : 'PARTCLEARED' },
        transfer: { ...transfer, status: 'COMPLETE', captured_amount: amount },
      },
      expectedStatus: 'PENDING',
      released,
      // The funds were checked when the hold was placed; the capture spends the hold.
      initiator,
      events: (t2, s) => [...updated(t2), ...postedEvents(ctx, t2, s)],
    } satisfies Draft;
  });
