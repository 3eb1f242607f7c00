import { newEvent, type OutboxEvent } from '../events/model.js';
import { badRequest, notFound, unprocessable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { conditionsFrom, type ListCriteria } from '../shared/list-criteria.js';
import type { Page } from '../shared/page.js';
import { retryOnConflict } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import { type PaymentInstruction, type PaymentRecord, type PaymentScheduleRecord, paymentScheduleView } from './payment-schedule-model.js';
import type { ScheduleWrite } from './ports.js';
import { assertCanMove } from './rules.js';
import { occurrenceOf, type ScheduleConfig, scheduleProblem } from './schedule-dates.js';

// /v0/payment_schedules: create, read, list and cancel recurring payments. The due work runs
// them (schedule-runner.ts); closure ends an account's schedules (cancelActivePaymentSchedules).

export interface PaymentScheduleInput {
  description: string;
  metadata?: Record<string, unknown>;
  payment_instruction: PaymentInstruction;
  schedule: ScheduleConfig;
}

/** Schedules cancelled per TransactWriteItems: each is its Put, up to two marker Deletes and its event. */
const CANCEL_BATCH = 20;

const scheduleEvent = (
  ctx: LedgerContext,
  type: 'PAYMENT_SCHEDULE.CREATED' | 'PAYMENT_SCHEDULE.UPDATED',
  s: PaymentScheduleRecord,
  before?: PaymentScheduleRecord,
): OutboxEvent =>
  newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: s.id,
    event_resource: paymentScheduleView(s),
    ...(before ? { event_resource_changed_fields: changed(paymentScheduleView(before), paymentScheduleView(s)) } : {}),
    audit: ctx.audit,
  });

const changed = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys({ ...before, ...after })
      .filter((k) => k !== 'last_updated_time' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, before[k] ?? null]),
  );

/** The instruction's accounts must be the tenant's customer accounts in its currency (a GL is not a schedule's party). */
const checkAccounts = async (ctx: LedgerContext, instruction: PaymentInstruction): Promise<string[]> => {
  const r = instruction.request;
  const field = 'payment_instruction.request';
  const internal = instruction.type === 'INTERNAL_TRANSFER';
  if (internal && r.originating_account_id === r.receiving_account_id)
    throw badRequest(`${field}.receiving_account_id must differ from originating_account_id`);
  const ids = internal ? [r.originating_account_id, r.receiving_account_id] : [r.originating_account_id];
  const { customers } = await ctx.store.accounts(ctx.tenantId, ids);
  for (const [i, id] of ids.entries()) {
    const account = customers.get(id);
    const name = i === 0 ? 'originating_account_id' : 'receiving_account_id';
    if (!account) throw notFound(`account (${field}.${name})`);
    if (account.currency !== r.currency) throw badRequest(`${field}.currency must be the account's currency ${account.currency}`);
    // A schedule is the customer's standing order: its account must be one the customer may move money from now.
    if (i === 0) assertCanMove(account, 'CUSTOMER');
  }
  if (instruction.type === 'ACH' && ctx.externalAccounts) {
    const external = await ctx.externalAccounts.get(ctx.tenantId, instruction.request.receiving_account_id);
    if (!external) throw notFound(`external account (${field}.receiving_account_id)`);
    const owner = external.owner.customer_id ?? external.owner.business_id;
    if (owner !== instruction.request.customer_id) throw unprocessable(`${field}.receiving_account_id does not belong to customer_id`);
  }
  return ids;
};

export const createPaymentSchedule = async (ctx: LedgerContext, input: PaymentScheduleInput): Promise<PaymentScheduleRecord> => {
  const now = ctx.clock.now().toISOString();
  const problem = scheduleProblem(input.schedule, now.slice(0, 10));
  if (problem) throw badRequest(problem);
  const accountIds = await checkAccounts(ctx, input.payment_instruction);
  const request = input.payment_instruction.request;
  const customerId = 'customer_id' in request ? request.customer_id : request.originating_account_customer_id;
  const record: PaymentScheduleRecord = {
    id: newId(),
    tenant: ctx.tenantId,
    description: input.description,
    ...(input.metadata ? { metadata: input.metadata } : {}),
    payment_instruction: input.payment_instruction,
    schedule: input.schedule,
    status: 'ACTIVE',
    account_ids: accountIds,
    account_id: request.originating_account_id,
    ...(customerId ? { customer_id: customerId } : {}),
    next_occurrence: 0,
    next_payment_date: occurrenceOf(input.schedule, 0),
    creation_time: now,
    last_updated_time: now,
    version: 1,
  };
  await ctx.store.savePaymentSchedules([{ record, events: [scheduleEvent(ctx, 'PAYMENT_SCHEDULE.CREATED', record)] }]);
  return record;
};

export const getPaymentSchedule = async (ctx: LedgerContext, id: string): Promise<PaymentScheduleRecord> => {
  const found = await ctx.store.getPaymentSchedule(ctx.tenantId, id);
  if (!found) throw notFound('payment schedule');
  return found;
};

