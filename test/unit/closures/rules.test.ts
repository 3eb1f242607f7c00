import { describe, expect, it } from 'vitest';
import type { ClosureRecord } from '../../../functions/closures/model.js';
import {
  assertMethodShape,
  assertPayoutPatchable,
  assertReasonAllowed,
  closeAtAfterAch,
  closeAtAfterInternal,
  executionNameOf,
  initialChecks,
  nextBlockerCheck,
  stepKey,
  withCheck,
} from '../../../functions/closures/rules.js';

// The closure's pure rules: reasons against permissions, method and destination shape, when
// PATCH may change the payout, the close instants (ledger-notes §C.4 worked examples, year end,
// daylight saving), the blocker poll schedule and the money-step keys.

const closure = (payout: Partial<ClosureRecord['payout']>, step: ClosureRecord['step'] = 'PAYOUT') =>
  ({ id: 'c1', step, payout: { state: 'NOT_STARTED', attempt: 0, ...payout } }) as ClosureRecord;

describe('closure reasons', () => {
  it('reserves BANK_REQUEST_* and PROGRAM_SHUT_DOWN_BANK for bank callers', () => {
    expect(() => assertReasonAllowed('BANK_REQUEST_FRAUD', false)).toThrow(/reserved for the bank/);
    expect(() => assertReasonAllowed('BANK_REQUEST_CHARGE_OFF', false)).toThrow(/bank:closure/);
    expect(() => assertReasonAllowed('PROGRAM_SHUT_DOWN_BANK', false)).toThrow(/reserved/);
    expect(() => assertReasonAllowed('BANK_REQUEST_FRAUD', true)).not.toThrow();
    expect(() => assertReasonAllowed('CUSTOMER_REQUEST_TRANSFER', false)).not.toThrow();
    expect(() => assertReasonAllowed('PROGRAM_SHUT_DOWN_FINTECH', false)).not.toThrow();
  });
});

describe('payment method shape', () => {
  it('needs a destination for ACH and internal transfers, and none for BANK_DRAFT or null', () => {
    expect(() => assertMethodShape('ACH', null)).toThrow(/destination_id is required/);
    expect(() => assertMethodShape('INTERNAL_TRANSFER_TO_INTERNAL_ACCOUNT', null)).toThrow(/destination_id/);
    expect(() => assertMethodShape('BANK_DRAFT', 'x')).toThrow(/must be null/);
    expect(() => assertMethodShape(null, 'x')).toThrow(/must be null/);
    expect(() => assertMethodShape(null, null)).not.toThrow();
    expect(() => assertMethodShape('ACH', 'x')).not.toThrow();
  });
});

describe('PATCH of the payout', () => {
  it('is allowed before the payout starts and after it came back, refused while it runs or once closed', () => {
    expect(() => assertPayoutPatchable(closure({ state: 'NOT_STARTED' }))).not.toThrow();
    expect(() => assertPayoutPatchable(closure({ state: 'RETURNED', attempt: 1 }))).not.toThrow();
    expect(() => assertPayoutPatchable(closure({ state: 'STARTED', attempt: 1 }))).toThrow(/already started/);
    expect(() => assertPayoutPatchable(closure({ state: 'SENT', attempt: 1 }))).toThrow(/already started/);
    expect(() => assertPayoutPatchable(closure({ state: 'SENT', attempt: 1 }, 'CLOSED'))).toThrow(/finished/);
  });
});

describe('close instants', () => {
  it.each([
    // [settlement date S, closed at 09:00 New York on S+3 business days]
    ['2026-11-09', '2026-11-13T14:00:00.000Z'], // Wed 11-11 Veterans Day
    ['2026-07-03', '2026-07-08T13:00:00.000Z'], // Jul 4 on a Saturday: the Fed is open Friday
    ['2026-12-24', '2026-12-30T14:00:00.000Z'], // Christmas
    ['2027-07-01', '2027-07-07T13:00:00.000Z'], // Jul 4 on a Sunday: observed Monday 07-05
    ['2026-12-30', '2027-01-05T14:00:00.000Z'], // across the year end and New Year's Day
    ['2027-03-10', '2027-03-15T13:00:00.000Z'], // across the start of daylight saving (03-14)
    ['2026-10-29', '2026-11-03T14:00:00.000Z'], // across its end (11-01): EST again
  ])('an ACH payout settled %s closes at %s', (settlement, closeAt) => {
    expect(closeAtAfterAch(settlement)).toBe(closeAt);
  });

  it('closes an internal payout at 09:00 New York on the next business day', () => {
    expect(closeAtAfterInternal(new Date('2026-11-06T20:00:00Z'))).toBe('2026-11-09T14:00:00.000Z');
    expect(closeAtAfterInternal(new Date('2026-11-10T15:00:00Z'))).toBe('2026-11-12T14:00:00.000Z');
    // 23:30 in New York on Monday is still Monday there.
    expect(closeAtAfterInternal(new Date('2026-11-10T04:30:00Z'))).toBe('2026-11-10T14:00:00.000Z');
  });
});

describe('polls, keys and names', () => {
  it('polls blockers hourly for a day, then daily', () => {
    const now = new Date('2026-11-09T15:00:00Z');
    expect(nextBlockerCheck(now, 1)).toBe('2026-11-09T16:00:00.000Z');
    expect(nextBlockerCheck(now, 24)).toBe('2026-11-10T15:00:00.000Z');
  });

  it('derives money-step keys from the closure, the step and the payout attempt', () => {
    expect(stepKey({ id: 'c1' }, 'write-off')).toBe('closure:c1:write-off');
    expect(stepKey({ id: 'c1' }, 'payout', 2)).toBe('closure:c1:payout:2');
    expect(stepKey({ id: 'c1' }, 'payout', 2)).not.toBe(stepKey({ id: 'c1' }, 'payout', 3));
  });

  it('names the execution after the account, within Step Functions limits', () => {
    const name = executionNameOf('3c90c3cc-0d44-4b50-8888-8dd25736052a');
    expect(name).toBe('close-3c90c3cc-0d44-4b50-8888-8dd25736052a');
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).not.toMatch(/[:/#\s]/);
  });

  it('starts with one unvalidated entry per check and replaces one at a time', () => {
    const checks = withCheck(initialChecks(), 'cards', true, 'No card program');
    expect(checks.map((c) => [c.name, c.validated])).toEqual([
      ['pending_transactions', false],
      ['disputes', false],
      ['cards', true],
      ['recurring_payments', false],
      ['negative_balance', false],
      ['interest_payout', false],
      ['final_payment', false],
    ]);
  });
});
