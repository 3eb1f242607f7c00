import { beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  advance,
  assertBooks,
  balanceOf,
  check,
  type ClosureWorld,
  execution,
  initiate,
  newClosureWorld,
  openChecking,
  startOfCleanWeek,
} from './world.js';
import { eventsOf } from '../../helpers/api.js';
import { fund } from '../ledger/world.js';

// Happy path, internal payout: the account goes IN_CLOSING at once, the workflow (started from
// the stream) moves the balance to the destination account and waits for the next business day,
// then closes with CLOSED, close_date, and a zero balance.

let world: ClosureWorld;

beforeAll(async () => {
  world = await newClosureWorld('closure-internal');
});

describe('closure with an internal payout', () => {
  it('pays out at once, waits for the next business day, then closes', async () => {
    await startOfCleanWeek(world, 2);
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    await fund(world, closing, 12_345);

    const res = await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    expect(res.body.status).toBe('IN_CLOSING');
    expect(res.body.account_closure).toMatchObject({
      reason: 'CUSTOMER_REQUEST_TRANSFER',
      destination_id: destination,
      status: 'BLOCKERS',
    });
    expect(res.body.account_closure.validation_responses.map((c: { name: string }) => c.name)).toEqual([
      'pending_transactions',
      'disputes',
      'cards',
      'recurring_payments',
      'negative_balance',
      'interest_payout',
      'final_payment',
    ]);

    await world.twin.settle();
    const waiting = await account(world, closing);
    expect(waiting.status).toBe('IN_CLOSING');
    expect(waiting.account_closure).toMatchObject({ status: 'WAIT_CLOSE', payout: { state: 'SENT', amount: 12_345 } });
    expect(await balanceOf(world, closing)).toBe(0);
    expect(await balanceOf(world, destination)).toBe(12_345);
    await assertBooks(world);

    await advance(world, 86_400);
    const closed = await account(world, closing);
    expect(closed.status).toBe('CLOSED');
    expect(closed.close_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(closed.account_closure.status).toBe('CLOSED');
    expect(closed.account_closure.validation_responses.every((c: { validated: boolean }) => c.validated)).toBe(true);
    expect(check(closed.account_closure, 'cards')?.message).toMatch(/no card program/i);
    expect(execution(world, closing)).toMatchObject({ done: true, status: 'SUCCEEDED' });
    // Billed transitions: at most 15 for an internal payout without blockers (issue 10).
    expect(execution(world, closing)!.transitions).toBeLessThanOrEqual(15);
    const updates = (await eventsOf(world.tenant.id)).filter((e) => e.type === 'ACCOUNT.UPDATED' && e.resource_id === closing);
    expect(updates.map((e) => e.event_resource.status).sort()).toEqual(['CLOSED', 'IN_CLOSING']);
    await assertBooks(world);
  });
});
