import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  easternDateOf,
  easternInstant,
  fedHolidays,
  isBusinessDay,
  nextBusinessDay,
} from '../../../functions/shared/business-days.js';

// Against the Board's published K.8 list (ledger notes §C.3) and its observance rules.

describe('Federal Reserve holidays', () => {
  it.each([
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [2027, ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25']],
    [2028, ['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-23', '2028-12-25']],
    [
      2029,
      [
        '2029-01-01',
        '2029-01-15',
        '2029-02-19',
        '2029-05-28',
        '2029-06-19',
        '2029-07-04',
        '2029-09-03',
        '2029-10-08',
        '2029-11-12',
        '2029-11-22',
        '2029-12-25',
      ],
    ],
    [
      2030,
      [
        '2030-01-01',
        '2030-01-21',
        '2030-02-18',
        '2030-05-27',
        '2030-06-19',
        '2030-07-04',
        '2030-09-02',
        '2030-10-14',
        '2030-11-11',
        '2030-11-28',
        '2030-12-25',
      ],
    ],
  ])('%i closes exactly the published weekdays', (year, expected) => {
    expect(fedHolidays(year)).toEqual(expected);
  });

  it('keeps the Fed open on the Friday before a Saturday holiday', () => {
    expect(isBusinessDay('2026-07-03')).toBe(true); // Jul 4 2026 is a Saturday
    expect(isBusinessDay('2027-06-18')).toBe(true);
    expect(isBusinessDay('2027-12-24')).toBe(true);
    expect(isBusinessDay('2027-12-31')).toBe(true); // Jan 1 2028 is a Saturday
  });

  it('closes the Monday after a Sunday holiday', () => {
    expect(isBusinessDay('2027-07-05')).toBe(false);
    expect(isBusinessDay('2029-11-12')).toBe(false);
  });

  it('has no Juneteenth before 2022', () => {
    expect(fedHolidays(2021)).not.toContain('2021-06-18');
    expect(isBusinessDay('2021-06-18')).toBe(true);
  });
});

describe('banking-day arithmetic', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2026-11-07')).toBe(false); // Saturday
    expect(nextBusinessDay('2026-11-06')).toBe('2026-11-09');
    expect(nextBusinessDay('2026-11-10')).toBe('2026-11-12'); // Veterans Day
    expect(nextBusinessDay('2026-12-24')).toBe('2026-12-28');
    expect(nextBusinessDay('2026-12-31')).toBe('2027-01-04'); // year boundary, New Year's Day
  });

  it.each([
    // The closure examples of the ledger notes (§C.4): settlement S, then S+2.
    ['2026-11-09', 2, '2026-11-12'],
    ['2026-07-03', 2, '2026-07-07'],
    ['2026-12-24', 2, '2026-12-29'],
    ['2027-07-01', 2, '2027-07-06'],
    ['2026-11-06', 0, '2026-11-06'],
    ['2026-11-07', 1, '2026-11-09'],
    ['2026-11-12', -2, '2026-11-09'],
  ])('addBusinessDays(%s, %i) = %s', (date, days, expected) => {
    expect(addBusinessDays(date, days)).toBe(expected);
  });

  it('refuses malformed dates', () => {
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
    expect(() => nextBusinessDay('26-1-1')).toThrow(RangeError);
  });
});

describe('New York time', () => {
  it('converts wall-clock cutoffs to instants across DST', () => {
    expect(easternInstant('2026-01-15', '16:45').toISOString()).toBe('2026-01-15T21:45:00.000Z');
    expect(easternInstant('2026-07-15', '16:45').toISOString()).toBe('2026-07-15T20:45:00.000Z');
    expect(easternInstant('2026-03-08', '12:00').toISOString()).toBe('2026-03-08T16:00:00.000Z'); // DST starts that morning
  });

  it('reads the New York date of an instant', () => {
    expect(easternDateOf(new Date('2026-11-10T03:00:00Z'))).toBe('2026-11-09');
    expect(easternDateOf(new Date('2026-11-10T05:00:00Z'))).toBe('2026-11-10');
  });
});
