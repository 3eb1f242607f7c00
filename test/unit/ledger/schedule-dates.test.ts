import { describe, expect, it } from 'vitest';
import { executionDateOf, occurrenceOf, scheduledDateOf, scheduleProblem } from '../../../functions/ledger/schedule-dates.js';

describe('payment schedule dates', () => {
  it('steps by days, weeks and months times the interval', () => {
    expect(scheduledDateOf({ frequency: 'DAILY', interval: 3, start_date: '2026-12-30', count: 5 }, 1)).toBe('2027-01-02');
    expect(scheduledDateOf({ frequency: 'WEEKLY', interval: 2, start_date: '2026-12-01', count: 5 }, 2)).toBe('2026-12-29');
    expect(scheduledDateOf({ frequency: 'MONTHLY', interval: 1, start_date: '2026-11-15', count: 5 }, 3)).toBe('2027-02-15');
  });

  it('keeps a monthly day of the month, clamped to shorter months (Jan 31, Feb 28, Mar 31, leap Feb 29)', () => {
    const config = { frequency: 'MONTHLY' as const, interval: 1, start_date: '2027-01-31', count: 14 };
    expect([0, 1, 2, 3].map((n) => scheduledDateOf(config, n))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(scheduledDateOf(config, 13)).toBe('2028-02-29');
    expect(scheduledDateOf({ ...config, interval: 12 }, 1)).toBe('2028-01-31');
  });

  it('ends at count, or before end_date (exclusive)', () => {
    expect(occurrenceOf({ frequency: 'DAILY', interval: 1, start_date: '2026-12-01', count: 2 }, 1)).toBeDefined();
    expect(occurrenceOf({ frequency: 'DAILY', interval: 1, start_date: '2026-12-01', count: 2 }, 2)).toBeUndefined();
    const until = { frequency: 'WEEKLY' as const, interval: 1, start_date: '2026-12-01', end_date: '2026-12-15' };
    expect(occurrenceOf(until, 1)?.scheduled_date).toBe('2026-12-08');
    expect(occurrenceOf(until, 2)).toBeUndefined();
  });

  it('moves a non-banking day forward or backward with start_search, not without', () => {
    // 2026-12-25 is a Friday and a Fed holiday; 2026-12-26/27 the weekend.
    expect(executionDateOf('2026-12-25', 'FORWARD')).toBe('2026-12-28');
    expect(executionDateOf('2026-12-26', 'BACKWARD')).toBe('2026-12-24');
    expect(executionDateOf('2026-12-26', undefined)).toBe('2026-12-26');
    expect(occurrenceOf({ frequency: 'DAILY', interval: 1, start_date: '2026-12-25', count: 1, start_search: 'FORWARD' }, 0)).toEqual({
      scheduled_date: '2026-12-25',
      execution_date: '2026-12-28',
    });
  });

  it('names what is wrong with a configuration', () => {
    const base = { frequency: 'DAILY' as const, interval: 1, start_date: '2026-12-01' };
    expect(scheduleProblem({ ...base, count: 1 }, '2026-12-01')).toBeUndefined();
    expect(scheduleProblem(base, '2026-12-01')).toMatch(/end_date and count/);
    expect(scheduleProblem({ ...base, count: 1, end_date: '2026-12-09' }, '2026-12-01')).toMatch(/end_date and count/);
    expect(scheduleProblem({ ...base, count: 1 }, '2026-12-02')).toMatch(/schedule.start_date/);
    expect(scheduleProblem({ ...base, end_date: '2026-12-01' }, '2026-11-01')).toMatch(/schedule.end_date/);
  });
});
