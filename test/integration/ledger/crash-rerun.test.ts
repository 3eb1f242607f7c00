import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoExternalAccountDirectory } from '../../../functions/adapters/dynamodb/external-account-directory.js';
import { originateAch, settleDueAch, settlementOf } from '../../../functions/ledger/ach.js';
import { runDueWork } from '../../../functions/ledger/due-work.js';
import { simulateIncomingAch } from '../../../functions/ledger/incoming-ach.js';
import type { LedgerContext } from '../../../functions/ledger/context.js';
import type { LedgerStore } from '../../../functions/ledger/ports.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { fixedClock } from '../../../functions/ledger/sandbox-clock.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from './world.js';

// A crash between any two steps of the scheduled work, then a rerun, ends where a run without a
// crash ends: the steps are idempotent (deterministic ids, status-conditioned resolutions).

class Crash extends Error {}

/** The real store, except that commit number `at` crashes, before or after it is written. */
const crashingStore = (store: LedgerStore, at: number, when: 'before' | 'after'): LedgerStore => {
  let commits = 0;
  return {
    ...store,
    async commit(write) {
      commits += 1;
      if (commits === at && when === 'before') throw new Crash('crash before commit');
      await store.commit(write);
      if (commits === at && when === 'after') throw new Crash('crash after commit');
    },
  };
};

let world: LedgerWorld;

beforeAll(async () => {
  world = await newLedgerWorld('ledger-crash');
});

/** Two scheduled incoming credits and two expiring holds on fresh accounts, due at `due`. */
const scenario = async (start: Date) => {
  const ctx = world.ctx(fixedClock(start));
  const payer = await openChecking(world);
  const payee = await openChecking(world);
  await fund(world, payer, 5_000);
  const number = (await world.api.get(`/v0/accounts/${payee}`)).body.account_number as string;
  const tomorrow = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10);
  for (const amount of [300, 400])
    await simulateIncomingAch(ctx, { account_number: number, amount, dc_sign: 'credit', effective_date: tomorrow });
  for (const amount of [1_000, 2_000]) {
    await createTransfer(ctx, {
      amount,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: payer,
      receiving_account_id: payee,
      capture_mode: 'MANUAL',
      expires_at: new Date(start.getTime() + 3_600_000).toISOString(),
    });
  }
  return { payer, payee, due: new Date(start.getTime() + 2 * 86_400_000) };
};

const balancesOf = async (ctx: LedgerContext, ids: string[]) => {
  const { customers } = await ctx.store.accounts(world.tenant.id, ids);
  return ids.map((id) => ({ balance: customers.get(id)?.account_balance, pending: customers.get(id)?.pending_debits }));
};

describe('scheduled work after a crash', () => {
  // Four commits in all: two expiries, two postings. Crash at each, before and after it lands.
  const cases = [1, 2, 3, 4].flatMap((at) => (['before', 'after'] as const).map((when) => [at, when] as const));

  it.each(cases)('crash at commit %i (%s), rerun: the same final state as no crash', async (at, when) => {
    const start = new Date(Date.now() + 10 * 86_400_000 * at + (when === 'after' ? 1 : 0) * 3_600_000);
    const { payer, payee, due } = await scenario(start);
    const real = world.ctx(fixedClock(due));
    const crashing: LedgerContext = { ...real, store: crashingStore(real.store, at, when) };
    await expect(runDueWork(crashing, due)).rejects.toThrow(Crash);
    await runDueWork(real, due);
    await runDueWork(real, due); // and once more: nothing left to do
    expect(await balancesOf(real, [payer, payee])).toEqual([
      { balance: 5_000, pending: 0 },
      { balance: 700, pending: 0 },
    ]);
    const lines = await real.store.accountLines(world.tenant.id, payee);
    expect(lines.map((l) => l.amount).sort()).toEqual([300, 400]);
    await assertBooks(world);
  });
});

