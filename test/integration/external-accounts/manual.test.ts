import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, getItem, queryPartition } from '../../helpers/api.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import { type Bank, business, createManual, del, manualBody, newBank, person } from './helpers.js';

// Manual external accounts (contract §9.1–§9.5): each rule with a passing and a rejected case,
// masking, the stored item the ledger reads, events, duplicates, soft delete and lists.

let bank: Bank;
let personId: string;

beforeAll(async () => {
  bank = await newBank('ext-manual');
  personId = await person(bank);
});

const post = (body: Record<string, unknown>, extra = {}) => bank.api.post('/v0/external_accounts', body, extra);
const eventsFor = async (id: string) => (await eventsOf(bank.id)).filter((e) => e.resource_id === id);

describe('create', () => {
  it('creates an unverified manual account, numbers masked to the last 4, the full number stored', async () => {
    const body = manualBody({ customer_id: personId }, { account_identifiers: { number: '000123456789' }, nickname: 'Payouts' });
    const response = await post(body);
    expect(response.status, response.rawBody).toBe(201);
    const a = response.body;
    expect(a).toMatchObject({
      customer_id: personId,
      status: 'ACTIVE',
      type: 'CHECKING',
      account_identifiers: { number: '6789' },
      routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '0021' },
      verification: { vendor: 'MANUAL', status: 'UNVERIFIED' },
      nickname: 'Payouts',
      tenant: bank.id,
    });
    expect(a.business_id).toBeUndefined();
    const item = await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, a.id));
    expect(item).toMatchObject({
      sk: 'EXTERNAL_ACCOUNT',
      customer_id: personId,
      status: 'ACTIVE',
      verification: { status: 'UNVERIFIED' },
      routing_identifiers: { ach_routing_number: '021000021' },
      account_identifiers: { number: '000123456789' },
    });
    const [event] = await eventsFor(a.id);
    expect(event?.type).toBe('EXTERNAL_ACCOUNT.CREATED');
    expect(JSON.stringify(event)).not.toContain('000123456789');
  });

  it('accepts a business owner, and a manual VERIFIED assertion', async () => {
    const businessId = await business(bank);
    const a = await createManual(bank, manualBody({ business_id: businessId }, { verification: { vendor: 'MANUAL', status: 'VERIFIED' } }));
    expect(a).toMatchObject({ business_id: businessId, customer_type: 'BUSINESS', verification: { vendor: 'MANUAL', status: 'VERIFIED' } });
  });

  it('refuses both owners, and neither, naming the fields, writing nothing', async () => {
    const businessId = await business(bank);
    const before = (await eventsOf(bank.id)).length;
    expectProblem(await post(manualBody({ customer_id: personId }, { business_id: businessId })), 400, undefined, 'exactly one');
    const noOwner: Record<string, unknown> = manualBody({ customer_id: personId });
    delete noOwner.customer_id;
    expectProblem(await post(noOwner), 400, undefined, 'customer_id');
    expect((await eventsOf(bank.id)).length).toBe(before);
  });

  it('refuses an owner that does not exist in the tenant (404)', async () => {
    expectProblem(await post(manualBody({ customer_id: randomUUID() })), 404, undefined, 'customer_id');
    const other = await newBank('ext-manual-other');
    const theirs = await person(other);
    expectProblem(await post(manualBody({ customer_id: theirs })), 404);
  });

  it('refuses a bad routing number, a masked number echoed back, a missing number, and a vendor verification', async () => {
    const base = manualBody({ customer_id: personId });
    expectProblem(
      await post({ ...base, routing_identifiers: { ...base.routing_identifiers, ach_routing_number: '12345' } }),
      400,
      undefined,
      'ach_routing_number',
    );
    expectProblem(await post({ ...base, account_identifiers: { number: '****6789' } }), 400, undefined, 'account_identifiers.number');
    expectProblem(await post({ ...base, account_identifiers: {} }), 400, undefined, 'account_identifiers');
    expectProblem(await post({ ...base, verification: { vendor: 'PLAID', status: 'VERIFIED' } }), 400, undefined, 'verification.vendor');
    expectProblem(await post({ ...base, type: 'BROKERAGE' }), 400, undefined, 'type');
  });

  it('refuses a duplicate live account (409); after a delete the same account can be added again', async () => {
    const body = manualBody({ customer_id: personId });
    const first = await createManual(bank, body);
    expectProblem(await post(body), 409);
    expect((await del(bank, first.id)).status).toBe(200);
    const again = await post(body);
    expect(again.status, again.rawBody).toBe(201);
  });

  it('replays the same answer for the same Idempotency-Key and creates one account', async () => {
    const key = randomUUID();
    const body = manualBody({ customer_id: personId });
    const first = await post(body, { headers: { 'Idempotency-Key': key } });
    const second = await post(body, { headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
  });
});

