import { TYPE_RULES } from './account-types.js';
import type { AccountRecord } from './model.js';

// `balances[]` with Synctera's per-type meaning (contract §2.9). ACCOUNT_BALANCE is stored
// already in the type's sign convention; AVAILABLE_BALANCE is derived and never negative.

export interface BalanceEntry {
  type: 'ACCOUNT_BALANCE' | 'AVAILABLE_BALANCE';
  balance: number;
}

const notNegative = (amount: number): number => Math.max(0, amount);

/** Spending power: funds minus holds (deposit), or unused credit (unsecured lending). */
export const availableBalance = (account: AccountRecord, security?: AccountRecord): number => {
  switch (TYPE_RULES[account.account_type].family) {
    case 'DEPOSIT':
      return notNegative(account.account_balance - account.pending_debits);
    case 'UNSECURED_CREDIT':
      return notNegative((account.credit_limit ?? 0) - account.account_balance - account.pending_debits);
    case 'SECURED_CREDIT':
      // A secured charge spends against its security account (contract §2.9).
      return security ? availableBalance(security) : 0;
  }
};

export const balancesOf = (account: AccountRecord, security?: AccountRecord): BalanceEntry[] => [
  { type: 'ACCOUNT_BALANCE', balance: account.account_balance },
  { type: 'AVAILABLE_BALANCE', balance: availableBalance(account, security) },
];

/** Zero balance and no holds: what closing requires (contract §2.7 rule 6). */
export const isSettledToZero = (account: AccountRecord): boolean => account.account_balance === 0 && account.pending_debits === 0;