describe('interest after a crash', () => {
  /** The real store, except that step `at` (an accrual write or a posting) crashes, before or after it lands. */
  const crashingSteps = (store: LedgerStore, at: number, when: 'before' | 'after'): LedgerStore => {
    let steps = 0;
    const step = async (run: () => Promise<void>) => {
      steps += 1;
      if (steps === at && when === 'before') throw new Crash('crash before step');
      await run();
      if (steps === at && when === 'after') throw new Crash('crash after step');
    };
    return { ...store, commit: (w) => step(() => store.commit(w)), saveAccrual: (r) => step(() => store.saveAccrual(r)) };
  };

  let product: string;
  const interestAccount = async () => {
    const id = await openChecking(world, { account_type: 'SAVING', interest_product_id: product });
    await fund(world, id, 250_000);
    return id;
  };

  beforeAll(async () => {
    const res = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      rates: [{ rate: 1_234, accrual_period: 'DAILY', valid_from: '2020-01-01' }],
    });
    product = res.body.id;
  });

  // Accrue from the opening day across its month's end: three accrual writes and one payout.
  const runUntil = (opened: string) => {
    const d = new Date(`${opened}T00:00:00Z`);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 3)).toISOString().slice(0, 10);
  };

  it('a crash at any accrual or payout step, then a rerun, pays the same as no crash', async () => {
    const reference = await interestAccount();
    const opened = (await world.api.get(`/v0/accounts/${reference}`)).body.open_date as string;
    const today = runUntil(opened);
    const { accrueInterest } = await import('../../../functions/ledger/accrual.js');
    const real = world.ctx(fixedClock(new Date(`${today}T00:00:00Z`)));
    // Other accounts of the tenant accrue too: run the reference alone first.
    await accrueInterest(real, today);
    const expected = (await real.store.accounts(world.tenant.id, [reference])).customers.get(reference)?.account_balance;
    const expectedMtd = (await real.store.lastAccrual(world.tenant.id, reference))?.mtd_micro;
    expect(expected).toBeGreaterThan(250_000);
    for (const [at, when] of [1, 2, 3, 4, 5].flatMap((n) => (['before', 'after'] as const).map((w) => [n, w] as const))) {
      const account = await interestAccount();
      const crashing: LedgerContext = { ...real, store: crashingSteps(real.store, at, when) };
      await accrueInterest(crashing, today).catch((error: unknown) => {
        if (!(error instanceof Crash)) throw error;
      });
      await accrueInterest(real, today);
      await accrueInterest(real, today);
      const got = (await real.store.accounts(world.tenant.id, [account])).customers.get(account)?.account_balance;
      expect([at, when, got]).toEqual([at, when, expected]);
      expect((await real.store.lastAccrual(world.tenant.id, account))?.mtd_micro).toBe(expectedMtd);
      const payouts = (await real.store.accountLines(world.tenant.id, account)).filter((l) => l.subtype === 'INTEREST_PAYOUT');
      expect(payouts).toHaveLength(1);
    }
    await assertBooks(world);
  });
});

describe('ACH settlement after a crash', () => {
  /** A verified external account of the world's holder (as the external-accounts domain writes it). */
  const externalAccount = () => storedExternalAccount(world);

  /** An outgoing credit (held) and an outgoing debit on a fresh funded account, both due at the same cutoff. */
  const scenario = async (start: Date) => {
    const ctx = { ...world.ctx(fixedClock(start)), externalAccounts: dynamoExternalAccountDirectory };
    const account = await openChecking(world);
    await fund(world, account, 10_000);
    const external = await externalAccount();
    const entry = { currency: 'USD', customer_id: world.holder, originating_account_id: account, receiving_account_id: external };
    const credit = await originateAch(ctx, { ...entry, amount: 1_500, dc_sign: 'credit' });
    const debit = await originateAch(ctx, { ...entry, amount: 700, dc_sign: 'debit' });
    return { account, credit: credit.id, debit: debit.id, due: new Date(settlementOf(start).at) };
  };

  // Two commits in all, one per entry. Crash at each, before and after it lands.
  const cases = [1, 2].flatMap((at) => (['before', 'after'] as const).map((when) => [at, when] as const));

  it.each(cases)('crash at settlement commit %i (%s), rerun: each entry settles once', async (at, when) => {
    // Each case on its own (far) day, so a case's run sees only its own entries.
    const start = new Date(Date.now() + (200 + 10 * at + (when === 'after' ? 5 : 0)) * 86_400_000);
    const { account, credit, debit, due } = await scenario(start);
    const real = world.ctx(fixedClock(due));
    const crashing: LedgerContext = { ...real, store: crashingStore(real.store, at, when) };
    await expect(settleDueAch(crashing, due)).rejects.toThrow(Crash);
    await settleDueAch(real, due);
    expect(await settleDueAch(real, due)).toBe(0); // nothing left to do
    expect(await balancesOf(real, [account])).toEqual([{ balance: 10_000 - 1_500 + 700, pending: 0 }]);
    for (const id of [credit, debit]) {
      const t = await real.store.getTransaction(world.tenant.id, id);
      expect([t?.status, t?.ach?.status, t?.lines]).toMatchObject(['POSTED', 'COMPLETE', { length: 2 }]);
    }
    const lines = await real.store.accountLines(world.tenant.id, account);
    expect(lines.map((l) => l.amount).sort((a, b) => a - b)).toEqual([700, 1_500, 10_000]);
    await assertBooks(world);
  });
});
