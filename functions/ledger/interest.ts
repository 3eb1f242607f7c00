// Interest arithmetic, pure. Accruals are kept in micro-units (10^-6 of a minor unit) so a
// month of daily accruals loses nothing to rounding; the monthly payout rounds once, half up,
// to whole minor units. Day count: actual/actual (the day's rate over the days of its year).

export interface RateDetails {
  /** Basis points: 125 = 1.25% a year. */
  rate: number;
  valid_from: string;
  /** Exclusive; absent = open-ended. */
  valid_to?: string;
}

export interface InterestTerms {
  calculation_method: 'COMPOUNDED_DAILY' | 'COMPOUNDED_MONTHLY';
  accrual_payout_schedule: 'MONTHLY' | 'NONE';
  rates: readonly RateDetails[];
}

export const MICRO = 1_000_000n;

/** The rate valid on `day` (valid_from inclusive, valid_to exclusive), or 0 when none is. */
export const rateOn = (rates: readonly RateDetails[], day: string): number =>
  rates.find((r) => r.valid_from <= day && (!r.valid_to || day < r.valid_to))?.rate ?? 0;

const daysInYear = (day: string): bigint => {
  const year = Number(day.slice(0, 4));
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366n : 365n;
};

/**
 * One day's accrual in micro-units on `balance` (minor units) plus, when compounding daily, the
 * month's accrual so far. Negative balances earn nothing (the negative-balance flow handles them).
 */
export const dailyAccrualMicro = (terms: InterestTerms, day: string, balance: number, monthToDateMicro: bigint): bigint => {
  const basis = BigInt(Math.max(0, balance)) * MICRO + (terms.calculation_method === 'COMPOUNDED_DAILY' ? monthToDateMicro : 0n);
  if (basis <= 0n) return 0n;
  const numerator = basis * BigInt(rateOn(terms.rates, day));
  const denominator = 10_000n * daysInYear(day);
  // Half up, in micro-units.
  return (numerator * 2n + denominator) / (denominator * 2n);
};

/** Micro-units to whole minor units, half up: what the monthly payout posts. */
export const roundMicro = (micro: bigint): number => Number((micro * 2n + MICRO) / (MICRO * 2n));

export const isMonthEnd = (day: string): boolean => {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};
