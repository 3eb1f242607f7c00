import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { assertBooks, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Internal transfers, holds and the transaction lists through the HTTP API (the twin's gateway).

let world: LedgerWorld;
let a: string;
let b: string;

const balances = async (id: string): Promise<{ ACCOUNT_BALANCE: number; AVAILABLE_BALANCE: number }> => {
  const res = await world.api.get(`/v0/accounts/${id}`);
  expect(res.status).toBe(200);
  const of = (type: string) => (res.body.balances as { type: string; balance: number }[]).find((x) => x.type === type)?.balance as number;
  return { ACCOUNT_BALANCE: of('ACCOUNT_BALANCE'), AVAILABLE_BALANCE: of('AVAILABLE_BALANCE') };
};

const transfer = (body: Record<string, unknown>) =>
  world.api.post('/v0/transactions/internal_transfer', { amount: 100, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', ...body });

beforeAll(async () => {
  world = await newLedgerWorld('ledger-api');
  a = await openChecking(world);
  b = await openChecking(world);
  const funded = await transfer({ amount: 10_000, originating_account_alias: 'funding', receiving_account_id: a });
  expect(funded.status, funded.rawBody).toBe(200);
});

describe('internal transfers', () => {
  it('IMMEDIATE moves money at once: balances, posted lines with balance after, events', async () => {
    const res = await transfer({ amount: 2_500, originating_account_id: a, receiving_account_id: b, memo: 'rent' });
    expect(res.status, res.rawBody).toBe(200);
    expect(res.body).toMatchObject({ status: 'COMPLETE', amount: 2_500, capture_mode: 'IMMEDIATE', type: 'ACCOUNT_TO_ACCOUNT' });
    expect(await balances(a)).toEqual({ ACCOUNT_BALANCE: 7_500, AVAILABLE_BALANCE: 7_500 });
    expect(await balances(b)).toEqual({ ACCOUNT_BALANCE: 2_500, AVAILABLE_BALANCE: 2_500 });
    const posted = await world.api.get(`/v0/transactions/posted?account_id=${a}`);
    expect(posted.status).toBe(200);
    expect(posted.body.transactions.map((t: any) => [t.dc_sign, t.amount, t.account_balance_after])).toEqual([
      ['debit', 2_500, 7_500],
      ['credit', 10_000, 10_000],
    ]);
    const types = (await eventsOf(world.tenant.id)).filter((e) => e.resource_id === res.body.id).map((e) => e.type);
    expect(types.sort()).toEqual(['INTERNAL_TRANSFER.SUCCEEDED', 'TRANSACTION.POSTED.CREATED']);
    const got = await world.api.get(`/v0/transactions/posted/${res.body.id}`);
    expect(got.body.lines).toEqual([
      { account_id: a, dc_sign: 'debit', amount: 2_500, currency: 'USD' },
      { account_id: b, dc_sign: 'credit', amount: 2_500, currency: 'USD' },
    ]);
    await assertBooks(world);
  });

  it('refuses an overdraft with a 422 naming the rule, and writes nothing', async () => {
    const before = await balances(b);
    const res = await transfer({ amount: 1_000_000, originating_account_id: b, receiving_account_id: a });
    expectProblem(res, 422, undefined, 'insufficient funds');
    expect(await balances(b)).toEqual(before);
    await assertBooks(world);
  });

  it('MANUAL holds, then a partial capture posts part and releases the rest', async () => {
    const hold = await transfer({ amount: 1_000, originating_account_id: a, receiving_account_id: b, capture_mode: 'MANUAL' });
    expect(hold.body.status).toBe('PENDING');
    const before = await balances(a);
    expect(before.AVAILABLE_BALANCE).toBe(before.ACCOUNT_BALANCE - 1_000);
    const pending = await world.api.get(`/v0/transactions/pending/${hold.body.id}`);
    expect(pending.body.hold).toMatchObject({ status: 'PENDING', amount: 1_000 });
    const captured = await world.api.patch(`/v0/transactions/internal_transfer/${hold.body.id}`, { status: 'COMPLETE', amount: 400 });
    expect(captured.status, captured.rawBody).toBe(200);
    expect(captured.body).toMatchObject({ status: 'COMPLETE', amount: 400 });
    const after = await balances(a);
    expect(after).toEqual({ ACCOUNT_BALANCE: before.ACCOUNT_BALANCE - 400, AVAILABLE_BALANCE: before.ACCOUNT_BALANCE - 400 });
    const again = await world.api.patch(`/v0/transactions/internal_transfer/${hold.body.id}`, { status: 'CANCELED' });
    expectProblem(again, 422, undefined, 'only a PENDING transfer');
    await assertBooks(world);
  });

  it('a MANUAL transfer from a GL holds nothing on the GL and posts on capture', async () => {
    const before = await balances(b);
    const hold = await transfer({ amount: 300, originating_account_alias: 'funding', receiving_account_id: b, capture_mode: 'MANUAL' });
    expect(hold.status, hold.rawBody).toBe(200);
    expect(await balances(b)).toEqual(before);
    const done = await world.api.patch(`/v0/transactions/internal_transfer/${hold.body.id}`, { status: 'COMPLETE' });
    expect(done.body.status).toBe('COMPLETE');
    expect((await balances(b)).ACCOUNT_BALANCE).toBe(before.ACCOUNT_BALANCE + 300);
    await assertBooks(world);
  });

  it('CANCELED voids a hold: available comes back, nothing posts', async () => {
    const before = await balances(a);
    const hold = await transfer({ amount: 700, originating_account_id: a, receiving_account_id: b, capture_mode: 'MANUAL' });
    const canceled = await world.api.patch(`/v0/transactions/internal_transfer/${hold.body.id}`, { status: 'CANCELED' });
    expect(canceled.body.status).toBe('CANCELED');
    expect(await balances(a)).toEqual(before);
    expect((await world.api.get(`/v0/transactions/posted/${hold.body.id}`)).status).toBe(404);
    await assertBooks(world);
  });

  it('refuses transfers touching a system GL, a frozen account, or naming an unknown account', async () => {
    expectProblem(await transfer({ originating_account_alias: 'fee_income', receiving_account_id: a }), 422, undefined, 'system account');
    expectProblem(await transfer({ originating_account_id: a, receiving_account_alias: 'nope' }), 400, undefined, 'nope');
    const frozen = await openChecking(world);
    const patched = await world.api.patch(`/v0/accounts/${frozen}`, { access_status: 'FROZEN' });
    expect(patched.status, patched.rawBody).toBe(200);
    expectProblem(await transfer({ originating_account_id: a, receiving_account_id: frozen }), 422, undefined, 'FROZEN');
    expectProblem(await transfer({ originating_account_id: a, receiving_account_id: '00000000-0000-4000-8000-000000000000' }), 404);
  });

  it('pulls a floor shortfall from the linked account in the same transaction', async () => {
    const floored = await openChecking(world, { balance_floor: { balance: 0, linked_account_id: a } });
    const before = await balances(a);
    const res = await transfer({ amount: 300, originating_account_id: floored, receiving_account_id: b });
    expect(res.status, res.rawBody).toBe(200);
    expect(await balances(floored)).toEqual({ ACCOUNT_BALANCE: 0, AVAILABLE_BALANCE: 0 });
    expect((await balances(a)).ACCOUNT_BALANCE).toBe(before.ACCOUNT_BALANCE - 300);
    await assertBooks(world);
  });

  it('sweeps a credit over balance_ceiling to the linked account once, with no ping-pong between two accounts', async () => {
    const x = await openChecking(world);
    const y = await openChecking(world, { balance_ceiling: { balance: 100, linked_account_id: x } });
    const patched = await world.api.patch(`/v0/accounts/${x}`, { balance_ceiling: { balance: 100, linked_account_id: y } });
    expect(patched.status, patched.rawBody).toBe(200);
    const res = await transfer({ amount: 500, originating_account_id: a, receiving_account_id: x });
    expect(res.status, res.rawBody).toBe(200);
    expect(await balances(x)).toEqual({ ACCOUNT_BALANCE: 100, AVAILABLE_BALANCE: 100 });
    expect(await balances(y)).toEqual({ ACCOUNT_BALANCE: 400, AVAILABLE_BALANCE: 400 });
    const sweeps = (await world.api.get(`/v0/transactions/posted?account_id=${y}`)).body.transactions;
    expect(sweeps.map((t: any) => t.subtype)).toEqual(['BALANCE_CEILING_SWEEP']);
    await assertBooks(world);
  });

  it('lists and reads internal accounts, the platform GLs included, with their balances', async () => {
    const list = await world.api.get('/v0/internal_accounts?limit=100');
    expect(list.status).toBe(200);
    const funding = list.body.internal_accounts.find((g: any) => g.alias === 'funding');
    expect(funding).toBeDefined();
    const got = await world.api.get(`/v0/internal_accounts/${funding.id}`);
    expect(got.body.balances[0].balance).toBeLessThan(0);
    const created = await world.api.post('/v0/internal_accounts', { currency: 'USD', alias: 'promos', description: 'Promotions' });
    expect(created.status, created.rawBody).toBe(201);
    expect(created.body).toMatchObject({
      account_type: 'GENERAL_LEDGER',
      is_system_acc: false,
      balances: [{ balance: 0 }, { balance: 0 }],
    });
  });
});
