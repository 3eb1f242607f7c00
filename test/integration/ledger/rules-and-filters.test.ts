import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../../../functions/adapters/dynamodb/keys.js';
import { originateAch, returnAch, settleAch } from '../../../functions/ledger/ach.js';
import { tenantGlId } from '../../../functions/ledger/gl.js';
import { fixedClock } from '../../../functions/ledger/sandbox-clock.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { dynamoExternalAccountDirectory } from '../../../functions/adapters/dynamodb/external-account-directory.js';
import { eventsOf, expectProblem, table, TEST_TABLE } from '../../helpers/api.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from './world.js';

// The account-status rules of customer movements, the transaction list filters, the pending
// transaction events, and a return reaching a closed account (to the ACH suspense GL).

let world: LedgerWorld;
let a: string;

const setStatus = (id: string, status: string) =>
  table().send(
    new UpdateCommand({
      TableName: TEST_TABLE,
      Key: KEYS.account(world.tenant.id, id),
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
    }),
  );

const transfer = (body: Record<string, unknown>) =>
  world.api.post('/v0/transactions/internal_transfer', { amount: 100, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', ...body });

const balanceOf = async (id: string) => (await world.ctx().store.accounts(world.tenant.id, [id])).customers.get(id);

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-rules');
  a = await openChecking(world);
  await fund(world, a, 10_000);
});

describe('account status', () => {
  for (const status of ['SUSPENDED', 'CLOSED', 'IN_CLOSING']) {
    it(`refuses customer movements from and to a ${status} account, naming the status, and writes nothing`, async () => {
      const x = await openChecking(world);
      await fund(world, x, 500);
      await setStatus(x, status);
      const before = await balanceOf(x);
      expectProblem(await transfer({ originating_account_id: x, receiving_account_id: a }), 422, undefined, status);
      expectProblem(await transfer({ originating_account_id: a, receiving_account_id: x }), 422, undefined, status);
      expectProblem(await transfer({ originating_account_id: x, receiving_account_id: a, capture_mode: 'MANUAL' }), 422, undefined, status);
      expect(await balanceOf(x)).toEqual(before);
      // The platform's own movements (closure: interest, the final payment) go through on IN_CLOSING only.
      const platform = createTransfer(
        world.ctx(),
        { amount: 500, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: x, receiving_account_id: a },
        'PLATFORM',
      );
      if (status === 'CLOSED') await expect(platform).rejects.toThrow(/CLOSED: no money can move/);
      else if (status === 'IN_CLOSING') expect((await platform).status).toBe('POSTED');
      else await platform;
      await assertBooks(world);
    });
  }
});

describe('transaction lists', () => {
  let c: string;
  let d: string;
  const ids: string[] = [];

  beforeAll(async () => {
    c = await openChecking(world);
    d = await openChecking(world);
    await fund(world, c, 5_000);
    // Three months apart, in posting order, each with its own reference.
    for (const [i, month] of ['2031-01', '2031-02', '2031-03'].entries()) {
      const t = await createTransfer(world.ctx(fixedClock(new Date(`${month}-10T12:00:00Z`))), {
        amount: 100 * (i + 1),
        currency: 'USD',
        type: i === 2 ? 'REFUND' : 'ACCOUNT_TO_ACCOUNT',
        originating_account_id: c,
        receiving_account_id: d,
        reference_id: `ref-${i}`,
      });
      ids.push(t.id);
    }
  });

  const list = async (query: string) => {
    const res = await world.api.get(`/v0/transactions/posted?${query}`);
    expect(res.status, res.rawBody).toBe(200);
    return (res.body.transactions as { id: string }[]).map((t) => t.id);
  };

  it('filters an account’s lines by date range, type, subtype, dc_sign and reference_id', async () => {
    expect(await list(`account_id=${c}&from_date=2031-02-01&to_date=2031-02-28`)).toEqual([ids[1]]);
    expect(await list(`account_id=${c}&from_date=2031-02-01`)).toEqual([ids[2], ids[1]]);
    expect(await list(`account_id=${c}&to_date=2031-01-10`)).toEqual(expect.arrayContaining([ids[0]]));
    expect(await list(`account_id=${c}&to_date=2031-01-10`)).not.toContain(ids[1]);
    expect(await list(`account_id=${c}&subtype=REFUND`)).toEqual([ids[2]]);
    expect(await list(`account_id=${c}&type=ach`)).toEqual([]);
    expect((await list(`account_id=${c}&type=internal_transfer`)).slice(0, 3)).toEqual([ids[2], ids[1], ids[0]]);
    expect(await list(`account_id=${d}&dc_sign=debit`)).toEqual([]);
    expect(await list(`account_id=${d}&dc_sign=credit`)).toEqual([ids[2], ids[1], ids[0]]);
    expect(await list(`account_id=${c}&reference_id=ref-1`)).toEqual([ids[1]]);
  });

  it('filters the tenant’s list the same way; dc_sign without account_id and bad dates are 400s', async () => {
    expect(await list('from_date=2031-02-01&to_date=2031-02-28')).toEqual([ids[1]]);
    expect(await list('reference_id=ref-2')).toEqual([ids[2]]);
    expect(await list(`account_id=${d}&from_date=2031-01-01T00:00:00Z&subtype=ACCOUNT_TO_ACCOUNT`)).toEqual([ids[1], ids[0]]);
    expectProblem(await world.api.get('/v0/transactions/posted?dc_sign=debit'), 400, undefined, 'dc_sign');
    expectProblem(await world.api.get('/v0/transactions/posted?from_date=yesterday'), 400, undefined, 'from_date');
    expectProblem(await world.api.get(`/v0/transactions/posted?dc_sign=sideways&account_id=${c}`), 400, undefined, 'dc_sign');
  });
});

