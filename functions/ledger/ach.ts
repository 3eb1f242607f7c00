import { newEvent, type OutboxEvent } from '../events/model.js';
import { addBusinessDays, easternDateOf, easternInstant, isBusinessDay } from '../shared/business-days.js';
import { badRequest, notFound, unprocessable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { LedgerContext } from './context.js';
import type { ExternalAccountDirectory } from './external-accounts.js';
import { tenantGlId, uuidOf } from './gl.js';
import type { AchFields, Initiator, LedgerTransaction } from './model.js';
import { type Draft, postDraft } from './post.js';
import { assertRailEnabled } from './rules.js';
import { traceNumberOf } from './views.js';

// Outgoing ACH (contract §12.3). A credit (money out) places a hold on the originating account;
// a debit (money in) from a verified external account holds nothing. Either waits for the
// settlement run at the cutoff (16:45 New York) on the banking day after origination, which
// posts it against the tenant's ACH settlement GL: INIT → PENDING at origination (the sandbox's
// risk checks pass at once), COMPLETE with a trace number at settlement. PATCH CANCELED works
// until then. A simulated return posts a new transaction linked to the original.

export const ACH_CUTOFF_ET = '16:45';
/** Same-day ACH: an entry originated on a banking day before this New York time settles that day. */
export const SAME_DAY_CUTOFF_ET = '14:45';
/** NACHA's per-entry limit for same-day ACH: 1,000,000.00 USD. */
export const SAME_DAY_LIMIT = 100_000_000;

export interface AchContext extends LedgerContext {
  externalAccounts: ExternalAccountDirectory;
}

export interface OutgoingAchInput {
  /** A derived id (a payment schedule's occurrence, a closure payout): a second origination with it is TransactionExists. */
  id?: string;
  idempotency_key?: string;
  amount: number;
  currency: string;
  customer_id: string;
  dc_sign: 'credit' | 'debit';
  originating_account_id: string;
  receiving_account_id: string;
  effective_date?: string;
  /** Same-day ACH: settles at today's cutoff when originated before SAME_DAY_CUTOFF_ET on a banking day. */
  is_same_day?: boolean;
  sec_code?: 'WEB' | 'CCD' | 'PPD';
  memo?: string;
  company_name?: string;
  company_entry_description?: string;
  reference_info?: string;
}

const event = (ctx: LedgerContext, type: OutboxEvent['type'], t: LedgerTransaction): OutboxEvent =>
  newEvent(ctx.clock, { type, tenant: ctx.tenantId, resource_id: t.id, event_resource: t, audit: ctx.audit });

/**
 * The settlement instant: the cutoff on the first banking day after the origination's New York
 * date; for a same-day entry originated on a banking day before SAME_DAY_CUTOFF_ET, that day's
 * cutoff (later same-day entries go out with the next day's file, as regular ones).
 */
export const settlementOf = (originatedAt: Date, sameDay = false): { date: string; at: string; same_day: boolean } => {
  const today = easternDateOf(originatedAt);
  if (sameDay && isBusinessDay(today) && originatedAt < easternInstant(today, SAME_DAY_CUTOFF_ET)) {
    return { date: today, at: easternInstant(today, ACH_CUTOFF_ET).toISOString(), same_day: true };
  }
  const date = addBusinessDays(today, 1);
  return { date, at: easternInstant(date, ACH_CUTOFF_ET).toISOString(), same_day: false };
};

/** `initiator` PLATFORM is for the platform's own payouts (closure), allowed on IN_CLOSING accounts. */
export const originateAch = async (
  ctx: AchContext,
  input: OutgoingAchInput,
  initiator: Initiator = 'CUSTOMER',
): Promise<LedgerTransaction> => {
  const external = await ctx.externalAccounts.get(ctx.tenantId, input.receiving_account_id);
  if (!external) throw notFound('external account (receiving_account_id)');
  const owner = external.owner.customer_id ?? external.owner.business_id;
  if (owner !== input.customer_id) throw unprocessable('receiving_account_id does not belong to customer_id');
  if (external.status !== 'ACTIVE') throw unprocessable(`external account ${external.id} is ${external.status}`);
  if (input.dc_sign === 'debit' && !external.verified) {
    throw unprocessable('a debit needs a verified (debit-eligible) external account: verification.status is not VERIFIED');
  }
  const { customers } = await ctx.store.accounts(ctx.tenantId, [input.originating_account_id]);
  const account = customers.get(input.originating_account_id);
  if (!account) throw notFound('account (originating_account_id)');
  assertRailEnabled(account, 'is_ach_enabled');
  if (account.currency !== input.currency) throw badRequest(`currency must be the account's currency ${account.currency}`);
  if (input.is_same_day && (input.currency !== 'USD' || input.amount > SAME_DAY_LIMIT))
    throw unprocessable('is_same_day: a same-day entry is in USD and at most 1,000,000.00 (NACHA per-entry limit)');
  const now = ctx.clock.now();
  const settlement = settlementOf(now, input.is_same_day === true);
  const ach: AchFields = {
    status: 'PENDING',
    dc_sign: input.dc_sign,
    customer_id: input.customer_id,
    originating_account_id: input.originating_account_id,
    receiving_account_id: input.receiving_account_id,
    sec_code: input.sec_code ?? 'WEB',
    effective_date: input.effective_date ?? settlement.date,
    settle_at: settlement.at,
    ...(input.is_same_day ? { is_same_day: true, same_day: settlement.same_day } : {}),
    ...(input.company_name ? { company_name: input.company_name } : {}),
    ...(input.company_entry_description ? { company_entry_description: input.company_entry_description } : {}),
    ...(input.reference_info ? { reference_info: input.reference_info } : {}),
  };
  const out = input.dc_sign === 'credit';
  const transaction = {
    id: input.id ?? newId(),
    tenant: ctx.tenantId,
    type: 'ach',
    subtype: out ? 'OUTGOING_CREDIT' : 'OUTGOING_DEBIT',
    status: 'PENDING' as const,
    amount: input.amount,
    currency: input.currency,
    created_at: now.toISOString(),
    effective_date: ach.effective_date,
    lines: [],
    ach,
    ...(input.memo ? { memo: input.memo } : {}),
    ...(input.idempotency_key ? { idempotency_key: input.idempotency_key } : {}),
    ...(out ? { hold: { account_id: account.account_id, amount: input.amount, status: 'PENDING' as const } } : {}),
  };
  return postDraft(ctx, async () => ({
    transaction,
    ...(out ? { placed: [{ account_id: account.account_id, amount: input.amount }] } : {}),
    initiator,
    events: (t) => [event(ctx, 'TRANSACTION.PENDING.CREATED', t)],
  }));
};

export const getAch = async (ctx: LedgerContext, id: string): Promise<LedgerTransaction> => {
  const t = await ctx.store.getTransaction(ctx.tenantId, id);
  if (!t?.ach) throw notFound('ach transaction');
  return t;
};

/** Settles one entry (the settlement run). Exactly once: the write is conditioned on the entry still PENDING. */
export const settleAch = (ctx: LedgerContext, id: string, routing = '00000000') =>
  postDraft(ctx, async (): Promise<Draft> => {
    const t = await getAch(ctx, id);
    const ach = t.ach as AchFields;
    if (t.status !== 'PENDING' || ach.status !== 'PENDING') throw unprocessable(`ach ${id} is ${ach.status}: only a PENDING entry settles`);
    const gl = tenantGlId(ctx.tenantId, 'ACH_SETTLEMENT');
    const out = ach.dc_sign === 'credit';
    const lines = [
      { account_id: out ? ach.originating_account_id : gl, dc_sign: 'debit' as const, amount: t.amount, currency: t.currency },
      { account_id: out ? gl : ach.originating_account_id, dc_sign: 'credit' as const, amount: t.amount, currency: t.currency },
    ];
    const settled: AchFields = {
      ...ach,
      status: 'COMPLETE',
      settlement_date: ach.settle_at.slice(0, 10),
      trace_no: traceNumberOf(routing, id),
    };
    return {
      transaction: { ...t, status: 'POSTED', lines, ach: settled, ...(t.hold ? { hold: { ...t.hold, status: 'CLEARED' } } : {}) },
      expectedStatus: 'PENDING',
      ...(t.hold ? { released: [{ account_id: t.hold.account_id, amount: t.hold.amount }] } : {}),
      // Funds were reserved at origination; the settlement spends the hold.
      initiator: 'PLATFORM',
      events: (posted) => [event(ctx, 'TRANSACTION.PENDING.UPDATED', posted), event(ctx, 'TRANSACTION.POSTED.CREATED', posted)],
    };
  });

/** PATCH {status: CANCELED} before the settlement run: the hold is released, nothing posts. */
export const cancelAch = (ctx: LedgerContext, id: string) =>
  postDraft(ctx, async (): Promise<Draft> => {
    const t = await getAch(ctx, id);
    const ach = t.ach as AchFields;
    if (t.status !== 'PENDING' || ach.status !== 'PENDING')
      throw unprocessable(`ach ${id} is ${ach.status}: only a PENDING entry can be canceled`);
    return {
      transaction: {
        ...t,
        status: 'RELEASED',
        ach: { ...ach, status: 'CANCELED' },
        ...(t.hold ? { hold: { ...t.hold, status: 'RELEASED' } } : {}),
      },
      expectedStatus: 'PENDING',
      ...(t.hold ? { released: [{ account_id: t.hold.account_id, amount: t.hold.amount }] } : {}),
      initiator: 'PLATFORM',
      events: (updated) => [event(ctx, 'TRANSACTION.PENDING.UPDATED', updated)],
    };
  });

/**
 * The simulated return of a settled entry: a new transaction reversing it against the ACH
 * settlement GL, linked both ways. A credit's money goes back to the account, or to the ACH
 * suspense GL when the account has closed since. One return per entry (its id is derived).
 */
export const returnAch = (ctx: LedgerContext, id: string, code = 'R01', reason = 'Insufficient funds') =>
  postDraft(ctx, async (): Promise<Draft> => {
    const t = await getAch(ctx, id);
    const ach = t.ach as AchFields;
    if (ach.status !== 'COMPLETE' || t.status !== 'POSTED')
      throw unprocessable(`ach ${id} is ${ach.status}: only a settled (COMPLETE) entry can be returned`);
    if (ach.return_data) throw unprocessable(`ach ${id} was already returned (${ach.return_data.code})`);
    const { customers } = await ctx.store.accounts(ctx.tenantId, [ach.originating_account_id]);
    const account = customers.get(ach.originating_account_id);
    const closed = !account || account.status === 'CLOSED' || account.status === 'CHARGED_OFF';
    const gl = tenantGlId(ctx.tenantId, 'ACH_SETTLEMENT');
    const target = closed ? tenantGlId(ctx.tenantId, 'ACH_SUSPENSE') : ach.originating_account_id;
    const back = ach.dc_sign === 'credit';
    const now = ctx.clock.now().toISOString();
    const returnId = uuidOf(`bankline:ach-return:${ctx.tenantId}:${id}`);
    const returned: LedgerTransaction = {
      ...t,
      ach: { ...ach, return_data: { code, reason, date: now.slice(0, 10), return_transaction_id: returnId } },
    };
    return {
      transaction: {
        id: returnId,
        tenant: ctx.tenantId,
        type: 'ach',
        subtype: back ? 'OUTGOING_CREDIT_RETURN' : 'OUTGOING_DEBIT_RETURN',
        status: 'POSTED',
        amount: t.amount,
        currency: t.currency,
        created_at: now,
        effective_date: now.slice(0, 10),
        original_trx: id,
        memo: `ACH return ${code}: ${reason}`,
        lines: [
          { account_id: back ? gl : target, dc_sign: 'debit', amount: t.amount, currency: t.currency },
          { account_id: back ? target : gl, dc_sign: 'credit', amount: t.amount, currency: t.currency },
        ],
      },
      also: [{ record: returned, expectedStatus: 'POSTED', annotationOnly: true }],
      // A network event: it posts even if it takes the account negative.
      initiator: 'PLATFORM',
      events: (posted) => [event(ctx, 'TRANSACTION.POSTED.CREATED', posted)],
    };
  }).catch((error: Error) => {
    // A racing second return lost on the return's derived id.
    if (error.name === 'TransactionExists') throw unprocessable(`ach ${id} was already returned`);
    throw error;
  });

export const settleDueAch = async (ctx: LedgerContext, at: Date): Promise<number> => {
  let settled = 0;
  for (const entry of await ctx.store.dueAchSettlements(at.toISOString(), ctx.tenantId)) {
    try {
      await settleAch(ctx, entry.id);
      settled += 1;
    } catch (error) {
      if (!/only a PENDING entry settles/.test((error as Error).message)) throw error;
    }
  }
  return settled;
};
