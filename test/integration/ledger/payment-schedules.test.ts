import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../../../functions/adapters/dynamodb/keys.js';
import { cancelActivePaymentSchedules } from '../../../functions/ledger/payment-schedules.js';
import type { LedgerStore } from '../../../functions/ledger/ports.js';
import { scheduledDateOf } from '../../../functions/ledger/schedule-dates.js';
import { occurrenceIds, runSchedule } from '../../../functions/ledger/schedule-runner.js';
import { addCalendarDays } from '../../../functions/shared/business-days.js';
import { eventsOf, expectProblem, table, TEST_TABLE } from '../../helpers/api.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from './world.js';

// Payment schedules: the API, the due work paying each occurrence as the sandbox clock moves,
// a re-run that never pays twice, refusals recorded as payments in ERROR, and closure's cancel.

let world: LedgerWorld;
let a: string;
let b: string;

const today = async (): Promise<string> => (await world.api.get('/v0/sandbox/clock')).body.now.slice(0, 10);

const transferSchedule = (schedule: Record<string, unknown>, request: Record<string, unknown> = {}) =>
  world.api.post('/v0/payment_schedules', {
    description: 'Weekly savings',
    metadata: { constructor: 'kept' },
    payment_instruction: {
      type: 'INTERNAL_TRANSFER',
      request: { amount: 700, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: a, receiving_account_id: b, ...request },
    },
    schedule: { frequency: 'DAILY', interval: 1, ...schedule },
  });

const advanceDays = async (days: number) => {
  const res = await world.api.post('/v0/sandbox/clock', { advance_seconds: days * 86_400 });
  expect(res.status, res.rawBody).toBe(200);
};

const balance = async (id: string): Promise<number> =>
  ((await world.api.get(`/v0/accounts/${id}`)).body.balances as { type: string; balance: number }[]).find(
    (x) => x.type === 'ACCOUNT_BALANCE',
  )?.balance as number;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-schedules');
  a = await openChecking(world);
  b = await openChecking(world);
  await fund(world, a, 10_000);
});

