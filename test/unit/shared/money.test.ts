import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  CurrencyMismatch,
  currencyCode,
  formatDecimal,
  formatDisplay,
  InvalidAmount,
  InvalidCurrency,
  isKnownCurrency,
  isNegative,
  isZero,
  max,
  min,
  minorUnitDigits,
  money,
  MoneyError,
  MoneyOverflow,
  negate,
  parseDecimal,
  subtract,
  sum,
  UnknownCurrency,
  zero,
} from '../../../functions/shared/money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const usd = (amount: number) => money(amount, 'USD');

describe('money', () => {
  it('is integer minor units of a well-formed currency code', () => {
    expect(usd(1234)).toEqual({ amount: 1234, currency: 'USD' });
    expect(money(-MAX, 'EUR').amount).toBe(-MAX);
    expect(Object.is(money(-0, 'USD').amount, 0)).toBe(true);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, -(MAX + 1), 2 ** 60])('refuses %d minor units', (amount) => {
    expect(() => usd(amount)).toThrow(InvalidAmount);
  });

  it.each(['usd', 'US', 'USDX', '', 'U$D'])('refuses the currency code %j', (code) => {
    expect(() => money(1, code)).toThrow(InvalidCurrency);
    expect(() => currencyCode(code)).toThrow(InvalidCurrency);
  });

  it('accepts a well-formed code it has no minor units for, but cannot write it as decimals', () => {
    const unknown = money(100, 'ABC');
    expect(isKnownCurrency('ABC')).toBe(false);
    expect(add(unknown, unknown).amount).toBe(200);
    expect(() => formatDecimal(unknown)).toThrow(UnknownCurrency);
    expect(() => parseDecimal('1.00', 'ABC')).toThrow(UnknownCurrency);
  });

  it('knows the minor units of ISO 4217 currencies', () => {
    expect(['USD', 'EUR', 'GBP', 'CAD', 'CHF', 'MXN', 'INR'].map((c) => minorUnitDigits(currencyCode(c)))).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(['JPY', 'KRW', 'CLP', 'ISK', 'VND'].map((c) => minorUnitDigits(currencyCode(c)))).toEqual([0, 0, 0, 0, 0]);
    expect(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD'].map((c) => minorUnitDigits(currencyCode(c)))).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(minorUnitDigits(currencyCode('CLF'))).toBe(4);
  });

  it('has one class per failure, each a MoneyError with its own name', () => {
    const failures = [
      () => money(1, 'usd'),
      () => formatDecimal(money(1, 'ABC')),
      () => usd(0.5),
      () => add(usd(MAX), usd(1)),
      () => add(usd(1), money(1, 'EUR')),
    ];
    const names = failures.map((fail) => {
      try {
        fail();
      } catch (error) {
        expect(error).toBeInstanceOf(MoneyError);
        return (error as Error).name;
      }
      throw new Error('expected a failure');
    });
    expect(names).toEqual(['InvalidCurrency', 'UnknownCurrency', 'InvalidAmount', 'MoneyOverflow', 'CurrencyMismatch']);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and negates exactly, across zero', () => {
    expect(add(usd(1050), usd(-2075))).toEqual(usd(-1025));
    expect(subtract(usd(0), usd(1))).toEqual(usd(-1));
    expect(subtract(usd(5), usd(5))).toEqual(usd(0));
    expect(negate(usd(42))).toEqual(usd(-42));
    expect(Object.is(negate(usd(0)).amount, 0)).toBe(true);
    expect(negate(usd(-MAX))).toEqual(usd(MAX));
  });

  it('stays exact up to the safe limit and refuses to go past it either way', () => {
    expect(add(usd(MAX - 1), usd(1))).toEqual(usd(MAX));
    expect(subtract(usd(-MAX + 1), usd(1))).toEqual(usd(-MAX));
    expect(() => add(usd(MAX), usd(1))).toThrow(MoneyOverflow);
    expect(() => add(usd(MAX), usd(2))).toThrow(MoneyOverflow);
    expect(() => add(usd(MAX), usd(MAX))).toThrow(MoneyOverflow);
    expect(() => subtract(usd(-MAX), usd(1))).toThrow(MoneyOverflow);
    expect(() => subtract(usd(MAX), usd(-MAX))).toThrow(MoneyOverflow);
    expect(() => sum('USD', [usd(MAX), usd(1), usd(-5)])).toThrow(MoneyOverflow);
  });

  it('never mixes currencies', () => {
    expect(() => add(usd(1), money(1, 'EUR'))).toThrow(CurrencyMismatch);
    expect(() => subtract(usd(1), money(1, 'JPY'))).toThrow(CurrencyMismatch);
    expect(() => compare(usd(1), money(1, 'GBP'))).toThrow(CurrencyMismatch);
    expect(() => sum('EUR', [usd(1)])).toThrow(CurrencyMismatch);
  });

  it('sums a list, and an empty list to zero in the given currency', () => {
    expect(sum('USD', [usd(100), usd(-30), usd(5)])).toEqual(usd(75));
    expect(sum('JPY', [])).toEqual(zero('JPY'));
  });

  it('compares, with max, min and the sign tests', () => {
    expect(compare(usd(-1), usd(0))).toBe(-1);
    expect(compare(usd(7), usd(7))).toBe(0);
    expect(compare(usd(MAX), usd(-MAX))).toBe(1);
    expect(max(usd(-3), zero('USD'))).toEqual(usd(0));
    expect(min(usd(-3), zero('USD'))).toEqual(usd(-3));
    expect(isZero(usd(0))).toBe(true);
    expect(isNegative(usd(-1))).toBe(true);
    expect(isNegative(usd(0))).toBe(false);
  });
});

describe('decimal text', () => {
  it.each([
    ['12.34', 'USD', 1234],
    ['12.3', 'USD', 1230],
    ['12', 'USD', 1200],
    ['0.01', 'USD', 1],
    ['-0.01', 'USD', -1],
    ['-12.34', 'EUR', -1234],
    ['0', 'USD', 0],
    ['-0.00', 'USD', 0],
    ['007.50', 'GBP', 750],
    ['1234', 'JPY', 1234],
    ['-1234', 'JPY', -1234],
    ['1.234', 'KWD', 1234],
    ['1.2', 'BHD', 1200],
    ['0.0001', 'CLF', 1],
    ['90071992547409.91', 'USD', MAX],
    ['-90071992547409.91', 'USD', -MAX],
    // 0.1 + 0.2 in floats is 0.30000000000000004; here it is 30 cents.
    ['0.30', 'USD', 30],
  ])('reads %s %s as %i minor units', (text, currency, amount) => {
    const parsed = parseDecimal(text, currency);
    expect(parsed).toEqual(money(amount, currency));
    expect(Object.is(parsed.amount, -0)).toBe(false);
  });

  it.each([
    ['12.345', 'USD'],
    ['12.340', 'USD'],
    ['12.3', 'JPY'],
    ['12.', 'USD'],
    ['.5', 'USD'],
    ['+1.00', 'USD'],
    ['1,000.00', 'USD'],
    ['1e3', 'USD'],
    [' 1.00', 'USD'],
    ['', 'USD'],
    ['--1', 'USD'],
    ['1.2345', 'KWD'],
  ])('refuses %j in %s', (text, currency) => {
    expect(() => parseDecimal(text, currency)).toThrow(InvalidAmount);
  });

  it('refuses amounts past the safe limit instead of rounding them', () => {
    expect(() => parseDecimal('90071992547409.92', 'USD')).toThrow(MoneyOverflow);
    expect(() => parseDecimal('-90071992547409.92', 'USD')).toThrow(MoneyOverflow);
    expect(() => parseDecimal('9007199254740992', 'JPY')).toThrow(MoneyOverflow);
    expect(() => parseDecimal('1'.repeat(40), 'USD')).toThrow(MoneyOverflow);
  });

  it.each([
    [1234, 'USD', '12.34'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [-1234, 'USD', '-12.34'],
    [0, 'USD', '0.00'],
    [100, 'EUR', '1.00'],
    [1234, 'JPY', '1234'],
    [-7, 'JPY', '-7'],
    [0, 'JPY', '0'],
    [1234, 'KWD', '1.234'],
    [5, 'BHD', '0.005'],
    [1, 'CLF', '0.0001'],
    [MAX, 'USD', '90071992547409.91'],
    [-MAX, 'USD', '-90071992547409.91'],
  ])('writes %i %s as %s, which reads back the same', (amount, currency, text) => {
    expect(formatDecimal(money(amount, currency))).toBe(text);
    expect(parseDecimal(text, currency)).toEqual(money(amount, currency));
  });
});

describe('formatDisplay', () => {
  it('formats for people in a locale, with exactly the currency’s minor digits', () => {
    expect(formatDisplay(usd(1234))).toBe('$12.34');
    expect(formatDisplay(usd(-5))).toBe('-$0.05');
    expect(formatDisplay(money(123456, 'USD'))).toBe('$1,234.56');
    expect(formatDisplay(money(1234, 'JPY'))).toBe('¥1,234');
    expect(formatDisplay(money(1234, 'KWD'))).toBe('KWD\u00a01.234');
    expect(formatDisplay(money(123450, 'EUR'), 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('stays exact where a float would round', () => {
    expect(formatDisplay(usd(MAX))).toBe('$90,071,992,547,409.91');
  });

  it('needs the currency’s minor units', () => {
    expect(() => formatDisplay(money(1, 'ABC'))).toThrow(UnknownCurrency);
  });
});
