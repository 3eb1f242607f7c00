import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Month-end statements, issued by the clock's due work, read through /v0/statements.

let world: LedgerWorld;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-statements');
});

describe('statements', () => {
  it('issues one statement per account with activity at month end: balances, totals, lines, event', async () => {
    const a = await openChecking(world);
    const b = await openChecking(world);
    const idle = await openChecking(world);
    await fund(world, a, 9_000);
    const moved = await world.api.post('/v0/transactions/internal_transfer', {
      amount: 2_000,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: a,
      receiving_account_id: b,
    });
    expect(moved.status).toBe(200);
    const now = new Date((await world.api.get('/v0/sandbox/clock')).body.now);
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2, 6));
    await world.api.post('/v0/sandbox/clock', { set: next.toISOString() });
    await world.api.post('/v0/sandbox/clock', { advance_seconds: 3_600 });

    const list = await world.api.get(`/v0/statements?account_id=${a}`);
    expect(list.status, list.rawBody).toBe(200);
    expect(list.body.statements).toHaveLength(1);
    const statement = list.body.statements[0];
    expect(statement).toMatchObject({
      account_id: a,
      opening_balance: 0,
      closing_balance: 7_000,
      total_credits: 9_000,
      total_debits: 2_000,
      transaction_count: 2,
      savings_summary: { interest_earned: 0 },
      transactions_omitted: true,
    });
    expect(statement.start_date.slice(0, 7)).toBe(now.toISOString().slice(0, 7));
    const lines = await world.api.get(`/v0/statements/${statement.id}/transactions`);
    expect(lines.body.transactions.map((l: any) => [l.dc_sign, l.amount, l.account_balance_after])).toEqual([
      ['credit', 9_000, 9_000],
      ['debit', 2_000, 7_000],
    ]);
    // Paginated, oldest first: a page token resumes where the page ended.
    const first = await world.api.get(`/v0/statements/${statement.id}/transactions?limit=1`);
    expect(first.body.transactions.map((l: any) => l.amount)).toEqual([9_000]);
    const second = await world.api.get(`/v0/statements/${statement.id}/transactions?limit=1&page_token=${first.body.next_page_token}`);
    expect(second.body.transactions.map((l: any) => l.amount)).toEqual([2_000]);
    expect(second.body.next_page_token).toBeUndefined();
    expectProblem(await world.api.get(`/v0/statements/${statement.id}/transactions?limit=0`), 400, undefined, 'limit');
    expectProblem(await world.api.get(`/v0/statements/${statement.id}/transactions?account_id=${a}`), 400, undefined, 'account_id');
    expect((await world.api.get(`/v0/statements/${statement.id}`)).body.id).toBe(statement.id);
    expect((await world.api.get(`/v0/statements?account_id=${idle}`)).body.statements).toEqual([]);
    expect((await eventsOf(world.tenant.id)).filter((e) => e.type === 'STATEMENT.CREATED')).toHaveLength(2);
    expectProblem(await world.api.get('/v0/statements'), 400, undefined, 'account_id');
    await assertBooks(world);
  });
});
