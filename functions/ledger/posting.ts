import { add, money, subtract } from '../shared/money.js';
import type { BalanceRecord, Line, PostedLine } from './model.js';

// Pure posting rules: what a set of lines, holds and releases does to the balance records it
// touches, and which rule a result breaks. No I/O; the store writes the plan in one transaction.

/** A programming error: a transaction whose lines do not balance is never written. */
export class UnbalancedTransaction extends Error {
  override readonly name = 'UnbalancedTransaction';
}

/** Signed effect on the ledger's zero-sum: credits count up, debits down, for every account alike. */
export const netCredit = (line: Line): number => (line.dc_sign === 'credit' ? line.amount : -line.amount);

/** Every line a positive safe integer, at least one debit and one credit, debits = credits per currency. */
export const assertBalanced = (lines: readonly Line[]): void => {
  if (lines.length < 2) throw new UnbalancedTransaction('a transaction needs at least two lines');
  const totals = new Map<string, { debit: number; credit: number }>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount <= 0) {
      throw new UnbalancedTransaction(`line amount ${line.amount} is not a positive integer of minor units`);
    }
    const total = totals.get(line.currency) ?? { debit: 0, credit: 0 };
    // money() refuses unknown codes and overflow, so a sum never silently loses precision.
    total[line.dc_sign] = add(money(total[line.dc_sign], line.currency), money(line.amount, line.currency)).amount;
    totals.set(line.currency, total);
  }
  for (const [currency, { debit, credit }] of totals) {
    if (debit !== credit) throw new UnbalancedTransaction(`${currency} debits ${debit} differ from credits ${credit}`);
  }
};

/** How a line moves ACCOUNT_BALANCE in the account's own sign convention (contract §2.9). */
export const balanceDelta = (family: BalanceRecord['family'], line: Line): number =>
  family === 'DEPOSIT' ? netCredit(line) : -netCredit(line);

/** AVAILABLE_BALANCE before the "never negative" display clamp: what funds checks compare. */
export const rawAvailable = (r: Pick<BalanceRecord, 'family' | 'account_balance' | 'pending_debits' | 'credit_limit'>): number =>
  r.family === 'DEPOSIT' ? r.account_balance - r.pending_debits : (r.credit_limit ?? 0) - r.account_balance - r.pending_debits;

/** The lowest available balance a funds-checked movement may leave: the floor when one is set, else zero. */
export const minimumAvailable = (r: BalanceRecord): number => (r.family === 'DEPOSIT' ? (r.balance_floor?.balance ?? 0) : 0);

export interface HoldChange {
  account_id: string;
  amount: number;
}

export interface PostingInput {
  lines: readonly Line[];
  /** Customer accounts by id; a line on any other id is a GL (internal) account. */
  accounts: ReadonlyMap<string, BalanceRecord>;
  /** Holds released first (capture, void, expiry), then holds placed. */
  released?: readonly HoldChange[];
  placed?: readonly HoldChange[];
  /** Enforce funds on accounts whose available balance this posting lowers. */
  checkFunds: boolean;
}

export interface BalanceChange {
  account_id: string;
  expectedVersion: number;
  account_balance: number;
  pending_debits: number;
}

export interface Shortfall {
  account_id: string;
  /** How far below its minimum the account's available balance would end. */
  amount: number;
  available_after: number;
  minimum: number;
}

export interface PostingPlan {
  lines: PostedLine[];
  balances: BalanceChange[];
  /** GL lines, as signed net-credit deltas per GL account id. */
  glDeltas: Map<string, number>;
  shortfalls: Shortfall[];
}

const checkedSum = (a: number, b: number, currency: string): number => add(money(a, currency), money(b, currency)).amount;
const checkedDiff = (a: number, b: number, currency: string): number => subtract(money(a, currency), money(b, currency)).amount;

/**
 * Applies releases, holds and lines in order to copies of the records and reports the new
 * balances, each line's balance after it, and any account left below its minimum.
 */
export const planPosting = (input: PostingInput): PostingPlan => {
  if (input.lines.length > 0) assertBalanced(input.lines);
  const state = new Map<string, BalanceRecord>();
  const touch = (id: string): BalanceRecord | undefined => {
    const current = state.get(id) ?? input.accounts.get(id);
    if (current && !state.has(id)) state.set(id, { ...current });
    return state.get(id);
  };
  const lowered = new Set<string>();
  for (const hold of input.released ?? []) {
    const r = touch(hold.account_id);
    if (!r) throw new UnbalancedTransaction(`hold on unknown account ${hold.account_id}`);
    r.pending_debits = checkedDiff(r.pending_debits, hold.amount, r.currency);
  }
  for (const hold of input.placed ?? []) {
    const r = touch(hold.account_id);
    if (!r) throw new UnbalancedTransaction(`hold on unknown account ${hold.account_id}`);
    r.pending_debits = checkedSum(r.pending_debits, hold.amount, r.currency);
    lowered.add(r.account_id);
  }
  const glDeltas = new Map<string, number>();
  const lines: PostedLine[] = input.lines.map((line, leg) => {
    const r = touch(line.account_id);
    if (!r) {
      glDeltas.set(line.account_id, (glDeltas.get(line.account_id) ?? 0) + netCredit(line));
      return { ...line, leg, kind: 'GL' };
    }
    if (r.currency !== line.currency) throw new UnbalancedTransaction(`account ${r.account_id} holds ${r.currency}, not ${line.currency}`);
    const delta = balanceDelta(r.family, line);
    r.account_balance = checkedSum(r.account_balance, delta, r.currency);
    // Available moves with the balance for deposits and against it (more owed) for lending.
    if ((r.family === 'DEPOSIT' ? delta : -delta) < 0) lowered.add(r.account_id);
    return { ...line, leg, kind: 'CUSTOMER', balance_after: r.account_balance, available_after: rawAvailable(r) };
  });
  const balances: BalanceChange[] = [];
  const shortfalls: Shortfall[] = [];
  for (const r of state.values()) {
    const before = input.accounts.get(r.account_id) as BalanceRecord;
    balances.push({
      account_id: r.account_id,
      expectedVersion: before.version,
      account_balance: r.account_balance,
      pending_debits: r.pending_debits,
    });
    if (!input.checkFunds || !lowered.has(r.account_id)) continue;
    const available = rawAvailable(r);
    const minimum = minimumAvailable(r);
    // Only a movement that lowers available below the minimum AND below where it stood is refused:
    // an account already under its floor may still receive a release or a credit.
    if (available < minimum && available < rawAvailable(before)) {
      shortfalls.push({ account_id: r.account_id, amount: minimum - available, available_after: available, minimum });
    }
  }
  return { lines, balances, glDeltas, shortfalls };
};
