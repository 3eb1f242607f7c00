import { beforeAll, describe, expect, it } from 'vitest';
import { stepKey } from '../../../functions/closures/rules.js';
import { closureContext } from '../../../functions/wiring/closures.js';
import { systemClock } from '../../../functions/shared/clock.js';
import { fund } from '../ledger/world.js';
import {
  account,
  advance,
  assertBooks,
  balanceOf,
  type ClosureWorld,
  execution,
  initiate,
  newClosureWorld,
  openChecking,
  restartTwin,
  startOfCleanWeek,
} from './world.js';

// Failures the workflow survives without moving money twice: a Lambda service error (retried by
// the task's Retry), a step that crashed after its money moved (re-run finds it moved), a PATCH
// racing the payout (one of them wins whole), and the twin restarted while a closure waits.

let world: ClosureWorld;

const DAY = 86_400;
const audit = { request_id: 'test', api_key_id: 'test', method: 'TEST', path: '/test' };

const payoutLines = async (accountId: string) =>
  ((await world.api.get(`/v0/transactions/posted?account_id=${accountId}`)).body.transactions as { subtype: string }[]).filter(
    (t) => t.subtype === 'ACCOUNT_TO_ACCOUNT',
  );

beforeAll(async () => {
  world = await newClosureWorld('closure-resilience');
  await startOfCleanWeek(world, 4);
});

describe('closure resilience', () => {
  it('retries a task that failed with a Lambda service error, and pays once', async () => {
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    await fund(world, closing, 3_000);
    world.twin.runner.injectFault('TransferRemainingFunds', { when: 'before', times: 2, name: 'Lambda.ServiceException' });
    world.twin.runner.injectFault('CloseAccount', { when: 'after', times: 1, name: 'Lambda.TooManyRequestsException' });
    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    await advance(world, DAY);
    expect((await account(world, closing)).status).toBe('CLOSED');
    expect(execution(world, closing)?.status).toBe('SUCCEEDED');
    expect(await balanceOf(world, destination)).toBe(3_000);
    expect(await payoutLines(destination)).toHaveLength(1);
    await assertBooks(world);
  });

  it('re-runs a payout step that crashed after its money moved, without moving it again', async () => {
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    await fund(world, closing, 4_200);
    // Run the workflow up to the payout, then crash the payout step after it returned.
    world.twin.runner.injectFault('TransferRemainingFunds', { when: 'after', times: 1, name: 'Lambda.ServiceException' });
    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    expect(await balanceOf(world, destination)).toBe(4_200);
    expect(await payoutLines(destination)).toHaveLength(1);

    // The state a crash between the money and its record leaves: the payout step locked the
    // payout (attempt 1, its amount), the ledger posted under the step's key, nothing else recorded.
    const other = await openChecking(world);
    const target = await openChecking(world);
    await fund(world, other, 1_100);
    await initiate(world, other, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: target });
    const ctx = await closureContext({ tenantId: world.tenant.id, audit, clock: systemClock });
    const initiated = (await ctx.store.account(world.tenant.id, other))!.closure!;
    const locked = {
      ...initiated,
      step: 'PAYOUT' as const,
      payout: { state: 'STARTED' as const, attempt: 1, method: initiated.payment_method, destination_id: target, amount: 1_100 },
      revision: initiated.revision + 1,
    };
    await ctx.store.save(locked);
    await ctx.ledger.transfer({
      key: stepKey(locked, 'payout', 1),
      amount: 1_100,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      from: other,
      to: target,
      memo: 'moved before the crash',
    });
    await world.twin.settle();
    expect((await account(world, other)).account_closure.payout).toMatchObject({ state: 'SENT', attempt: 1, amount: 1_100 });
    expect(await balanceOf(world, target)).toBe(1_100);
    expect(await payoutLines(target)).toHaveLength(1);
    await advance(world, DAY);
    expect((await account(world, other)).status).toBe('CLOSED');
    await assertBooks(world);
  });

  it('lets a PATCH racing the payout win or lose whole: the money goes to the destination the payout locked', async () => {
    const closing = await openChecking(world);
    const first = await openChecking(world);
    const second = await openChecking(world);
    await fund(world, closing, 2_000);
    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: first });
    const [patch] = await Promise.all([
      world.api.patch(`/v0/accounts/${closing}/initiate_closure`, { destination_id: second }),
      world.twin.settle(),
    ]);
    await world.twin.settle();
    expect([200, 409]).toContain(patch.status);
    const winner = patch.status === 200 ? second : first;
    const loser = winner === first ? second : first;
    expect(await balanceOf(world, winner)).toBe(2_000);
    expect(await balanceOf(world, loser)).toBe(0);
    const late = await world.api.patch(`/v0/accounts/${closing}/initiate_closure`, { destination_id: loser });
    expect(late.status).toBe(409);
    await assertBooks(world);
  });

  it('resumes a closure waiting for its close after the twin restarts', async () => {
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    await fund(world, closing, 800);
    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    expect((await account(world, closing)).account_closure.status).toBe('WAIT_CLOSE');

    const twin = await restartTwin(world);
    expect(await twin.start()).toBeGreaterThanOrEqual(1);
    await twin.settle();
    expect(execution(world, closing)).toMatchObject({ done: false });
    await advance(world, DAY);
    expect((await account(world, closing)).status).toBe('CLOSED');
    expect(execution(world, closing)?.status).toBe('SUCCEEDED');
    expect(await balanceOf(world, destination)).toBe(800);
    await assertBooks(world);
  });
});
