import { newEvent } from '../events/model.js';
import { ConcurrentModification, DomainError, InternalError } from '../shared/domain-errors.js';
import { retryOnConflict } from '../shared/page.js';
import { originateAch } from './ach.js';
import type { LedgerContext } from './context.js';
import { uuidOf } from './gl.js';
import { type PaymentRecord, type PaymentScheduleRecord, paymentScheduleView, paymentView } from './payment-schedule-model.js';
import { TransactionExists } from './ports.js';
import { occurrenceOf } from './schedule-dates.js';
import { createTransfer } from './transfers.js';

// The due work's payment schedule step: every ACTIVE schedule whose next execution date has
// come pays its occurrences up to `day`, in order. Occurrence n of schedule S moves money under
// a transaction id derived from (tenant, S, n), with the idempotency key
// `payment_schedule:<S>:<n>`, so a re-run (a crash between the movement and the payment record,
// two timers at once) finds the movement made and never pays twice. A movement the rules refuse
// (funds, account status, rails) is recorded as a payment in ERROR; the schedule goes on.

export const occurrenceIds = (tenant: string, scheduleId: string, n: number) => ({
  transaction: uuidOf(`bankline:payment-schedule:${tenant}:${scheduleId}:${n}:transaction`),
  payment: uuidOf(`bankline:payment-schedule:${tenant}:${scheduleId}:${n}:payment`),
  idempotencyKey: `payment_schedule:${scheduleId}:${n}`,
});

type Outcome = Pick<PaymentRecord, 'status' | 'transaction_id' | 'error_details'>;

/** Errors that say "this payment is refused", as opposed to "try again later" (conflicts, outages). */
const refusal = (error: unknown): error is DomainError =>
  error instanceof DomainError && !(error instanceof ConcurrentModification) && !(error instanceof InternalError);

const pay = async (ctx: LedgerContext, s: PaymentScheduleRecord, n: number): Promise<Outcome> => {
  const ids = occurrenceIds(ctx.tenantId, s.id, n);
  const instruction = s.payment_instruction;
  try {
    if (instruction.type === 'INTERNAL_TRANSFER') {
      const r = instruction.request;
      await createTransfer(ctx, {
        id: ids.transaction,
        idempotency_key: ids.idempotencyKey,
        amount: r.amount,
        currency: r.currency,
        type: r.type,
        originating_account_id: r.originating_account_id,
        receiving_account_id: r.receiving_account_id,
        memo: r.memo ?? s.description,
        reference_id: r.reference_id ?? s.id,
      });
    } else {
      if (!ctx.externalAccounts) throw new Error('the ledger context has no external account directory: an ACH schedule cannot run');
      const { sec_code, memo, company_name, company_entry_description, reference_info, ...r } = instruction.request;
      await originateAch(
        { ...ctx, externalAccounts: ctx.externalAccounts },
        {
          ...r,
          id: ids.transaction,
          idempotency_key: ids.idempotencyKey,
          ...(sec_code ? { sec_code } : {}),
          memo: memo ?? s.description,
          ...(company_name ? { company_name } : {}),
          ...(company_entry_description ? { company_entry_description } : {}),
          ...(reference_info ? { reference_info } : {}),
        },
      );
    }
    return { status: 'COMPLETED', transaction_id: ids.transaction };
  } catch (error) {
    if (error instanceof TransactionExists) return { status: 'COMPLETED', transaction_id: ids.transaction };
    if (refusal(error)) return { status: 'ERROR', error_details: { code: error.code, details: error.detail } };
    throw error;
  }
};

/** Records occurrence n's outcome and moves the schedule on (or ends it, EXPIRED), unless a re-run recorded it first. */
const record = (
  ctx: LedgerContext,
  read: PaymentScheduleRecord,
  n: number,
  outcome: Outcome,
): Promise<PaymentScheduleRecord | undefined> => {
  // The first attempt writes over the schedule as read before paying; a lost race re-reads it.
  let known: PaymentScheduleRecord | undefined = read;
  return retryOnConflict(async () => {
    const s = known ?? (await ctx.store.getPaymentSchedule(ctx.tenantId, read.id));
    known = undefined;
    if (!s || s.next_occurrence !== n) return s;
    // Cancelled while this occurrence ran: the payment it made is still recorded, on its own date.
    const paymentDate = s.next_payment_date ?? occurrenceOf(s.schedule, n);
    if (!paymentDate) return s;
    const now = ctx.clock.now().toISOString();
    const following = occurrenceOf(s.schedule, n + 1);
    const { next_payment_date: _, ...rest } = s;
    const next: PaymentScheduleRecord = {
      ...rest,
      next_occurrence: n + 1,
      // A schedule cancelled while this occurrence ran stays CANCELLED, with nothing due.
      ...(s.status === 'ACTIVE' ? (following ? { next_payment_date: following } : { status: 'EXPIRED' as const }) : {}),
      last_updated_time: now,
      version: s.version + 1,
    };
    const payment: PaymentRecord = {
      id: occurrenceIds(ctx.tenantId, s.id, n).payment,
      tenant: ctx.tenantId,
      payment_schedule_id: s.id,
      occurrence: n,
      account_id: s.account_id,
      ...(s.customer_id ? { customer_id: s.customer_id } : {}),
      description: s.description,
      ...(s.metadata ? { metadata: s.metadata } : {}),
      payment_date: paymentDate,
      payment_instruction: s.payment_instruction,
      ...outcome,
      creation_time: now,
    };
    const event = (type: 'PAYMENT_SCHEDULE.PAYMENT.CREATED' | 'PAYMENT_SCHEDULE.UPDATED', resourceId: string, resource: unknown) =>
      newEvent(ctx.clock, { type, tenant: ctx.tenantId, resource_id: resourceId, event_resource: resource, audit: ctx.audit });
    await ctx.store.recordPayment(payment, {
      record: next,
      expectedVersion: s.version,
      events: [
        event('PAYMENT_SCHEDULE.PAYMENT.CREATED', payment.id, paymentView(payment)),
        ...(next.status !== s.status ? [event('PAYMENT_SCHEDULE.UPDATED', s.id, paymentScheduleView(next))] : []),
      ],
    });
    return next;
  });
};

/** Runs one schedule's occurrences due on or before `day`; the number of payments recorded. */
export const runSchedule = async (ctx: LedgerContext, id: string, day: string): Promise<number> => {
  let payments = 0;
  let s = await ctx.store.getPaymentSchedule(ctx.tenantId, id);
  while (s?.status === 'ACTIVE' && s.next_payment_date && s.next_payment_date.execution_date <= day) {
    const n = s.next_occurrence;
    const outcome = await pay(ctx, s, n);
    s = await record(ctx, s, n, outcome);
    payments += 1;
  }
  return payments;
};

/** The due work's step: every schedule of the tenant with an occurrence due on or before `day`. */
export const runDuePaymentSchedules = async (ctx: LedgerContext, day: string): Promise<number> => {
  let payments = 0;
  for (const due of await ctx.store.duePaymentSchedules(day, ctx.tenantId)) payments += await runSchedule(ctx, due.id, day);
  return payments;
};
