import { describe, expect, it } from 'vitest';
import { dailyAccrualMicro, isMonthEnd, type InterestTerms, rateOn, roundMicro } from '../../../functions/ledger/interest.js';

const terms = (method: InterestTerms['calculation_method'], rate = 365): InterestTerms => ({
  calculation_method: method,
  accrual_payout_schedule: 'MONTHLY',
  rates: [{ rate, valid_from: '2026-01-01' }],
});

describe('interest arithmetic', () => {
  it('picks the rate valid on the day: from inclusive, to exclusive', () => {
    const rates = [
      { rate: 100, valid_from: '2026-01-01', valid_to: '2026-02-01' },
      { rate: 200, valid_from: '2026-02-01' },
    ];
    expect(rateOn(rates, '2025-12-31')).toBe(0);
    expect(rateOn(rates, '2026-01-31')).toBe(100);
    expect(rateOn(rates, '2026-02-01')).toBe(200);
  });

  it('accrues in micro-units, exactly: 3.65% on $1,000.00 for one day of a 365-day year is 10 cents', () => {
    expect(dailyAccrualMicro(terms('COMPOUNDED_MONTHLY'), '2026-03-01', 100_000, 0n)).toBe(10_000_000n);
  });

  it('keeps sub-cent precision: 1 bp on $1.00 a day is a tiny fraction of a cent', () => {
    expect(dailyAccrualMicro(terms('COMPOUNDED_MONTHLY', 1), '2026-03-01', 100, 0n)).toBe(27n); // 0.0000274 cents → 27 micro
  });

  it('compounds daily on the month-to-date accrual, monthly not', () => {
    expect(dailyAccrualMicro(terms('COMPOUNDED_DAILY'), '2026-03-02', 100_000, 10_000_000n)).toBe(10_001_000n);
    expect(dailyAccrualMicro(terms('COMPOUNDED_MONTHLY'), '2026-03-02', 100_000, 10_000_000n)).toBe(10_000_000n);
  });

  it('uses 366 days in a leap year, and earns nothing on a negative balance', () => {
    expect(dailyAccrualMicro(terms('COMPOUNDED_MONTHLY', 366), '2028-03-01', 100_000, 0n)).toBe(10_000_000n);
    expect(dailyAccrualMicro(terms('COMPOUNDED_MONTHLY'), '2026-03-01', -5_000, 0n)).toBe(0n);
  });

  it('rounds the payout half up, and a month of accruals differs from the payout by at most half a cent', () => {
    expect(roundMicro(1_499_999n)).toBe(1);
    expect(roundMicro(1_500_000n)).toBe(2);
    let mtd = 0n;
    for (let d = 1; d <= 31; d++)
      mtd += dailyAccrualMicro(terms('COMPOUNDED_DAILY', 437), `2026-03-${String(d).padStart(2, '0')}`, 123_457, mtd);
    const paid = roundMicro(mtd);
    expect(Math.abs(Number(mtd) - paid * 1_000_000)).toBeLessThanOrEqual(500_000);
  });

  it('knows month ends, February included', () => {
    expect(isMonthEnd('2026-02-28')).toBe(true);
    expect(isMonthEnd('2028-02-28')).toBe(false);
    expect(isMonthEnd('2026-12-31')).toBe(true);
  });
});
