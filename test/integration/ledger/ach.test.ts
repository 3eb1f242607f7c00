import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { settlementOf } from '../../../functions/ledger/ach.js';
import { expectProblem } from '../../helpers/api.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from './world.js';

// Outgoing ACH: origination holds, the clock's settlement run posts at the next banking day's
// cutoff against the ACH settlement GL, cancel before it, and a simulated return after it.

let world: LedgerWorld;
let account: string;
let verified: string;
let unverified: string;

/** An external account item as the external-accounts domain writes it (the fields the ledger reads). */
const externalAccount = (owner: string, verification: 'VERIFIED' | 'UNVERIFIED') => storedExternalAccount(world, { owner, verification });

const balance = async (id: string) => {
  const res = await world.api.get(`/v0/accounts/${id}`);
  const of = (type: string) => (res.body.balances as { type: string; balance: number }[]).find((b) => b.type === type)?.balance;
  return { posted: of('ACCOUNT_BALANCE'), available: of('AVAILABLE_BALANCE') };
};

const ach = (body: Record<string, unknown>) =>
  world.api.post('/v0/ach', {
    amount: 1_500,
    currency: 'USD',
    customer_id: world.holder,
    dc_sign: 'credit',
    originating_account_id: account,
    receiving_account_id: verified,
    ...body,
  });

const advanceDays = async (days: number) => {
  const res = await world.api.post('/v0/sandbox/clock', { advance_seconds: days * 86_400 });
  expect(res.status, res.rawBody).toBe(200);
};

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-ach');
  account = await openChecking(world);
  await fund(world, account, 10_000);
  verified = await externalAccount(world.holder, 'VERIFIED');
  unverified = await externalAccount(world.holder, 'UNVERIFIED');
});

describe('outgoing ACH', () => {
  it('settles at the cutoff of the next banking day: INIT/PENDING with a hold, then COMPLETE with a trace number', async () => {
    const res = await ach({});
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING', dc_sign: 'credit', amount: 1_500 });
    expect(JSON.stringify(res.body)).not.toContain('123456789');
    expect(await balance(account)).toEqual({ posted: 10_000, available: 8_500 });
    await advanceDays(5);
    const settled = await world.api.get(`/v0/ach/${res.body.id}`);
    expect(settled.body).toMatchObject({ status: 'COMPLETE', transaction_status: 'POSTED' });
    expect(settled.body.trace_no).toMatch(/^\d{15}$/);
    expect(await balance(account)).toEqual({ posted: 8_500, available: 8_500 });
    await assertBooks(world);
  });

  it('is canceled before the cutoff, releasing the hold; then it cannot be canceled again', async () => {
    const res = await ach({ amount: 700 });
    const canceled = await world.api.patch(`/v0/ach/${res.body.id}`, { status: 'CANCELED' });
    expect(canceled.status, canceled.rawBody).toBe(200);
    expect(canceled.body.status).toBe('CANCELED');
    expect(await balance(account)).toEqual({ posted: 8_500, available: 8_500 });
    expectProblem(await world.api.patch(`/v0/ach/${res.body.id}`, { status: 'CANCELED' }), 422);
    await advanceDays(3);
    expect((await world.api.get(`/v0/ach/${res.body.id}`)).body.status).toBe('CANCELED');
    await assertBooks(world);
  });

  it('a simulated return restores the balance, linked to the original, once', async () => {
    const res = await ach({ amount: 1_000 });
    await advanceDays(5);
    const returned = await world.api.post('/v0/ach/transaction_simulations/receiving_return', { ach_id: res.body.id });
    expect(returned.status, returned.rawBody).toBe(201);
    const after = await world.api.get(`/v0/ach/${res.body.id}`);
    expect(after.body.return_data).toMatchObject({ code: 'R01' });
    expect(await balance(account)).toEqual({ posted: 8_500, available: 8_500 });
    const back = await world.api.get(`/v0/transactions/posted/${after.body.return_data.return_transaction_id}`);
    expect(back.body).toMatchObject({ original_trx: res.body.id, amount: 1_000 });
    expectProblem(
      await world.api.post('/v0/ach/transaction_simulations/receiving_return', { ach_id: res.body.id }),
      422,
      undefined,
      'already returned',
    );
    await assertBooks(world);
  });

  it('returning an entry not yet sent settles it first (sandbox), then returns it', async () => {
    const res = await ach({ amount: 400 });
    const returned = await world.api.post('/v0/ach/transaction_simulations/receiving_return', { ach_id: res.body.id });
    expect(returned.status, returned.rawBody).toBe(201);
    expect((await world.api.get(`/v0/ach/${res.body.id}`)).body).toMatchObject({ status: 'COMPLETE', return_data: { code: 'R01' } });
    expect(await balance(account)).toEqual({ posted: 8_500, available: 8_500 });
    await assertBooks(world);
  });

  it('a debit pulls from a verified external account at settlement; an unverified one is refused', async () => {
    expectProblem(await ach({ dc_sign: 'debit', receiving_account_id: unverified }), 422, undefined, 'verified');
    const res = await ach({ dc_sign: 'debit', amount: 2_000 });
    expect(res.status, res.rawBody).toBe(201);
    expect(await balance(account)).toEqual({ posted: 8_500, available: 8_500 });
    await advanceDays(5);
    expect(await balance(account)).toEqual({ posted: 10_500, available: 10_500 });
    await assertBooks(world);
  });

  it('refuses an account with is_ach_enabled false, naming the flag, and overdrafts', async () => {
    const off = await openChecking(world, { is_ach_enabled: false });
    expectProblem(await ach({ originating_account_id: off }), 422, undefined, 'is_ach_enabled');
    expectProblem(await ach({ amount: 1_000_000 }), 422, undefined, 'insufficient funds');
    expectProblem(await ach({ receiving_account_id: randomUUID() }), 404);
  });

  it('settles on the banking day after origination, skipping weekends and holidays', () => {
    // Friday 2026-11-06 18:00 New York → Monday 11-09 cutoff; Tuesday 11-10 → Thursday 11-12 (Veterans Day).
    expect(settlementOf(new Date('2026-11-06T23:00:00Z'))).toEqual({ date: '2026-11-09', at: '2026-11-09T21:45:00.000Z', same_day: false });
    expect(settlementOf(new Date('2026-11-10T15:00:00Z')).date).toBe('2026-11-12');
  });

  it('is_same_day settles at today’s cutoff when made in the window, else with the next file; the NACHA limit is a 422', async () => {
    const now = new Date((await world.api.get('/v0/sandbox/clock')).body.now);
    const res = await ach({ amount: 100, is_same_day: true });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body).toMatchObject({ is_same_day: true, settlement_date: settlementOf(now, true).at.slice(0, 10) });
    expect((await ach({ amount: 100 })).body.is_same_day).toBe(false);
    await fund(world, account, 100_000_001);
    expectProblem(await ach({ amount: 100_000_001, is_same_day: true }), 422, undefined, 'is_same_day');
    expectProblem(await ach({ is_same_day: 'yes' }), 400, undefined, 'is_same_day');
  });
});
