import { describe, expect, it } from 'vitest';
import { formatLocal, formatMoney, formatUtc } from '../../../console/src/format.js';

// The console shows integer minor units in their currency's own decimals.

describe('formatMoney', () => {
  it('divides by the currency’s minor-unit exponent', () => {
    expect(formatMoney(123_456, 'USD')).toMatch(/1,234\.56/);
    expect(formatMoney(5, 'USD')).toMatch(/0\.05/);
    expect(formatMoney(-2500, 'EUR')).toMatch(/-.*25\.00|25\.00.*-/);
    expect(formatMoney(1234, 'JPY')).toMatch(/1,234(?!\.)/);
    expect(formatMoney(1234, 'BHD')).toMatch(/1\.234/);
  });

  it('falls back to two decimals and the code for a code Intl does not know', () => {
    expect(formatMoney(1050, 'ZZ')).toBe('10.50 ZZ');
  });
});

describe('dates', () => {
  it('gives UTC for the title and leaves a calendar day as is', () => {
    expect(formatUtc('2026-11-30T07:05:09Z')).toBe('30 Nov 2026, 07:05:09 UTC');
    expect(formatLocal('2026-11-30')).toBe('2026-11-30');
    expect(formatLocal('not a date')).toBe('not a date');
  });
});
