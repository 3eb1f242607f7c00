import { describe, expect, it } from 'vitest';
import type { BalanceRecord, Line } from '../../../functions/ledger/model.js';
import { assertBalanced, planPosting, rawAvailable, UnbalancedTransaction } from '../../../functions/ledger/posting.js';

const deposit = (id: string, balance: number, extra: Partial<BalanceRecord> = {}): BalanceRecord => ({
  account_id: id,
  tenant: 't',
  currency: 'USD',
  family: 'DEPOSIT',
  status: 'ACTIVE_OR_DISBURSED',
  access_status: 'ACTIVE',
  account_balance: balance,
  pending_debits: 0,
  version: 3,
  ...extra,
});
const credit = (id: string, owed: number, limit: number): BalanceRecord => ({
  ...deposit(id, owed),
  family: 'CREDIT',
  credit_limit: limit,
});
const line = (account_id: string, dc_sign: Line['dc_sign'], amount: number, currency = 'USD'): Line => ({
  account_id,
  dc_sign,
  amount,
  currency,
});
const accounts = (...records: BalanceRecord[]) => new Map(records.map((r) => [r.account_id, r]));

describe('assertBalanced', () => {
  it('accepts debits equal to credits per currency', () => {
    expect(() => assertBalanced([line('a', 'debit', 5), line('b', 'credit', 3), line('c', 'credit', 2)])).not.toThrow();
    expect(() =>
      assertBalanced([line('a', 'debit', 5), line('b', 'credit', 5), line('c', 'debit', 7, 'EUR'), line('d', 'credit', 7, 'EUR')]),
    ).not.toThrow();
  });

  it.each([
    ['unequal sides', [line('a', 'debit', 5), line('b', 'credit', 4)]],
    ['a single line', [line('a', 'debit', 5)]],
    ['no lines', []],
    ['balanced overall but not per currency', [line('a', 'debit', 5), line('b', 'credit', 5, 'EUR')]],
    ['a zero amount', [line('a', 'debit', 0), line('b', 'credit', 0)]],
    ['a negative amount', [line('a', 'debit', -5), line('b', 'credit', -5)]],
    ['a fractional amount', [line('a', 'debit', 1.5), line('b', 'credit', 1.5)]],
  ])('refuses %s', (_, lines) => {
    expect(() => assertBalanced(lines)).toThrow(UnbalancedTransaction);
  });

  it('refuses a sum beyond the safe range instead of rounding', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(() =>
      assertBalanced([line('a', 'debit', big), line('a', 'debit', big), line('b', 'credit', big), line('b', 'credit', big)]),
    ).toThrow();
  });
});

