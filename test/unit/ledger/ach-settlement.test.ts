import { describe, expect, it } from 'vitest';
import { settlementOf } from '../../../functions/ledger/ach.js';

// When an outgoing ACH settles: the next banking day's 16:45 New York cutoff, or with
// is_same_day, today's cutoff when it was originated on a banking day before 14:45 New York.

describe('ACH settlement time', () => {
  it('settles a regular entry at the next banking day’s cutoff', () => {
    expect(settlementOf(new Date('2026-12-01T15:00:00Z'))).toEqual({ date: '2026-12-02', at: '2026-12-02T21:45:00.000Z', same_day: false });
  });

  it('settles a same-day entry today when it is made before 14:45 New York on a banking day', () => {
    expect(settlementOf(new Date('2026-12-01T15:00:00Z'), true)).toEqual({
      date: '2026-12-01',
      at: '2026-12-01T21:45:00.000Z',
      same_day: true,
    });
    // 14:44 EDT in July.
    expect(settlementOf(new Date('2027-07-01T18:44:00Z'), true)).toMatchObject({ date: '2027-07-01', same_day: true });
  });

  it('sends a late or non-banking-day same-day entry with the next file', () => {
    expect(settlementOf(new Date('2026-12-01T19:45:00Z'), true)).toMatchObject({ date: '2026-12-02', same_day: false });
    // Saturday, then Christmas Day (a Friday, a Fed holiday) → Monday.
    expect(settlementOf(new Date('2026-12-05T15:00:00Z'), true)).toMatchObject({ date: '2026-12-07', same_day: false });
    expect(settlementOf(new Date('2026-12-25T15:00:00Z'), true)).toMatchObject({ date: '2026-12-28', same_day: false });
  });
});
