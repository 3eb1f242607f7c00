// Money as integer minor units of an ISO 4217 currency (cents for USD, yen for JPY, fils for
// KWD). Amounts are safe integers and stay exact: arithmetic refuses to leave the safe range
// or to mix currencies, and decimal text is converted digit by digit, never through a float.

/** An ISO 4217 alphabetic code (`USD`). Only `currencyCode` makes one, so it is always well formed. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export interface Money {
  /** Minor units: a safe integer, never -0. */
  readonly amount: number;
  readonly currency: CurrencyCode;
}

// Minor-unit digits of the ISO 4217 currencies in use; those not listed have 2. Funds codes are
// included (BOV, CHE, CLF, ...); precious metals, SDRs and test codes have no minor unit and are not.
const TWO_DIGITS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY ' +
  'COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR ' +
  'JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
  'NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DIGITS = 'CLF UYW';

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  (
    [
      [TWO_DIGITS, 2],
      [ZERO_DIGITS, 0],
      [THREE_DIGITS, 3],
      [FOUR_DIGITS, 4],
    ] as const
  ).flatMap(([codes, digits]) => codes.split(' ').map((code) => [code, digits] as const)),
);

/** Every money failure; each kind has its own class (and `name`) to catch. */
export class MoneyError extends Error {}

/** Not an ISO 4217 alphabetic code at all. */
export class InvalidCurrency extends MoneyError {
  override readonly name = 'InvalidCurrency';
}

/** Well formed, but not a currency this module knows the minor units of (needed to read or write decimals). */
export class UnknownCurrency extends MoneyError {
  override readonly name = 'UnknownCurrency';
}

/** An amount that is not a safe integer, or decimal text that does not denote one exactly. */
export class InvalidAmount extends MoneyError {
  override readonly name = 'InvalidAmount';
}

/** A result beyond ±Number.MAX_SAFE_INTEGER minor units. */
export class MoneyOverflow extends MoneyError {
  override readonly name = 'MoneyOverflow';
}

/** Arithmetic or comparison across two currencies. */
export class CurrencyMismatch extends MoneyError {
  override readonly name = 'CurrencyMismatch';
}

export const currencyCode = (code: string): CurrencyCode => {
  if (!/^[A-Z]{3}$/.test(code)) throw new InvalidCurrency(`${JSON.stringify(code)} is not an ISO 4217 currency code`);
  return code as CurrencyCode;
};

export const isKnownCurrency = (code: string): boolean => EXPONENTS.has(code);

/** Minor-unit digits: 2 for USD, 0 for JPY, 3 for KWD. */
export const minorUnitDigits = (currency: CurrencyCode): number => {
  const digits = EXPONENTS.get(currency);
  if (digits === undefined) throw new UnknownCurrency(`${currency} is not a currency with known minor units`);
  return digits;
};

const checked = (amount: number, currency: CurrencyCode, Failure: typeof InvalidAmount | typeof MoneyOverflow): Money => {
  if (!Number.isSafeInteger(amount))
    throw new Failure(`${amount} ${currency} is not a whole number of minor units within ±${Number.MAX_SAFE_INTEGER}`);
  return { amount: amount === 0 ? 0 : amount, currency };
};

/** `money(1234, 'USD')` is $12.34. */
export const money = (amount: number, currency: string): Money => checked(amount, currencyCode(currency), InvalidAmount);

export const zero = (currency: string): Money => money(0, currency);

const sameCurrency = (a: Money, b: Money): CurrencyCode => {
  if (a.currency !== b.currency) throw new CurrencyMismatch(`cannot combine ${a.currency} with ${b.currency}`);
  return a.currency;
};

// A sum of safe integers outside the safe range rounds to a value outside it, so checking the
// float result catches every overflow.
export const add = (a: Money, b: Money): Money => checked(a.amount + b.amount, sameCurrency(a, b), MoneyOverflow);

export const subtract = (a: Money, b: Money): Money => checked(a.amount - b.amount, sameCurrency(a, b), MoneyOverflow);

export const negate = (a: Money): Money => checked(-a.amount, a.currency, MoneyOverflow);

/** Of `amounts`, all in `currency` (which an empty list needs to have a total). */
export const sum = (currency: string, amounts: readonly Money[]): Money => amounts.reduce(add, zero(currency));

export const compare = (a: Money, b: Money): -1 | 0 | 1 => {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
};

export const max = (a: Money, b: Money): Money => (compare(a, b) >= 0 ? a : b);

export const min = (a: Money, b: Money): Money => (compare(a, b) <= 0 ? a : b);

export const isZero = (a: Money): boolean => a.amount === 0;

export const isNegative = (a: Money): boolean => a.amount < 0;

/**
 * Exact decimal text in the currency's major unit: "12.34" USD → 1234, "-0.5" USD → -50,
 * "1234" JPY → 1234. At most the currency's minor-unit digits after the point; no exponent,
 * no grouping, no sign other than a leading minus.
 */
export const parseDecimal = (text: string, currency: string): Money => {
  const code = currencyCode(currency);
  const digits = minorUnitDigits(code);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new InvalidAmount(`${JSON.stringify(text)} is not a decimal amount such as 12.34`);
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > digits) throw new InvalidAmount(`${text} has more than ${digits} decimal places, the minor units of ${code}`);
  const minor = BigInt(`${sign}${whole}${fraction.padEnd(digits, '0')}`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyOverflow(`${text} ${code} is beyond ±${Number.MAX_SAFE_INTEGER} minor units`);
  }
  return checked(Number(minor), code, MoneyOverflow);
};

/** The exact decimal text `parseDecimal` reads back: 1234 USD → "12.34", 1234 JPY → "1234", -5 USD → "-0.05". */
export const formatDecimal = (a: Money): string => {
  const digits = minorUnitDigits(a.currency);
  const units = String(Math.abs(a.amount)).padStart(digits + 1, '0');
  const sign = a.amount < 0 ? '-' : '';
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
};

/** For people: "$12.34", "-¥1,234", "1.234,50 €" (de-DE). Exact, with all the currency's minor digits. */
export const formatDisplay = (a: Money, locale = 'en-US'): string => {
  const digits = minorUnitDigits(a.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: a.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // A decimal string is formatted exactly (Intl.NumberFormat v3); a number past 2^53 / 10^digits would not be.
  return format.format(formatDecimal(a) as Intl.StringNumericLiteral);
};