describe("the client's Idempotency-Key", () => {
  it('is recorded on the transfer it creates, so ?idempotency_key= finds it', async () => {
    const key = `client-key-${randomUUID()}`;
    const b = await openChecking(world);
    expect((await transfer({ originating_account_id: a, receiving_account_id: b })).status).toBe(200);
    const keyed = await world.api.post(
      '/v0/transactions/internal_transfer',
      { amount: 100, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: a, receiving_account_id: b },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(keyed.status).toBe(200);
    const pick = (body: { transactions: { id: string; idemkey: string }[] }) => body.transactions.map((t) => [t.id, t.idemkey]);
    // The tenant's list and one account's lines both filter by it (the other transfer has no key).
    const tenantWide = await world.api.get(`/v0/transactions/posted?idempotency_key=${encodeURIComponent(key)}`);
    expect(pick(tenantWide.body)).toEqual([[keyed.body.id, key]]);
    const accountLines = await world.api.get(`/v0/transactions/posted?idempotency_key=${encodeURIComponent(key)}&account_id=${b}`);
    expect(pick(accountLines.body)).toEqual([[keyed.body.id, key]]);
  });
});

describe('pending transaction events', () => {
  it('a hold writes TRANSACTION.PENDING.CREATED; its capture .UPDATED with POSTED.CREATED; a void .UPDATED', async () => {
    const b = await openChecking(world);
    const typesOf = async (id: string) =>
      (await eventsOf(world.tenant.id))
        .filter((e) => e.resource_id === id)
        .map((e) => e.type)
        .sort();
    const held = await transfer({ originating_account_id: a, receiving_account_id: b, capture_mode: 'MANUAL' });
    expect(await typesOf(held.body.id)).toEqual(['TRANSACTION.PENDING.CREATED']);
    await world.api.patch(`/v0/transactions/internal_transfer/${held.body.id}`, { status: 'COMPLETE' });
    expect(await typesOf(held.body.id)).toEqual([
      'INTERNAL_TRANSFER.SUCCEEDED',
      'TRANSACTION.PENDING.CREATED',
      'TRANSACTION.PENDING.UPDATED',
      'TRANSACTION.POSTED.CREATED',
    ]);
    const voided = await transfer({ originating_account_id: a, receiving_account_id: b, capture_mode: 'MANUAL' });
    await world.api.patch(`/v0/transactions/internal_transfer/${voided.body.id}`, { status: 'CANCELED' });
    expect(await typesOf(voided.body.id)).toEqual(['TRANSACTION.PENDING.CREATED', 'TRANSACTION.PENDING.UPDATED']);
    const created = (await eventsOf(world.tenant.id)).find(
      (e) => e.resource_id === voided.body.id && e.type === 'TRANSACTION.PENDING.CREATED',
    );
    expect(created?.event_resource).toMatchObject({ id: voided.body.id, status: 'PENDING' });
  });
});

describe('ACH return to a closed account', () => {
  it('posts the returned money to the ACH suspense GL, not to the account', async () => {
    const x = await openChecking(world);
    await fund(world, x, 2_000);
    const external = await storedExternalAccount(world);
    const ctx = { ...world.ctx(), externalAccounts: dynamoExternalAccountDirectory };
    const ach = await originateAch(ctx, {
      amount: 2_000,
      currency: 'USD',
      customer_id: world.holder,
      dc_sign: 'credit',
      originating_account_id: x,
      receiving_account_id: external,
    });
    await settleAch(ctx, ach.id);
    expect((await balanceOf(x))?.account_balance).toBe(0);
    await setStatus(x, 'CLOSED');
    const suspense = tenantGlId(world.tenant.id, 'ACH_SUSPENSE');
    const before = await ctx.store.glBalance(world.tenant.id, suspense);
    const returned = await returnAch(ctx, ach.id);
    expect(returned.lines.find((l) => l.dc_sign === 'credit')?.account_id).toBe(suspense);
    expect(await ctx.store.glBalance(world.tenant.id, suspense)).toBe(before + 2_000);
    expect((await balanceOf(x))?.account_balance).toBe(0);
    const got = await world.api.get(`/v0/ach/${ach.id}`);
    expect(JSON.stringify(got.body)).toContain(returned.id);
    await assertBooks(world);
  });
});
