import { beforeAll, describe, expect, it } from 'vitest';
import { createTransfer, resolveTransfer } from '../../../functions/ledger/transfers.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// The ledger's standing properties under load, on DynamoDB Local.

let world: LedgerWorld;
const accounts: string[] = [];

beforeAll(async () => {
  world = await newLedgerWorld('ledger-concurrency');
  accounts.push(...(await Promise.all(Array.from({ length: 20 }, () => openChecking(world)))));
  await Promise.all(accounts.map((id) => fund(world, id, 10_000)));
});

describe('ledger under concurrency', () => {
  it('200 concurrent transfers among 20 accounts keep the books balanced, available non-negative, chains consistent', async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed >>> 8) % n;
    };
    const transfers = Array.from({ length: 200 }, () => {
      const from = accounts[rand(20)] as string;
      const others = accounts.filter((a) => a !== from);
      return { from, to: others[rand(19)] as string, amount: 1 + rand(1_000) };
    });
    // All 200 are started together and race on 20 accounts; IN_FLIGHT of them run at once so
    // the run fits the suite's budget on a shared 2-core machine (every conflict still retries).
    const IN_FLIGHT = 25;
    const outcomes: PromiseSettledResult<unknown>[] = [];
    let next = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const worker = async () => {
      while (next < transfers.length) {
        const t = transfers[next++] as (typeof transfers)[number];
        const input = {
          amount: t.amount,
          currency: 'USD',
          type: 'ACCOUNT_TO_ACCOUNT',
          originating_account_id: t.from,
          receiving_account_id: t.to,
        };
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        outcomes.push(
          await createTransfer(world.ctx(), input)
            .finally(() => (inFlight -= 1))
            .then(
              (value) => ({ status: 'fulfilled' as const, value }),
              (reason: unknown) => ({ status: 'rejected' as const, reason }),
            ),
        );
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(outcomes).toHaveLength(200);
    expect(mostInFlight).toBe(IN_FLIGHT);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    // Only the two named refusals are allowed: not enough funds, or a account contended past its retries.
    for (const error of refused) expect(error.name).toMatch(/RuleViolation|ConcurrentModification/);
    expect(outcomes.length - refused.length).toBeGreaterThan(100);
    const customers = await assertBooks(world);
    expect(customers.reduce((sum, a) => sum + a.account_balance, 0)).toBe(200_000);
  });

  it('50 parallel captures of one hold capture it exactly once', async () => {
    const [from, to] = [accounts[0] as string, accounts[1] as string];
    await fund(world, from, 1_000);
    const hold = await createTransfer(world.ctx(), {
      amount: 500,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: from,
      receiving_account_id: to,
      capture_mode: 'MANUAL',
    });
    const before = (await world.ctx().store.accounts(world.tenant.id, [from])).customers.get(from);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => resolveTransfer(world.ctx(), hold.id, { status: 'COMPLETE', amount: 300 })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as Error).message).toMatch(/only a PENDING transfer|retry/);
    const after = (await world.ctx().store.accounts(world.tenant.id, [from])).customers.get(from);
    expect(after?.account_balance).toBe((before?.account_balance ?? 0) - 300);
    expect(after?.pending_debits).toBe((before?.pending_debits ?? 0) - 500);
    await assertBooks(world);
  });
});
