import { beforeAll, describe, expect, it } from 'vitest';
import { closeAtAfterAch } from '../../../functions/closures/rules.js';
import { addBusinessDays, easternDateOf } from '../../../functions/shared/business-days.js';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { fund } from '../ledger/world.js';
import {
  account,
  advance,
  assertBooks,
  balanceOf,
  check,
  type ClosureWorld,
  execution,
  externalAccount,
  initiate,
  newClosureWorld,
  openAchChecking,
  openChecking,
  startOfCleanWeek,
} from './world.js';

// ACH payouts: the closure waits out the two-business-day return window after settlement and
// closes on the next business day; a payout returned inside the window parks the closure until a
// PATCH names a new destination, and a PATCH after the payout started is refused.

let world: ClosureWorld;

const HOUR = 3_600;

beforeAll(async () => {
  world = await newClosureWorld('closure-ach');
});

describe('closure with an ACH payout', () => {
  it('settles the payout, waits two business days after settlement, then closes on the next business day', async () => {
    const monday = await startOfCleanWeek(world);
    const closing = await openAchChecking(world);
    const external = await externalAccount(world);
    await fund(world, closing, 50_000);

    await initiate(world, closing, { payment_method: 'ACH', destination_id: external });
    await world.twin.settle();
    const sent = (await account(world, closing)).account_closure;
    const settlement = addBusinessDays(easternDateOf(monday), 1);
    expect(sent).toMatchObject({ status: 'WAIT_CLOSE', payout: { state: 'SENT', amount: 50_000, close_at: closeAtAfterAch(settlement) } });
    expect(check(sent, 'final_payment')?.validated).toBe(false);

    // Thursday noon: settled on Tuesday, still inside the window (it ends with Thursday).
    await advance(world, 3 * 24 * HOUR + 2 * HOUR);
    expect((await account(world, closing)).status).toBe('IN_CLOSING');
    expect(await balanceOf(world, closing)).toBe(0);
    await assertBooks(world);

    // Friday noon: the window is over; closed.
    await advance(world, 24 * HOUR);
    const closed = await account(world, closing);
    expect(closed).toMatchObject({ status: 'CLOSED', account_closure: { status: 'CLOSED' } });
    expect(execution(world, closing)?.status).toBe('SUCCEEDED');
    expect(execution(world, closing)!.transitions).toBeLessThanOrEqual(25);
    await assertBooks(world);
  });

  it('parks a returned payout until a PATCH names a new destination, then closes; PATCH after the payout started is 409', async () => {
    await startOfCleanWeek(world);
    const closing = await openAchChecking(world);
    const external = await externalAccount(world);
    const fallback = await openChecking(world);
    await fund(world, closing, 7_000);

    await initiate(world, closing, { payment_method: 'ACH', destination_id: external });
    await world.twin.settle();
    const racing = await world.api.patch(`/v0/accounts/${closing}/initiate_closure`, { destination_id: external });
    expectProblem(racing, 409, undefined, 'already started');

    // Tuesday evening: settled. The receiver returns it (R01) inside the window.
    await advance(world, 32 * HOUR);
    const ach = (await account(world, closing)).account_closure.payout.transaction_id as string;
    const returned = await world.api.post('/v0/ach/transaction_simulations/receiving_return', { ach_id: ach });
    expect(returned.status, returned.rawBody).toBeLessThan(300);
    expect(await balanceOf(world, closing)).toBe(7_000);

    // Friday: the close finds the return and waits for a destination.
    await advance(world, 3 * 24 * HOUR);
    const parked = await account(world, closing);
    expect(parked.status).toBe('IN_CLOSING');
    expect(parked.account_closure).toMatchObject({ status: 'NEEDS_DESTINATION', payout: { state: 'RETURNED', returned: { code: 'R01' } } });
    const updates = (await eventsOf(world.tenant.id)).filter((e) => e.type === 'ACCOUNT.UPDATED' && e.resource_id === closing);
    expect(updates.length).toBeGreaterThanOrEqual(2);

    const patched = await world.api.patch(`/v2/accounts/${closing}/initiate_closure`, {
      payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
      destination_id: fallback,
    });
    expect(patched.status, patched.rawBody).toBe(200);
    expect(patched.body.account_closure).toMatchObject({ destination_id: fallback, payout: { state: 'NOT_STARTED', attempt: 1 } });
    await world.twin.settle();
    expect(await balanceOf(world, fallback)).toBe(7_000);
    expect((await account(world, closing)).account_closure.payout).toMatchObject({ state: 'SENT', attempt: 2 });

    await advance(world, 3 * 24 * HOUR);
    expect((await account(world, closing)).status).toBe('CLOSED');
    await assertBooks(world);
  });
});
