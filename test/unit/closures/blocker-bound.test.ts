import { describe, expect, it } from 'vitest';
import type { ClosureContext } from '../../../functions/closures/context.js';
import type { ClosingAccount, ClosureRecord } from '../../../functions/closures/model.js';
import { initialChecks, MAX_BLOCKER_POLLS } from '../../../functions/closures/rules.js';
import { checkBlockers } from '../../../functions/closures/steps.js';

// Blocker polling is bounded: past MAX_BLOCKER_POLLS polls, or 120 days after the closure was
// initiated, the closure is recorded as NEEDS_ATTENTION (the operator-visible state) and the
// state machine goes to its Fail state, which the ExecutionsFailed alarm watches. The ports are
// in-memory here: the rule is what is tested; the store is tested against DynamoDB Local.

const closureOf = (change: Partial<ClosureRecord>): ClosureRecord => ({
  id: 'c1',
  tenant: 't1',
  account_id: 'a1',
  reason: 'CUSTOMER_REQUEST_TRANSFER',
  reason_details: 'x',
  payment_method: null,
  destination_id: null,
  step: 'BLOCKERS',
  execution_name: 'close-a1',
  in_closing_date: '2026-01-05',
  created_at: '2026-01-05T15:00:00.000Z',
  updated_at: '2026-01-05T15:00:00.000Z',
  polls: 0,
  payout: { state: 'NOT_STARTED', attempt: 0 },
  checks: initialChecks(),
  revision: 1,
  ...change,
});

const contextWith = (closure: ClosureRecord, now: string) => {
  const saved: ClosureRecord[] = [];
  const account: ClosingAccount = {
    id: 'a1',
    tenant: 't1',
    status: 'IN_CLOSING',
    family: 'DEPOSIT',
    currency: 'USD',
    balance: 100,
    pending_debits: 0,
    holder_ids: [],
    closure,
    raw: {},
  };
  const ctx = {
    tenantId: 't1',
    audit: { request_id: 'r', api_key_id: 'k', method: 'TEST', path: '/' },
    clock: { now: () => new Date(now) },
    store: { account: async () => account, save: async (c: ClosureRecord) => void saved.push(c) },
    disputes: { of: async () => [{ id: 'd1', transaction_id: 'x1' }] },
  } as unknown as ClosureContext;
  return { ctx, saved };
};

const input = { tenant: 't1', account_id: 'a1', closure_id: 'c1' };

describe('blocker polling bound', () => {
  it('waits for the next poll while under the bounds', async () => {
    const { ctx, saved } = contextWith(closureOf({ polls: 3 }), '2026-01-06T15:00:00.000Z');
    expect(await checkBlockers(ctx, input)).toEqual({ clear: false, attention: false, until: '2026-01-06T16:00:00.000Z' });
    expect(saved[0]).toMatchObject({ step: 'BLOCKERS', polls: 4, wait_until: '2026-01-06T16:00:00.000Z' });
  });

  it('needs attention past the poll bound', async () => {
    const { ctx, saved } = contextWith(closureOf({ polls: MAX_BLOCKER_POLLS }), '2026-02-06T15:00:00.000Z');
    expect(await checkBlockers(ctx, input)).toEqual({ clear: false, attention: true });
    expect(saved[0]).toMatchObject({ step: 'NEEDS_ATTENTION' });
  });

  it('needs attention 120 days after the closure began', async () => {
    const { ctx, saved } = contextWith(closureOf({ polls: 30 }), '2026-05-06T15:00:00.000Z');
    expect(await checkBlockers(ctx, input)).toMatchObject({ attention: true });
    expect(saved[0]?.step).toBe('NEEDS_ATTENTION');
  });
});
