import { beforeAll, describe, expect, it } from 'vitest';
import { fund } from '../ledger/world.js';
import {
  account,
  advance,
  assertBooks,
  check,
  type ClosureWorld,
  initiate,
  newClosureWorld,
  openChecking,
  startOfCleanWeek,
} from './world.js';

// Blockers: a hold (a pending transaction) or an open dispute pauses the closure; it re-checks on
// its poll (hourly at first) and goes on once they clear.

let world: ClosureWorld;

const HOUR = 3_600;

beforeAll(async () => {
  world = await newClosureWorld('closure-blockers');
});

describe('closure blockers', () => {
  it('waits while a hold is pending, then goes on once it is released', async () => {
    await startOfCleanWeek(world, 2);
    const closing = await openChecking(world, { is_p2p_enabled: true });
    const destination = await openChecking(world, { is_p2p_enabled: true });
    await fund(world, closing, 9_000);
    const hold = await world.api.post('/v0/transactions/internal_transfer', {
      amount: 1_000,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: closing,
      receiving_account_id: destination,
      capture_mode: 'MANUAL',
    });
    expect(hold.status, hold.rawBody).toBe(200);

    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    const blocked = (await account(world, closing)).account_closure;
    expect(blocked.status).toBe('BLOCKERS');
    expect(check(blocked, 'pending_transactions')).toMatchObject({ validated: false, details: { pending_debits: 1_000 } });
    expect(blocked.waiting_until).toBeDefined();

    // Still held an hour later: one more poll, still blocked.
    await advance(world, HOUR);
    expect((await account(world, closing)).account_closure.status).toBe('BLOCKERS');

    const released = await world.api.patch(`/v0/transactions/internal_transfer/${hold.body.id}`, { status: 'CANCELED' });
    expect(released.status, released.rawBody).toBe(200);
    await advance(world, HOUR);
    const paid = (await account(world, closing)).account_closure;
    expect(paid).toMatchObject({ status: 'WAIT_CLOSE', payout: { amount: 9_000 } });
    expect(check(paid, 'pending_transactions')?.validated).toBe(true);

    await advance(world, 24 * HOUR);
    expect((await account(world, closing)).status).toBe('CLOSED');
    await assertBooks(world);
  });

  it('waits while a dispute is open, then goes on once it is resolved', async () => {
    await startOfCleanWeek(world, 2);
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    const funding = await fund(world, closing, 4_000);
    const dispute = await world.api.post('/v0/sandbox/disputes', { transaction_id: funding.id });
    expect(dispute.status, dispute.rawBody).toBeLessThan(300);
    expect(dispute.body.status).toBe('OPEN');

    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    const blocked = (await account(world, closing)).account_closure;
    expect(blocked.status).toBe('BLOCKERS');
    expect(check(blocked, 'disputes')).toMatchObject({ validated: false, details: { open_disputes: [dispute.body.id] } });

    const resolved = await world.api.patch(`/v0/sandbox/disputes/${dispute.body.id}`, { status: 'RESOLVED' });
    expect(resolved.status, resolved.rawBody).toBe(200);
    await advance(world, HOUR);
    expect((await account(world, closing)).account_closure.status).toBe('WAIT_CLOSE');
    await advance(world, 24 * HOUR);
    const closed = await account(world, closing);
    expect(closed.status).toBe('CLOSED');
    expect(check(closed.account_closure, 'disputes')?.validated).toBe(true);
    await assertBooks(world);
  });

  it("cancels the account's active payment schedules and says there are no cards", async () => {
    const closing = await openChecking(world, { is_p2p_enabled: true });
    const destination = await openChecking(world, { is_p2p_enabled: true });
    await fund(world, closing, 1_500);
    const schedule = await world.api.post('/v0/payment_schedules', {
      description: 'Monthly savings',
      payment_instruction: {
        type: 'INTERNAL_TRANSFER',
        request: {
          amount: 500,
          currency: 'USD',
          type: 'ACCOUNT_TO_ACCOUNT',
          originating_account_id: closing,
          receiving_account_id: destination,
        },
      },
      schedule: { frequency: 'MONTHLY', interval: 1, start_date: '2030-01-15', count: 12 },
    });
    expect(schedule.status, schedule.rawBody).toBeLessThan(300);

    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    const closure = (await account(world, closing)).account_closure;
    expect(check(closure, 'recurring_payments')).toMatchObject({ validated: true, details: { cancelled: 1 } });
    expect(check(closure, 'cards')).toMatchObject({ validated: true });
    expect((await world.api.get(`/v0/payment_schedules/${schedule.body.id}`)).body.status).toBe('CANCELLED');
  });
});