export interface PaymentSchedulePatch {
  status?: 'ACTIVE' | 'CANCELLED';
  description?: string;
  metadata?: Record<string, unknown>;
}

/** The state a cancelled schedule is stored in: nothing due any more. */
const cancelled = (ctx: LedgerContext, s: PaymentScheduleRecord, reason?: string): PaymentScheduleRecord => {
  const { next_payment_date: _, ...rest } = s;
  return {
    ...rest,
    status: 'CANCELLED',
    ...(reason ? { cancellation_reason: reason } : {}),
    last_updated_time: ctx.clock.now().toISOString(),
    version: s.version + 1,
  };
};

/** PATCH: CANCELLED ends an ACTIVE schedule (for good); ACTIVE is accepted only on an ACTIVE one; description and metadata change. */
export const patchPaymentSchedule = (ctx: LedgerContext, id: string, patch: PaymentSchedulePatch): Promise<PaymentScheduleRecord> =>
  retryOnConflict(async () => {
    const current = await getPaymentSchedule(ctx, id);
    if (patch.status === 'ACTIVE' && current.status !== 'ACTIVE')
      throw unprocessable(`payment schedule ${id} is ${current.status}: a schedule is never resumed; create a new one`);
    if (patch.status && patch.status !== current.status && current.status !== 'ACTIVE')
      throw unprocessable(`payment schedule ${id} is ${current.status}: it can no longer become ${patch.status}`);
    const base = patch.status === 'CANCELLED' && current.status === 'ACTIVE' ? cancelled(ctx, current) : current;
    const next: PaymentScheduleRecord = {
      ...base,
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.metadata !== undefined ? { metadata: patch.metadata } : {}),
      last_updated_time: ctx.clock.now().toISOString(),
      version: current.version + 1,
    };
    await ctx.store.savePaymentSchedules([
      { record: next, expectedVersion: current.version, events: [scheduleEvent(ctx, 'PAYMENT_SCHEDULE.UPDATED', next, current)] },
    ]);
    return next;
  });

export interface ScheduleFilters {
  id?: readonly string[];
  account_id?: readonly string[];
  customer_id?: readonly string[];
}

export const listPaymentSchedules = (
  ctx: LedgerContext,
  f: ScheduleFilters,
  paging: Omit<ListCriteria<PaymentScheduleRecord>, 'where' | 'match'>,
): Promise<Page<PaymentScheduleRecord>> => {
  // One originating account: its own index partition; several: the tenant's list, filtered.
  const single = f.account_id?.length === 1 ? f.account_id[0] : undefined;
  return ctx.store.listPaymentSchedules(ctx.tenantId, single, {
    ...paging,
    where: conditionsFrom({ id: f.id, account_id: single ? undefined : f.account_id, customer_id: f.customer_id }),
  });
};

export interface PaymentFilters extends ScheduleFilters {
  schedule_id?: readonly string[];
}

export const listPayments = (
  ctx: LedgerContext,
  f: PaymentFilters,
  paging: Omit<ListCriteria<PaymentRecord>, 'where' | 'match'>,
): Promise<Page<PaymentRecord>> => {
  const single = f.schedule_id?.length === 1 ? f.schedule_id[0] : undefined;
  return ctx.store.listPayments(ctx.tenantId, single, {
    ...paging,
    where: conditionsFrom({
      id: f.id,
      account_id: f.account_id,
      customer_id: f.customer_id,
      payment_schedule_id: single ? undefined : f.schedule_id,
    }),
  });
};

/**
 * Ends every ACTIVE schedule naming the account (closure): one strongly consistent Query of the
 * account's markers, then one TransactWriteItems per batch of schedules, each with its
 * PAYMENT_SCHEDULE.UPDATED event. A schedule that changed meanwhile is re-read; one no longer
 * ACTIVE is left alone, so a re-run cancels nothing twice.
 */
export const cancelActivePaymentSchedules = async (
  ctx: LedgerContext,
  accountId: string,
  reason: string,
): Promise<{ cancelled: number }> => {
  const ids = await ctx.store.activePaymentScheduleIds(ctx.tenantId, accountId);
  let count = 0;
  for (let i = 0; i < ids.length; i += CANCEL_BATCH) {
    const batch = ids.slice(i, i + CANCEL_BATCH);
    count += await retryOnConflict(async () => {
      const records = await Promise.all(batch.map((id) => ctx.store.getPaymentSchedule(ctx.tenantId, id)));
      const writes: ScheduleWrite[] = records
        .filter((s): s is PaymentScheduleRecord => s?.status === 'ACTIVE')
        .map((s) => {
          const next = cancelled(ctx, s, reason);
          return { record: next, expectedVersion: s.version, events: [scheduleEvent(ctx, 'PAYMENT_SCHEDULE.UPDATED', next, s)] };
        });
      if (writes.length > 0) await ctx.store.savePaymentSchedules(writes);
      return writes.length;
    });
  }
  return { cancelled: count };
};
