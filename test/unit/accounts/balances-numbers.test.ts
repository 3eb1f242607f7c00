import { describe, expect, it } from 'vitest';
import { accountBalanceOf, availableBalance, balancesOf, isSettledToZero } from '../../../functions/accounts/balances.js';
import { fintechIdOf, maskAccountNumber, randomAccountNumbers } from '../../../functions/accounts/numbers.js';
import { accountView } from '../../../functions/accounts/views.js';
import { money, MoneyOverflow } from '../../../functions/shared/money.js';
import { accountRecord } from './records.js';

const available = (...args: Parameters<typeof availableBalance>) => availableBalance(...args).amount;

describe('balances (contract §2.9)', () => {
  it('deposit: available is balance minus holds, never negative', () => {
    expect(available(accountRecord({ account_balance: 10_000, pending_debits: 2_500 }))).toBe(7_500);
    expect(available(accountRecord({ account_balance: 1_000, pending_debits: 2_500 }))).toBe(0);
    expect(available(accountRecord({ account_balance: -500 }))).toBe(0);
  });

  it('unsecured credit: available is the unused limit, never negative', () => {
    const loc = (balance: number, pending = 0) =>
      accountRecord({ account_type: 'LINE_OF_CREDIT', credit_limit: 50_000, account_balance: balance, pending_debits: pending });
    expect(available(loc(0))).toBe(50_000);
    expect(available(loc(20_000, 5_000))).toBe(25_000);
    expect(available(loc(60_000))).toBe(0);
    expect(available(accountRecord({ account_type: 'CREDIT_CARD' }))).toBe(0);
  });

  it('secured charge: available is the security account’s available', () => {
    const security = accountRecord({ account_balance: 9_000, pending_debits: 1_000 });
    const charge = accountRecord({ account_type: 'CHARGE_SECURED', account_balance: 400, security: { linked_account_id: security.id } });
    expect(available(charge, security)).toBe(8_000);
    expect(available(charge)).toBe(0);
  });

  it('is Money in the account’s currency', () => {
    expect(availableBalance(accountRecord({ currency: 'JPY', account_balance: 1_234 }))).toEqual(money(1_234, 'JPY'));
    expect(accountBalanceOf(accountRecord({ currency: 'KWD', account_balance: -5 }))).toEqual(money(-5, 'KWD'));
  });

  it('refuses to round a balance past the safe integer range', () => {
    const owed = accountRecord({ account_type: 'LINE_OF_CREDIT', credit_limit: Number.MAX_SAFE_INTEGER, account_balance: -1 });
    expect(() => availableBalance(owed)).toThrow(MoneyOverflow);
  });

  it('always answers ACCOUNT_BALANCE then AVAILABLE_BALANCE', () => {
    expect(balancesOf(accountRecord({ account_balance: -300 }))).toEqual([
      { type: 'ACCOUNT_BALANCE', balance: money(-300, 'USD') },
      { type: 'AVAILABLE_BALANCE', balance: money(0, 'USD') },
    ]);
  });

  it('puts bare minor units on the wire', () => {
    const view = accountView(accountRecord({ account_balance: 10_000, pending_debits: 2_500 }), { version: 'v0' });
    expect(view.balances).toEqual([
      { type: 'ACCOUNT_BALANCE', balance: 10_000 },
      { type: 'AVAILABLE_BALANCE', balance: 7_500 },
    ]);
  });

  it('calls an account settled only with no balance and no holds', () => {
    expect(isSettledToZero(accountRecord())).toBe(true);
    expect(isSettledToZero(accountRecord({ account_balance: 1 }))).toBe(false);
    expect(isSettledToZero(accountRecord({ pending_debits: 1 }))).toBe(false);
  });
});

describe('account numbers (contract §2.12)', () => {
  it('generates 12 digits behind the tenant fintech id', () => {
    const id = fintechIdOf('tenant_a');
    expect(id).toMatch(/^[1-9]\d{2}$/);
    expect(fintechIdOf('tenant_a')).toBe(id);
    const numbers = Array.from({ length: 200 }, () => randomAccountNumbers.next(id));
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${id}\\d{9}$`));
    expect(new Set(numbers).size).toBeGreaterThan(195);
  });

  it('masks the middle of generated numbers and all but the last 4 of manual ones', () => {
    expect(maskAccountNumber('790954299503', true)).toBe('790*****9503');
    expect(maskAccountNumber('1234567890', false)).toBe('******7890');
    expect(maskAccountNumber('1234567', false)).toBe('***4567');
  });
});
