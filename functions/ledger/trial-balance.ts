import type { LedgerContext } from './context.js';
import type { Books } from './ports.js';

// The trial balance: over every account of a tenant, GLs included, credits equal debits per
// currency. In net-credit terms the sum is zero. A deposit's balance counts credits up; a lending
// account's balance counts what is owed (debits), so it enters negated.

export interface TrialBalanceRow {
  currency: string;
  /** Σ net credits (credits − debits) over customer accounts and GLs: zero when the books balance. */
  net: number;
  customer_net_credit: number;
  gl_net_credit: number;
  accounts: number;
}

export const trialBalanceOf = (books: Books): TrialBalanceRow[] => {
  const rows = new Map<string, TrialBalanceRow>();
  const row = (currency: string) => {
    const existing = rows.get(currency) ?? { currency, net: 0, customer_net_credit: 0, gl_net_credit: 0, accounts: 0 };
    rows.set(currency, existing);
    return existing;
  };
  for (const account of books.customers) {
    const r = row(account.currency);
    r.customer_net_credit += account.family === 'DEPOSIT' ? account.account_balance : -account.account_balance;
    r.accounts += 1;
  }
  for (const gl of books.gls) {
    const r = row(gl.currency);
    r.gl_net_credit += gl.net_credit;
    r.accounts += 1;
  }
  for (const r of rows.values()) r.net = r.customer_net_credit + r.gl_net_credit;
  return [...rows.values()].sort((a, b) => a.currency.localeCompare(b.currency));
};

export const trialBalance = async (ctx: LedgerContext): Promise<TrialBalanceRow[]> => trialBalanceOf(await ctx.store.books(ctx.tenantId));

export const isBalanced = (rows: readonly TrialBalanceRow[]): boolean => rows.every((r) => r.net === 0);