describe('payment schedules', () => {
  it('creates (201), reads, lists and pays each occurrence as the clock moves, then EXPIRES', async () => {
    const start = addCalendarDays(await today(), 1);
    const res = await transferSchedule({ start_date: start, count: 3 });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body).toMatchObject({
      description: 'Weekly savings',
      metadata: { constructor: 'kept' },
      status: 'ACTIVE',
      schedule: { frequency: 'DAILY', interval: 1, start_date: start, count: 3 },
      next_payment_date: { scheduled_date: start, execution_date: start },
      payment_instruction: { type: 'INTERNAL_TRANSFER', request: { amount: 700, originating_account_id: a } },
    });
    const id = res.body.id as string;
    expect((await world.api.get(`/v0/payment_schedules/${id}`)).body).toEqual(res.body);
    const mine = await world.api.get(`/v0/payment_schedules?account_id=${a}`);
    expect(mine.body.payment_schedules.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await world.api.get(`/v0/payment_schedules?account_id=${b}`)).body.payment_schedules).toEqual([]);

    const before = await balance(a);
    await advanceDays(1);
    expect(await balance(a)).toBe(before - 700);
    await advanceDays(4);
    expect(await balance(a)).toBe(before - 2_100);
    expect(await balance(b)).toBe(2_100);
    const done = await world.api.get(`/v0/payment_schedules/${id}`);
    expect(done.body.status).toBe('EXPIRED');
    expect(done.body.next_payment_date).toBeUndefined();

    const payments = await world.api.get(`/v0/payment_schedules/payments?schedule_id=${id}&sort_by=creation_time`);
    expect(payments.status, payments.rawBody).toBe(200);
    const list = payments.body.payments as { status: string; transaction_id: string; payment_date: { scheduled_date: string } }[];
    expect(list.map((p) => p.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(list.map((p) => p.payment_date.scheduled_date).sort()).toEqual([start, addCalendarDays(start, 1), addCalendarDays(start, 2)]);
    for (const [n, payment] of list.entries()) {
      expect(payment.transaction_id).toBe(occurrenceIds(world.tenant.id, id, n).transaction);
    }
    const byKey = await world.api.get(`/v0/transactions/posted?idempotency_key=payment_schedule:${id}:1`);
    expect(byKey.body.transactions.map((t: { id: string }) => t.id)).toEqual([occurrenceIds(world.tenant.id, id, 1).transaction]);

    const types = (await eventsOf(world.tenant.id)).filter((e) => e.resource_id === id).map((e) => e.type);
    expect(types.sort()).toEqual(['PAYMENT_SCHEDULE.CREATED', 'PAYMENT_SCHEDULE.UPDATED']);
    const paymentEvents = (await eventsOf(world.tenant.id)).filter((e) => e.type === 'PAYMENT_SCHEDULE.PAYMENT.CREATED');
    expect(paymentEvents).toHaveLength(3);
    await assertBooks(world);
  });

  it('never pays twice: a run that crashed after the movement, and a second run of the same day', async () => {
    const day = await today();
    const res = await transferSchedule({ start_date: day, count: 1 });
    const id = res.body.id as string;
    const before = await balance(a);
    const ctx = world.ctx();
    let crashes = 1;
    const crashing: LedgerStore = {
      ...ctx.store,
      recordPayment: async (...args) => {
        if (crashes-- > 0) throw new Error('crash after the movement');
        return ctx.store.recordPayment(...args);
      },
    };
    await expect(runSchedule({ ...ctx, store: crashing }, id, day)).rejects.toThrow('crash');
    expect(await balance(a)).toBe(before - 700);
    expect(await runSchedule({ ...ctx, store: crashing }, id, day)).toBe(1);
    expect(await runSchedule(ctx, id, day)).toBe(0);
    expect(await balance(a)).toBe(before - 700);
    const payments = await world.api.get(`/v0/payment_schedules/payments?schedule_id=${id}`);
    expect(payments.body.payments).toMatchObject([
      { status: 'COMPLETED', transaction_id: occurrenceIds(world.tenant.id, id, 0).transaction },
    ]);
    await assertBooks(world);
  });

  it('records the payment of an occurrence that ran while the schedule was cancelled, and pays no more', async () => {
    const day = await today();
    const id = (await transferSchedule({ start_date: day, count: 3 })).body.id as string;
    const ctx = world.ctx();
    let cancelFirst = true;
    const racing: LedgerStore = {
      ...ctx.store,
      recordPayment: async (...args) => {
        if (cancelFirst) {
          cancelFirst = false;
          expect((await world.api.patch(`/v0/payment_schedules/${id}`, { status: 'CANCELLED' })).status).toBe(200);
        }
        return ctx.store.recordPayment(...args);
      },
    };
    const before = await balance(a);
    expect(await runSchedule({ ...ctx, store: racing }, id, addCalendarDays(day, 2))).toBe(1);
    expect(await balance(a)).toBe(before - 700);
    const payments = (await world.api.get(`/v0/payment_schedules/payments?schedule_id=${id}`)).body.payments;
    expect(payments).toMatchObject([{ status: 'COMPLETED', payment_date: { scheduled_date: day } }]);
    expect((await world.api.get(`/v0/payment_schedules/${id}`)).body.status).toBe('CANCELLED');
    await assertBooks(world);
  });

  it('records a refused occurrence as a payment in ERROR and goes on', async () => {
    const day = await today();
    const res = await transferSchedule({ start_date: day, count: 2 }, { amount: 1_000_000 });
    const id = res.body.id as string;
    expect(await runSchedule(world.ctx(), id, addCalendarDays(day, 1))).toBe(2);
    const payments = await world.api.get(`/v0/payment_schedules/payments?schedule_id=${id}`);
    expect(payments.body.payments).toHaveLength(2);
    for (const p of payments.body.payments) {
      expect(p.status).toBe('ERROR');
      expect(p.error_details.details).toMatch(/insufficient funds/);
      expect(p.transaction_id).toBeUndefined();
    }
    expect((await world.api.get(`/v0/payment_schedules/${id}`)).body.status).toBe('EXPIRED');
    await assertBooks(world);
  });

  it('PATCH CANCELLED stops it for good; ACTIVE never resumes it', async () => {
    const start = addCalendarDays(await today(), 1);
    const id = (await transferSchedule({ start_date: start, count: 5 })).body.id as string;
    const cancelled = await world.api.patch(`/v0/payment_schedules/${id}`, { status: 'CANCELLED' });
    expect(cancelled.status, cancelled.rawBody).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.next_payment_date).toBeUndefined();
    expectProblem(await world.api.patch(`/v0/payment_schedules/${id}`, { status: 'ACTIVE' }), 422, undefined, 'never resumed');
    const before = await balance(a);
    await advanceDays(2);
    expect(await balance(a)).toBe(before);
    expect((await world.api.get(`/v0/payment_schedules/payments?schedule_id=${id}`)).body.payments).toEqual([]);
  });

  it('closure: cancelActivePaymentSchedules ends every ACTIVE schedule naming the account, once, with events', async () => {
    const start = addCalendarDays(await today(), 3);
    const c = await openChecking(world);
    await fund(world, c, 1_000);
    const out = [await transferSchedule({ start_date: start, count: 2 }, { originating_account_id: c, receiving_account_id: a })];
    out.push(await transferSchedule({ start_date: start, count: 2 }, { originating_account_id: c, receiving_account_id: b }));
    // Paying into c: also ended when c closes.
    out.push(await transferSchedule({ start_date: start, count: 2 }, { originating_account_id: a, receiving_account_id: c }));
    const unrelated = await transferSchedule({ start_date: start, count: 2 });
    for (const r of out) expect(r.status, r.rawBody).toBe(201);
    expect(await cancelActivePaymentSchedules(world.ctx(), c, 'account closure')).toEqual({ cancelled: 3 });
    expect(await cancelActivePaymentSchedules(world.ctx(), c, 'account closure')).toEqual({ cancelled: 0 });
    for (const r of out) {
      const s = await world.api.get(`/v0/payment_schedules/${r.body.id}`);
      expect(s.body).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'account closure' });
    }
    expect((await world.api.get(`/v0/payment_schedules/${unrelated.body.id}`)).body.status).toBe('ACTIVE');
    const updated = (await eventsOf(world.tenant.id)).filter(
      (e) => e.type === 'PAYMENT_SCHEDULE.UPDATED' && out.some((r) => r.body.id === e.resource_id),
    );
    expect(updated).toHaveLength(3);
    await world.api.patch(`/v0/payment_schedules/${unrelated.body.id}`, { status: 'CANCELLED' });
  });

  it('runs an outgoing ACH occurrence through the same origination (a hold under the derived id)', async () => {
    const external = await storedExternalAccount(world);
    const day = await today();
    const res = await world.api.post('/v0/payment_schedules', {
      description: 'Rent',
      payment_instruction: {
        type: 'ACH',
        request: {
          amount: 300,
          currency: 'USD',
          customer_id: world.holder,
          dc_sign: 'credit',
          originating_account_id: a,
          receiving_account_id: external,
        },
      },
      schedule: { frequency: 'MONTHLY', interval: 1, start_date: day, count: 12 },
    });
    expect(res.status, res.rawBody).toBe(201);
    expect(await runSchedule(world.ctx(), res.body.id, day)).toBe(1);
    const ach = await world.api.get(`/v0/ach/${occurrenceIds(world.tenant.id, res.body.id, 0).transaction}`);
    expect(ach.status, ach.rawBody).toBe(200);
    expect(ach.body).toMatchObject({ amount: 300, status: 'PENDING', dc_sign: 'credit' });
    const next = (await world.api.get(`/v0/payment_schedules/${res.body.id}`)).body.next_payment_date;
    expect(next.scheduled_date).toBe(scheduledDateOf({ frequency: 'MONTHLY', interval: 1, start_date: day, count: 12 }, 1));
    await world.api.patch(`/v0/payment_schedules/${res.body.id}`, { status: 'CANCELLED' });
    await assertBooks(world);
  });

  it('refuses bad input naming the field, unknown accounts with 404, and writes nothing', async () => {
    const day = await today();
    const count = async () => (await world.api.get('/v0/payment_schedules?limit=100')).body.payment_schedules.length;
    const before = await count();
    expectProblem(await world.api.post('/v0/payment_schedules', {}), 400, undefined, 'description');
    expectProblem(await transferSchedule({ start_date: day }), 400, undefined, 'end_date and count');
    expectProblem(await transferSchedule({ start_date: day, count: 1, end_date: addCalendarDays(day, 3) }), 400, undefined, 'count');
    expectProblem(await transferSchedule({ start_date: addCalendarDays(day, -1), count: 1 }), 400, undefined, 'schedule.start_date');
    expectProblem(await transferSchedule({ start_date: day, count: 1, frequency: 'YEARLY' }), 400, undefined, 'schedule.frequency');
    expectProblem(await transferSchedule({ start_date: day, count: 1, interval: 0 }), 400, undefined, 'schedule.interval');
    expectProblem(
      await transferSchedule({ start_date: day, count: 1 }, { amount: -5 }),
      400,
      undefined,
      'payment_instruction.request.amount',
    );
    expectProblem(
      await transferSchedule({ start_date: day, count: 1 }, { receiving_account_id: a }),
      400,
      undefined,
      'receiving_account_id',
    );
    expectProblem(
      await transferSchedule({ start_date: day, count: 1 }, { receiving_account_id: randomUUID() }),
      404,
      undefined,
      'receiving_account_id',
    );
    expectProblem(
      await world.api.post('/v0/payment_schedules', {
        description: 'x',
        payment_instruction: { type: 'CHECK', request: {} },
        schedule: { frequency: 'DAILY', interval: 1, start_date: day, count: 1 },
      }),
      400,
      undefined,
      'payment_instruction',
    );
    expectProblem(await world.api.get('/v0/payment_schedules?account_id=nope'), 400, undefined, 'account_id');
    const closing = await openChecking(world);
    await table().send(
      new UpdateCommand({
        TableName: TEST_TABLE,
        Key: KEYS.account(world.tenant.id, closing),
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'IN_CLOSING' },
      }),
    );
    expectProblem(await transferSchedule({ start_date: day, count: 1 }, { originating_account_id: closing }), 422, undefined, 'IN_CLOSING');
    expectProblem(await world.api.get(`/v0/payment_schedules/${randomUUID()}`), 404);
    expectProblem(await world.api.patch(`/v0/payment_schedules/${randomUUID()}`, { status: 'CANCELLED' }), 404);
    expectProblem(await world.api.patch(`/v0/payment_schedules/${randomUUID()}`, { status: 'PAUSED' }), 400, undefined, 'status');
    expect(await count()).toBe(before);
  });

  it('is tenant-scoped', async () => {
    const other = await newLedgerWorld('ledger-schedules-other');
    const mine = (await world.api.get('/v0/payment_schedules')).body.payment_schedules[0].id;
    expectProblem(await other.api.get(`/v0/payment_schedules/${mine}`), 404);
    expectProblem(await other.api.patch(`/v0/payment_schedules/${mine}`, { status: 'CANCELLED' }), 404);
    expect((await other.api.get('/v0/payment_schedules')).body.payment_schedules).toEqual([]);
    expect((await other.api.get('/v0/payment_schedules/payments')).body.payments).toEqual([]);
  });
});
