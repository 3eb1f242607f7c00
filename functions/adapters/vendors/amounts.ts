import { isKnownCurrency, minorUnitDigits, currencyCode, parseDecimal } from '../../shared/money.js';

// Aggregators send decimal major units as JSON numbers (12.34). JavaScript prints a number with
// the fewest digits that read back the same, so String(12.34) is exactly "12.34": the money
// module converts that text exactly. A vendor value with more decimals than the currency has
// (a fraction of a cent) is rounded half away from zero, once, here.

export const toMinorUnits = (amount: number, currency: string): number => {
  const code = isKnownCurrency(currency) ? currency : 'USD';
  const text = String(amount);
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const digits = minorUnitDigits(currencyCode(code));
    const [, fraction = ''] = text.split('.');
    if (fraction.length <= digits) return parseDecimal(text, code).amount;
  }
  const scale = 10 ** minorUnitDigits(currencyCode(code));
  return Math.sign(amount) * Math.round(Math.abs(amount) * scale);
};

export const toMinorUnitsOrNull = (amount: number | null | undefined, currency: string): number | null =>
  amount === null || amount === undefined ? null : toMinorUnits(amount, currency);