describe('PATCH', () => {
  it('edits an unverified account and records EXTERNAL_ACCOUNT.UPDATED with the old values', async () => {
    const a = await createManual(bank, manualBody({ customer_id: personId }));
    const response = await bank.api.patch(`/v0/external_accounts/${a.id}`, { nickname: 'Rent', type: 'SAVINGS' });
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body).toMatchObject({ nickname: 'Rent', type: 'SAVINGS' });
    const updated = (await eventsFor(a.id)).find((e) => e.type === 'EXTERNAL_ACCOUNT.UPDATED');
    expect(updated?.event_resource_changed_fields).toMatchObject({ type: 'CHECKING' });
  });

  it('refuses to edit a verified account (422) and a deleted one (422)', async () => {
    const verified = await createManual(
      bank,
      manualBody({ customer_id: personId }, { verification: { vendor: 'MANUAL', status: 'VERIFIED' } }),
    );
    expectProblem(await bank.api.patch(`/v0/external_accounts/${verified.id}`, { nickname: 'x' }), 422, undefined, 'UNVERIFIED');
    const gone = await createManual(bank, manualBody({ customer_id: personId }));
    await del(bank, gone.id);
    expectProblem(await bank.api.patch(`/v0/external_accounts/${gone.id}`, { nickname: 'x' }), 422, undefined, 'deleted');
  });

  it('refuses a change that would duplicate another live account (409)', async () => {
    const one = await createManual(bank, manualBody({ customer_id: personId }, { account_identifiers: { number: '5550001111' } }));
    const two = await createManual(bank, manualBody({ customer_id: personId }));
    expect(one.id).not.toBe(two.id);
    expectProblem(await bank.api.patch(`/v0/external_accounts/${two.id}`, { account_identifiers: { number: '5550001111' } }), 409);
  });
});

describe('DELETE and lists', () => {
  it('soft-deletes: {id, resource}, status DELETED with deletion_time, hidden unless include_history', async () => {
    const owner = await person(bank);
    const keep = await createManual(bank, manualBody({ customer_id: owner }, { nickname: 'keep' }));
    const gone = await createManual(bank, manualBody({ customer_id: owner }));
    const response = await del(bank, gone.id);
    expect(response.body).toEqual({ id: gone.id, resource: 'external_account' });
    const got = (await bank.api.get(`/v0/external_accounts/${gone.id}`)).body;
    expect(got.status).toBe('DELETED');
    expect(got.deletion_time).toBeDefined();
    expect((await del(bank, gone.id)).status).toBe(200);
    expect((await eventsFor(gone.id)).filter((e) => e.type === 'EXTERNAL_ACCOUNT.DELETED')).toHaveLength(1);

    const live = (await bank.api.get('/v0/external_accounts', { customer_id: owner })).body.external_accounts.map((a: any) => a.id);
    expect(live).toEqual([keep.id]);
    const all = (await bank.api.get('/v0/external_accounts', { customer_id: owner, include_history: 'true' })).body.external_accounts;
    expect(all.map((a: any) => a.id).sort()).toEqual([keep.id, gone.id].sort());
    const byNick = (await bank.api.get('/v0/external_accounts', { customer_id: owner, nickname: 'keep' })).body.external_accounts;
    expect(byNick.map((a: any) => a.id)).toEqual([keep.id]);
    const byId = (await bank.api.get('/v0/external_accounts', { id: keep.id })).body.external_accounts;
    expect(byId.map((a: any) => a.id)).toEqual([keep.id]);
    expect((await queryPartition(EXTERNAL_ACCOUNT_KEYS.ownerIndex(bank.id, { kind: 'PERSON', id: owner }), 'gsi2')).length).toBe(2);
  });

  it('pages through a tenant-wide list and filters by several owners', async () => {
    const [a, b] = await Promise.all([person(bank), person(bank)]);
    await createManual(bank, manualBody({ customer_id: a }));
    await createManual(bank, manualBody({ customer_id: b }));
    await createManual(bank, manualBody({ customer_id: b }));
    const first = await bank.api.get('/v0/external_accounts', { customer_id: `${a},${b}`, limit: '2' });
    expect(first.status, first.rawBody).toBe(200);
    expect(first.body.external_accounts).toHaveLength(2);
    const second = await bank.api.get('/v0/external_accounts', {
      customer_id: `${a},${b}`,
      limit: '2',
      page_token: first.body.next_page_token,
    });
    expect(second.body.external_accounts).toHaveLength(1);
    expectProblem(await bank.api.get('/v0/external_accounts', { customer_id: 'nope' }), 400, undefined, 'customer_id');
  });
});

describe('DynamoDB cost per request (no Scan; one transaction per change)', () => {
  it('create: the owner GetItem and one TransactWriteItems; get: one GetItem; list by owner: one Query; PATCH: GetItem + transaction', async () => {
    const owner = await person(bank);
    const created = await post(manualBody({ customer_id: owner }));
    expect(created.dynamoCalls).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect((await bank.api.get(`/v0/external_accounts/${created.body.id}`)).dynamoCalls).toEqual({ GetItemCommand: 1 });
    expect((await bank.api.get('/v0/external_accounts', { customer_id: owner })).dynamoCalls).toEqual({ QueryCommand: 1 });
    expect((await bank.api.patch(`/v0/external_accounts/${created.body.id}`, { nickname: 'n' })).dynamoCalls).toEqual({
      GetItemCommand: 1,
      TransactWriteItemsCommand: 1,
    });
    expect((await del(bank, created.body.id)).dynamoCalls).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });
});
