import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { assertBooks, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// The sandbox clock and the incoming ACH simulation, through the HTTP API.

let world: LedgerWorld;
let account: string;
let accountNumber: string;

const balance = async (id: string) => {
  const res = await world.api.get(`/v0/accounts/${id}`);
  const of = (type: string) => (res.body.balances as { type: string; balance: number }[]).find((b) => b.type === type)?.balance;
  return { posted: of('ACCOUNT_BALANCE'), available: of('AVAILABLE_BALANCE') };
};
const now = async () => (await world.api.get('/v0/sandbox/clock')).body.now as string;
const incoming = (body: Record<string, unknown>) =>
  world.api.post('/v0/ach/transaction_simulations/receiving_transaction', { account_number: accountNumber, dc_sign: 'credit', ...body });
const incomingList = async () => (await world.api.get('/v0/ach/incoming?limit=100')).body.incoming_achs as any[];

beforeAll(async () => {
  // The integration suite runs the handlers in this process: mark it a sandbox stage.
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-sandbox');
  account = await openChecking(world);
  accountNumber = (await world.api.get(`/v0/accounts/${account}`)).body.account_number;
});

describe('incoming ACH simulation', () => {
  it('funds an account: a credit dated today posts at once against the ACH settlement GL', async () => {
    const today = (await now()).slice(0, 10);
    const res = await incoming({ amount: 50_000, effective_date: today });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body).toEqual({});
    expect(await balance(account)).toEqual({ posted: 50_000, available: 50_000 });
    expect((await incomingList())[0]).toMatchObject({ status: 'POSTED', amount: 50_000, dc_sign: 'credit' });
    await assertBooks(world);
  });

  it('returns a debit that would overdraw with R01, posting nothing; a prenote moves no money', async () => {
    const today = (await now()).slice(0, 10);
    await incoming({ amount: 60_000, dc_sign: 'debit', effective_date: today });
    await incoming({ amount: 0, effective_date: today });
    expect(await balance(account)).toEqual({ posted: 50_000, available: 50_000 });
    const statuses = (await incomingList()).map((e) => [e.status, e.return_data?.code]);
    expect(statuses).toContainEqual(['RETURNED', 'R01']);
    expect(statuses).toContainEqual(['PRENOTE', undefined]);
  });

  it('returns entries to an account whose ACH rail is off (R20)', async () => {
    const off = await openChecking(world, { is_ach_enabled: false });
    const number = (await world.api.get(`/v0/accounts/${off}`)).body.account_number;
    await world.api.post('/v0/ach/transaction_simulations/receiving_transaction', {
      account_number: number,
      amount: 100,
      dc_sign: 'credit',
      effective_date: (await now()).slice(0, 10),
    });
    expect(await balance(off)).toEqual({ posted: 0, available: 0 });
    expect((await incomingList()).find((e) => e.account_id === off)).toMatchObject({ status: 'RETURNED', return_data: { code: 'R20' } });
  });

  it('refuses an unknown account number with 404 and a bad body with 400', async () => {
    expectProblem(await incoming({ account_number: '999999999999', amount: 1, effective_date: '2026-01-01' }), 404);
    expectProblem(await incoming({ amount: -1, effective_date: '2026-01-01' }), 400, undefined, 'amount');
  });
});

describe('sandbox clock', () => {
  it('posts a future-dated entry on its day, and expires a hold at expires_at, as the clock advances', async () => {
    const start = await now();
    const tomorrow = new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10);
    await incoming({ amount: 7_000, effective_date: tomorrow });
    expect((await incomingList()).find((e) => e.effective_date === tomorrow)).toMatchObject({ status: 'SCHEDULED' });
    const other = await openChecking(world);
    const hold = await world.api.post('/v0/transactions/internal_transfer', {
      amount: 1_000,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: account,
      receiving_account_id: other,
      capture_mode: 'MANUAL',
      expires_at: new Date(Date.parse(start) + 3_600_000).toISOString(),
    });
    expect(hold.status, hold.rawBody).toBe(200);
    expect(await balance(account)).toEqual({ posted: 50_000, available: 49_000 });

    const moved = await world.api.post('/v0/sandbox/clock', { advance_seconds: 2 * 86_400 });
    expect(moved.status, moved.rawBody).toBe(200);
    // Two days past the clock as the request found it (real time moves it on meanwhile).
    expect(Date.parse(moved.body.now) - Date.parse(start) - 2 * 86_400_000).toBeGreaterThanOrEqual(0);
    expect(Date.parse(moved.body.now) - Date.parse(start) - 2 * 86_400_000).toBeLessThan(60_000);
    expect(Date.parse(await now())).toBeGreaterThanOrEqual(Date.parse(moved.body.now));

    expect((await world.api.get(`/v0/transactions/internal_transfer/${hold.body.id}`)).body.status).toBe('EXPIRED');
    expect((await incomingList()).find((e) => e.effective_date === tomorrow)).toMatchObject({ status: 'POSTED' });
    expect(await balance(account)).toEqual({ posted: 57_000, available: 57_000 });
    await assertBooks(world);
  });

  it('is refused with 403 on a stage that is not a sandbox', async () => {
    const saved = { SANDBOX: process.env.SANDBOX, STAGE: process.env.STAGE };
    process.env.SANDBOX = 'false';
    process.env.STAGE = 'prod';
    try {
      expectProblem(await world.api.get('/v0/sandbox/clock'), 403, 'FORBIDDEN', 'sandbox');
      expectProblem(await incoming({ amount: 1, effective_date: '2026-01-01' }), 403);
    } finally {
      process.env.SANDBOX = saved.SANDBOX;
      if (saved.STAGE === undefined) delete process.env.STAGE;
      else process.env.STAGE = saved.STAGE;
    }
  });

  it('never goes backwards', async () => {
    expectProblem(await world.api.post('/v0/sandbox/clock', { set: '2020-01-01T00:00:00Z' }), 422, undefined, 'backwards');
    expectProblem(await world.api.post('/v0/sandbox/clock', { advance_seconds: 'soon' }), 400);
  });
});
