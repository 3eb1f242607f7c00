import { beforeAll, describe, expect, it } from 'vitest';
import { openDisputesOfAccount } from '../../../functions/ledger/disputes.js';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Sandbox disputes through the HTTP API, and the closure's read of an account's open disputes.

let world: LedgerWorld;
let a: string;
let b: string;
let paid: string;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-disputes');
  a = await openChecking(world);
  b = await openChecking(world);
  await fund(world, a, 10_000);
  const res = await world.api.post('/v0/transactions/internal_transfer', {
    amount: 1_000,
    currency: 'USD',
    type: 'ACCOUNT_TO_ACCOUNT',
    originating_account_id: a,
    receiving_account_id: b,
  });
  expect(res.status, res.rawBody).toBe(200);
  paid = res.body.id;
});

describe('sandbox disputes', () => {
  it('opens on the debited account, answers the open one again (200), resolves once, with events', async () => {
    const opened = await world.api.post('/v0/sandbox/disputes', { transaction_id: paid });
    expect(opened.status, opened.rawBody).toBe(201);
    expect(opened.body).toMatchObject({ transaction_id: paid, account_id: a, status: 'OPEN' });
    expect(Object.keys(opened.body).sort()).toEqual(['account_id', 'creation_time', 'id', 'last_updated_time', 'status', 'transaction_id']);
    const again = await world.api.post('/v0/sandbox/disputes', { transaction_id: paid });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(opened.body.id);
    expect(await openDisputesOfAccount(world.ctx(), a)).toEqual([{ id: opened.body.id, transaction_id: paid }]);
    expect(await openDisputesOfAccount(world.ctx(), b)).toEqual([]);

    const resolved = await world.api.patch(`/v0/sandbox/disputes/${opened.body.id}`, { status: 'RESOLVED' });
    expect(resolved.status, resolved.rawBody).toBe(200);
    expect(resolved.body).toMatchObject({ id: opened.body.id, status: 'RESOLVED' });
    expect(await openDisputesOfAccount(world.ctx(), a)).toEqual([]);
    expectProblem(await world.api.patch(`/v0/sandbox/disputes/${opened.body.id}`, { status: 'RESOLVED' }), 422, undefined, 'RESOLVED');
    expect((await world.api.get(`/v0/sandbox/disputes/${opened.body.id}`)).body.status).toBe('RESOLVED');

    const types = (await eventsOf(world.tenant.id)).filter((e) => e.resource_id === opened.body.id).map((e) => e.type);
    expect(types.sort()).toEqual(['DISPUTE.CREATED', 'DISPUTE.UPDATED']);
  });

  it('names the receiving account when asked, and lists by account and status', async () => {
    const onB = await world.api.post('/v0/sandbox/disputes', { transaction_id: paid, account_id: b });
    expect(onB.status, onB.rawBody).toBe(201);
    expect(onB.body.account_id).toBe(b);
    const second = await world.api.post('/v0/sandbox/disputes', { transaction_id: paid });
    expect(second.status).toBe(201);
    const ofB = await world.api.get(`/v0/sandbox/disputes?account_id=${b}`);
    expect(ofB.body.disputes.map((d: { id: string }) => d.id)).toEqual([onB.body.id]);
    const open = await world.api.get('/v0/sandbox/disputes?status=OPEN');
    expect(open.body.disputes.map((d: { id: string }) => d.id).sort()).toEqual([onB.body.id, second.body.id].sort());
    const resolvedOfA = await world.api.get(`/v0/sandbox/disputes?account_id=${a}&status=RESOLVED`);
    expect(resolvedOfA.body.disputes).toHaveLength(1);
  });

  it('refuses bad input naming the field, an unknown transaction with 404, and writes nothing', async () => {
    const before = (await world.api.get('/v0/sandbox/disputes')).body.disputes.length;
    expectProblem(await world.api.post('/v0/sandbox/disputes', {}), 400, undefined, 'transaction_id');
    expectProblem(await world.api.post('/v0/sandbox/disputes', { transaction_id: 'nope' }), 400, undefined, 'transaction_id');
    expectProblem(await world.api.post('/v0/sandbox/disputes', { transaction_id: paid, extra: 1 }), 400, undefined, 'extra');
    expectProblem(
      await world.api.post('/v0/sandbox/disputes', { transaction_id: '00000000-0000-4000-8000-000000000000' }),
      404,
      undefined,
      'transaction',
    );
    const c = await openChecking(world);
    expectProblem(await world.api.post('/v0/sandbox/disputes', { transaction_id: paid, account_id: c }), 400, undefined, 'account_id');
    expectProblem(await world.api.get('/v0/sandbox/disputes?status=DONE'), 400, undefined, 'status');
    expect((await world.api.get('/v0/sandbox/disputes')).body.disputes.length).toBe(before);
    const id = (await world.api.get('/v0/sandbox/disputes')).body.disputes[0].id;
    expectProblem(await world.api.patch(`/v0/sandbox/disputes/${id}`, { status: 'OPEN' }), 400, undefined, 'status');
    expectProblem(await world.api.get('/v0/sandbox/disputes/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('is tenant-scoped: another tenant cannot see or resolve it', async () => {
    const other = await newLedgerWorld('ledger-disputes-other');
    const mine = (await world.api.get('/v0/sandbox/disputes?status=OPEN')).body.disputes[0].id;
    expectProblem(await other.api.get(`/v0/sandbox/disputes/${mine}`), 404);
    expectProblem(await other.api.patch(`/v0/sandbox/disputes/${mine}`, { status: 'RESOLVED' }), 404);
    expectProblem(await other.api.post('/v0/sandbox/disputes', { transaction_id: paid }), 404);
    expect((await other.api.get('/v0/sandbox/disputes')).body.disputes).toEqual([]);
  });

  it('is refused with 403 on a stage that is not a sandbox', async () => {
    const saved = { SANDBOX: process.env.SANDBOX, STAGE: process.env.STAGE };
    process.env.SANDBOX = 'false';
    process.env.STAGE = 'prod';
    try {
      expectProblem(await world.api.post('/v0/sandbox/disputes', { transaction_id: paid }), 403, 'FORBIDDEN', 'sandbox');
      expectProblem(await world.api.get('/v0/sandbox/disputes'), 403);
    } finally {
      process.env.SANDBOX = saved.SANDBOX;
      if (saved.STAGE === undefined) delete process.env.STAGE;
      else process.env.STAGE = saved.STAGE;
    }
  });
});
