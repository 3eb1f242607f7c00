import { isZero, max, type Money, money, subtract, zero } from '../shared/money.js';
import { TYPE_RULES } from './account-types.js';
import type { AccountRecord } from './model.js';

// `balances[]` with Synctera's per-type meaning (contract §2.9), in the account's currency.
// ACCOUNT_BALANCE is stored already in the type's sign convention; AVAILABLE_BALANCE is derived
// and never negative. The record keeps bare minor units (its stored and wire form); the rules
// work on Money, so an overflow or a currency mix-up fails loudly instead of rounding.

export interface BalanceEntry {
  type: 'ACCOUNT_BALANCE' | 'AVAILABLE_BALANCE';
  balance: Money;
}

export const accountBalanceOf = (account: AccountRecord): Money => money(account.account_balance, account.currency);

export const pendingDebitsOf = (account: AccountRecord): Money => money(account.pending_debits, account.currency);

const creditLimitOf = (account: AccountRecord): Money => money(account.credit_limit ?? 0, account.currency);

const notNegative = (amount: Money): Money => max(amount, zero(amount.currency));

/** Spending power: funds minus holds (deposit), or unused credit (unsecured lending). */
export const availableBalance = (account: AccountRecord, security?: AccountRecord): Money => {
  switch (TYPE_RULES[account.account_type].family) {
    case 'DEPOSIT':
      return notNegative(subtract(accountBalanceOf(account), pendingDebitsOf(account)));
    case 'UNSECURED_CREDIT':
      return notNegative(subtract(subtract(creditLimitOf(account), accountBalanceOf(account)), pendingDebitsOf(account)));
    case 'SECURED_CREDIT':
      // A secured charge spends against its security account (contract §2.9).
      return security ? availableBalance(security) : zero(account.currency);
  }
};

export const balancesOf = (account: AccountRecord, security?: AccountRecord): BalanceEntry[] => [
  { type: 'ACCOUNT_BALANCE', balance: accountBalanceOf(account) },
  { type: 'AVAILABLE_BALANCE', balance: availableBalance(account, security) },
];

/** Zero balance and no holds: what closing requires (contract §2.7 rule 6). */
export const isSettledToZero = (account: AccountRecord): boolean => isZero(accountBalanceOf(account)) && isZero(pendingDebitsOf(account));