describe('planPosting', () => {
  it('moves a deposit down on a debit and up on a credit, with the balance after each line', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 30), line('b', 'credit', 30)],
      accounts: accounts(deposit('a', 100), deposit('b', 5)),
      checkFunds: true,
    });
    expect(plan.lines.map((l) => [l.account_id, l.kind, l.balance_after, l.available_after])).toEqual([
      ['a', 'CUSTOMER', 70, 70],
      ['b', 'CUSTOMER', 35, 35],
    ]);
    expect(plan.balances).toEqual([
      { account_id: 'a', expectedVersion: 3, account_balance: 70, pending_debits: 0 },
      { account_id: 'b', expectedVersion: 3, account_balance: 35, pending_debits: 0 },
    ]);
    expect(plan.shortfalls).toEqual([]);
  });

  it('chains balance-after through several lines on one account', () => {
    const plan = planPosting({
      lines: [line('a', 'credit', 10), line('a', 'debit', 4), line('g', 'debit', 10), line('g', 'credit', 4)],
      accounts: accounts(deposit('a', 0)),
      checkFunds: true,
    });
    expect(plan.lines.filter((l) => l.account_id === 'a').map((l) => l.balance_after)).toEqual([10, 6]);
    expect(plan.glDeltas.get('g')).toBe(-6);
  });

  it('treats an unknown id as a GL: no balance after, a net-credit delta', () => {
    const plan = planPosting({
      lines: [line('gl', 'debit', 50), line('a', 'credit', 50)],
      accounts: accounts(deposit('a', 0)),
      checkFunds: true,
    });
    expect(plan.lines[0]).toEqual({ account_id: 'gl', dc_sign: 'debit', amount: 50, currency: 'USD', leg: 0, kind: 'GL' });
    expect(plan.glDeltas.get('gl')).toBe(-50);
    expect(plan.shortfalls).toEqual([]);
  });

  it('reports a shortfall when a debit takes available below zero', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 101), line('b', 'credit', 101)],
      accounts: accounts(deposit('a', 100), deposit('b', 0)),
      checkFunds: true,
    });
    expect(plan.shortfalls).toEqual([{ account_id: 'a', amount: 1, available_after: -1, minimum: 0 }]);
  });

  it('lets a debit spend exactly to zero', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 100), line('b', 'credit', 100)],
      accounts: accounts(deposit('a', 100), deposit('b', 0)),
      checkFunds: true,
    });
    expect(plan.shortfalls).toEqual([]);
  });

  it('counts pending debits against available', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 60), line('b', 'credit', 60)],
      accounts: accounts(deposit('a', 100, { pending_debits: 50 }), deposit('b', 0)),
      checkFunds: true,
    });
    expect(plan.shortfalls[0]).toMatchObject({ account_id: 'a', amount: 10 });
  });

  it('measures against the balance_floor when one is set', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 60), line('b', 'credit', 60)],
      accounts: accounts(deposit('a', 100, { balance_floor: { balance: 50, linked_account_id: 'c' } }), deposit('b', 0)),
      checkFunds: true,
    });
    expect(plan.shortfalls).toEqual([{ account_id: 'a', amount: 10, available_after: 40, minimum: 50 }]);
  });

  it('does not check funds for platform postings', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 500), line('b', 'credit', 500)],
      accounts: accounts(deposit('a', 100), deposit('b', 0)),
      checkFunds: false,
    });
    expect(plan.shortfalls).toEqual([]);
    expect(plan.balances[0]?.account_balance).toBe(-400);
  });

  it('never refuses a credit to an account already below its minimum', () => {
    const plan = planPosting({
      lines: [line('b', 'debit', 5), line('a', 'credit', 5)],
      accounts: accounts(deposit('a', -100), deposit('b', 10)),
      checkFunds: true,
    });
    expect(plan.shortfalls).toEqual([]);
  });

  it('places a hold: pending up, available down, balance unchanged', () => {
    const plan = planPosting({
      lines: [],
      accounts: accounts(deposit('a', 100)),
      placed: [{ account_id: 'a', amount: 80 }],
      checkFunds: true,
    });
    expect(plan.balances).toEqual([{ account_id: 'a', expectedVersion: 3, account_balance: 100, pending_debits: 80 }]);
    expect(plan.shortfalls).toEqual([]);
  });

  it('refuses a hold beyond available', () => {
    const plan = planPosting({
      lines: [],
      accounts: accounts(deposit('a', 100, { pending_debits: 30 })),
      placed: [{ account_id: 'a', amount: 80 }],
      checkFunds: true,
    });
    expect(plan.shortfalls[0]).toMatchObject({ account_id: 'a', amount: 10 });
  });

  it('captures part of a hold: the whole hold is released, the captured amount posted', () => {
    const plan = planPosting({
      lines: [line('a', 'debit', 30), line('b', 'credit', 30)],
      accounts: accounts(deposit('a', 100, { pending_debits: 80 }), deposit('b', 0)),
      released: [{ account_id: 'a', amount: 80 }],
      checkFunds: true,
    });
    expect(plan.balances[0]).toEqual({ account_id: 'a', expectedVersion: 3, account_balance: 70, pending_debits: 0 });
    expect(plan.lines[0]?.available_after).toBe(70);
    expect(plan.shortfalls).toEqual([]);
  });

  it('counts credit accounts the other way: a purchase raises what is owed and lowers available', () => {
    const plan = planPosting({
      lines: [line('loc', 'debit', 300), line('m', 'credit', 300)],
      accounts: accounts(credit('loc', 100, 500), deposit('m', 0)),
      checkFunds: true,
    });
    expect(plan.lines[0]).toMatchObject({ balance_after: 400, available_after: 100 });
    expect(plan.shortfalls).toEqual([]);
    const over = planPosting({
      lines: [line('loc', 'debit', 401), line('m', 'credit', 401)],
      accounts: accounts(credit('loc', 100, 500), deposit('m', 0)),
      checkFunds: true,
    });
    expect(over.shortfalls[0]).toMatchObject({ account_id: 'loc', amount: 1 });
  });

  it('lets a payment to a credit account lower what is owed, unchecked', () => {
    const plan = planPosting({
      lines: [line('m', 'debit', 100), line('loc', 'credit', 100)],
      accounts: accounts(credit('loc', 100, 500), deposit('m', 100)),
      checkFunds: true,
    });
    expect(plan.lines[1]).toMatchObject({ balance_after: 0, available_after: 500 });
    expect(plan.shortfalls).toEqual([]);
  });

  it('refuses a line in another currency than its account', () => {
    expect(() =>
      planPosting({
        lines: [line('a', 'debit', 1, 'EUR'), line('g', 'credit', 1, 'EUR')],
        accounts: accounts(deposit('a', 10)),
        checkFunds: true,
      }),
    ).toThrow(UnbalancedTransaction);
  });

  it('keeps the sum of balances and GL deltas unchanged (zero-sum) over random postings', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let books = accounts(deposit('a', 1000), deposit('b', 1000), deposit('c', 1000));
    let gl = 0;
    for (let i = 0; i < 500; i++) {
      const ids = ['a', 'b', 'c', 'gl'];
      const from = ids[rand(4)] as string;
      const to = ids.filter((x) => x !== from)[rand(3)] as string;
      const plan = planPosting({
        lines: [line(from, 'debit', 1 + rand(300)), line(to, 'credit', 0)].map((l, _, all) => ({ ...l, amount: all[0]!.amount })),
        accounts: books,
        checkFunds: true,
      });
      if (plan.shortfalls.length) continue;
      const next = new Map(books);
      for (const b of plan.balances)
        next.set(b.account_id, {
          ...(books.get(b.account_id) as BalanceRecord),
          account_balance: b.account_balance,
          version: b.expectedVersion + 1,
        });
      books = next;
      gl += plan.glDeltas.get('gl') ?? 0;
      for (const r of books.values()) expect(rawAvailable(r)).toBeGreaterThanOrEqual(0);
    }
    expect([...books.values()].reduce((s, r) => s + r.account_balance, 0) + gl).toBe(3000);
  });
});
