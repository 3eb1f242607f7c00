import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from './world.js';

// Synctera's response fields on the ledger's resources (posted_transaction, pending_transaction,
// outgoing_ach, incoming_ach, internal_account_response), beside Bankline's own.

let world: LedgerWorld;
let a: string;
let b: string;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-fields');
  a = await openChecking(world);
  b = await openChecking(world);
  const number = (await world.api.get(`/v0/accounts/${a}`)).body.account_number;
  const today = (await world.api.get('/v0/sandbox/clock')).body.now.slice(0, 10);
  const funded = await world.api.post('/v0/ach/transaction_simulations/receiving_transaction', {
    account_number: number,
    amount: 50_000,
    dc_sign: 'credit',
    effective_date: today,
  });
  expect(funded.status, funded.rawBody).toBe(201);
});

describe('Synctera response fields', () => {
  it('posted_transaction: uuid, tenant, idemkey, times, info_only, lead_mode, data with line uuids', async () => {
    const moved = await world.api.post('/v0/transactions/internal_transfer', {
      amount: 1_000,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: a,
      receiving_account_id: b,
      memo: 'rent',
      metadata: { flat: '4B' },
    });
    const posted = await world.api.get(`/v0/transactions/posted/${moved.body.id}`);
    expect(posted.status, posted.rawBody).toBe(200);
    expect(posted.body).toMatchObject({
      id: moved.body.id,
      uuid: moved.body.id,
      tenant: world.tenant.id,
      idemkey: '',
      reference_id: '',
      info_only: false,
      lead_mode: false,
      status: 'POSTED',
      transaction_time: posted.body.posted_date,
      settlement_date: posted.body.effective_date,
      data: { memo: 'rent', metadata: { flat: '4B' }, force_post: false },
    });
    const lines = posted.body.data.lines as { uuid: string; account_id: string; dc_sign: string }[];
    expect(lines.map((l) => [l.account_id, l.dc_sign])).toEqual([
      [a, 'debit'],
      [b, 'credit'],
    ]);
    expect(new Set(lines.map((l) => l.uuid)).size).toBe(2);
    const again = await world.api.get(`/v0/transactions/posted/${moved.body.id}`);
    expect(again.body.data.lines).toEqual(posted.body.data.lines);
    const ofAccount = await world.api.get(`/v0/transactions/posted?account_id=${b}`);
    expect(ofAccount.body.transactions[0]).toMatchObject({
      uuid: moved.body.id,
      line_uuid: lines[1]?.uuid,
      transaction_time: expect.any(String),
    });
  });

  it('pending_transaction: account_id, offset_account_id and the hold in data (req_amount, total_amount, was_partial)', async () => {
    const held = await world.api.post('/v0/transactions/internal_transfer', {
      amount: 800,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_id: a,
      receiving_account_id: b,
      capture_mode: 'MANUAL',
    });
    const pending = await world.api.get(`/v0/transactions/pending/${held.body.id}`);
    expect(pending.body).toMatchObject({
      uuid: held.body.id,
      account_id: a,
      offset_account_id: b,
      data: {
        status: 'PENDING',
        amount: 800,
        req_amount: 800,
        total_amount: 0,
        was_partial: false,
        dc_sign: 'debit',
        hold_id: held.body.id,
      },
    });
    await world.api.patch(`/v0/transactions/internal_transfer/${held.body.id}`, { status: 'COMPLETE', amount: 300 });
    const captured = await world.api.get(`/v0/transactions/pending/${held.body.id}`);
    expect(captured.body.data).toMatchObject({ status: 'PARTCLEARED', total_amount: 300, was_partial: true, transaction_id: held.body.id });
  });

  it('outgoing_ach: source_account_id, account_id, external_id, hold, memo, trace_no', async () => {
    const external = await storedExternalAccount(world);
    const res = await world.api.post('/v0/ach', {
      amount: 1_500,
      currency: 'USD',
      customer_id: world.holder,
      dc_sign: 'credit',
      originating_account_id: a,
      receiving_account_id: external,
    });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body).toMatchObject({
      source_account_id: a,
      account_id: external,
      external_id: res.body.id,
      is_same_day: false,
      memo: '',
      trace_no: '',
      hold: { amount: 1_500, availability_time: expect.any(String) },
    });
    await world.api.post('/v0/sandbox/clock', { advance_seconds: 5 * 86_400 });
    const settled = await world.api.get(`/v0/ach/${res.body.id}`);
    expect(settled.body.trace_no).toMatch(/^\d{15}$/);
    expect(settled.body.hold).toBeUndefined();
    await world.api.post('/v0/ach/transaction_simulations/receiving_return', { ach_id: res.body.id });
    const returned = await world.api.get(`/v0/ach/${res.body.id}`);
    expect(returned.body.return_data).toMatchObject({ code: 'R01', original_trace: settled.body.trace_no });
  });

  it('incoming_ach: tenant, trace_no, sec_code, is_future_dated, settlement_date, originator fields', async () => {
    const list = await world.api.get('/v0/ach/incoming');
    const entry = list.body.incoming_achs[0];
    expect(entry).toMatchObject({
      tenant: world.tenant.id,
      account_id: a,
      sec_code: 'PPD',
      is_future_dated: false,
      settlement_date: entry.effective_date,
      company_name: expect.any(String),
      originating_routing_number: expect.stringMatching(/^\d{9}$/),
      external_id: entry.transaction_id,
    });
    expect(entry.trace_no).toMatch(/^\d{15}$/);
    expect(JSON.stringify(entry)).not.toContain('account_no');
  });

  it('internal_account: tenant, gl_type and purpose (platform GLs classed, client GLs as given)', async () => {
    const gls = await world.api.get('/v0/internal_accounts?limit=100');
    const funding = gls.body.internal_accounts.find((g: { alias: string }) => g.alias === 'funding');
    expect(funding).toMatchObject({ tenant: world.tenant.id, gl_type: 'ASSET', purpose: 'TREASURY' });
    expect(gls.body.internal_accounts.find((g: { alias: string }) => g.alias === 'ach_suspense')).toMatchObject({ purpose: 'SUSPENSE' });
    const created = await world.api.post('/v0/internal_accounts', { currency: 'USD', alias: 'promo', gl_type: 'EXPENSE', purpose: 'CORE' });
    expect(created.status, created.rawBody).toBe(201);
    expect(created.body).toMatchObject({ gl_type: 'EXPENSE', purpose: 'CORE' });
    const patched = await world.api.patch(`/v0/internal_accounts/${created.body.id}`, { purpose: 'RESERVE' });
    expect(patched.body).toMatchObject({ gl_type: 'EXPENSE', purpose: 'RESERVE' });
    expectProblem(await world.api.post('/v0/internal_accounts', { currency: 'USD', gl_type: 'EQUITY' }), 400, undefined, 'gl_type');
  });
});
