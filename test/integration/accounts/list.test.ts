import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { accountListSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedBusiness, acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// GET /v0/accounts: the documented filters, pagination, tenant isolation, and Query-only reads.

let world: AccountsWorld;
let alice: string;
let bob: string;
let acme: string;
const accounts: Record<string, any> = {};

beforeAll(async () => {
  world = await newWorld('list');
  [alice, bob, acme] = await Promise.all([acceptedPerson(world.api), acceptedPerson(world.api), acceptedBusiness(world.api)]);
  const product = await world.api.post('/v0/accounts/products', {
    product_type: 'INTEREST',
    calculation_method: 'COMPOUNDED_DAILY',
    accrual_payout_schedule: 'MONTHLY',
    rates: [{ rate: 50, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
  });
  // Sequential, so creation order (the list order) is known.
  accounts.aliceChecking = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(alice), nickname: 'Main' });
  accounts.aliceSaving = await createAccount(world.api, {
    account_type: 'SAVING',
    relationships: primary(alice),
    interest_product_id: product.body.id,
    balance_ceiling: { balance: 100_000, linked_account_id: accounts.aliceChecking.id },
    spend_control_ids: ['7d943c51-e4ff-4e57-9558-08cab6b963c7'],
  });
  accounts.joint = await createAccount(world.api, {
    account_type: 'CHECKING',
    relationships: [...primary(bob), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: alice }],
  });
  accounts.business = await createAccount(world.api, {
    account_type: 'CHECKING',
    relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: acme }],
    status: 'ACCOUNT_NEVER_ACTIVE',
  });
  accounts.loc = await createAccount(world.api, { account_type: 'LINE_OF_CREDIT', relationships: primary(bob), credit_limit: 5_000 });
  await world.api.patch(`/v0/accounts/${accounts.loc.id}`, { access_status: 'FROZEN' });
});

const ids = async (query: Record<string, string | number | boolean>) => {
  const response = await world.api.get('/v0/accounts', query);
  if (response.status !== 200) throw new Error(`${response.status} ${response.rawBody}`);
  return accountListSchema.parse(response.body).accounts.map((a) => a.id);
};

describe('list accounts', () => {
  it('lists the tenant accounts oldest first, Query only', async () => {
    const response = await world.api.get('/v0/accounts');
    expect(response.status).toBe(200);
    expect(accountListSchema.parse(response.body).accounts.map((a) => a.id)).toEqual(Object.values(accounts).map((a) => a.id));
    expect(Object.keys(response.dynamoCalls)).toEqual(['QueryCommand']);
    expect(await ids({ sort_by: 'creation_time:desc' })).toEqual(
      Object.values(accounts)
        .map((a) => a.id)
        .reverse(),
    );
  });

  it('filters by id, type, status, access_status and customer_type', async () => {
    expect(await ids({ id: `${accounts.joint.id},${accounts.loc.id}` })).toEqual([accounts.joint.id, accounts.loc.id]);
    expect(await ids({ account_type: 'SAVING' })).toEqual([accounts.aliceSaving.id]);
    expect(await ids({ status: 'ACCOUNT_NEVER_ACTIVE' })).toEqual([accounts.business.id]);
    expect(await ids({ access_status: 'FROZEN' })).toEqual([accounts.loc.id]);
    expect(await ids({ customer_type: 'BUSINESS' })).toEqual([accounts.business.id]);
  });

  it('filters by holder: customer_id, person_id (any role) and business_id', async () => {
    expect(await ids({ customer_id: alice })).toEqual([accounts.aliceChecking.id, accounts.aliceSaving.id, accounts.joint.id]);
    expect(await ids({ person_id: bob })).toEqual([accounts.joint.id, accounts.loc.id]);
    expect(await ids({ business_id: acme })).toEqual([accounts.business.id]);
  });

  it('filters by account number (exact or * wildcard), nickname, product, linked account and spend controls', async () => {
    const number = accounts.joint.account_number as string;
    expect(await ids({ account_number: number })).toEqual([accounts.joint.id]);
    expect(await ids({ account_number: `*${number.slice(-6)}` })).toEqual([accounts.joint.id]);
    expect(await ids({ nickname: 'Main' })).toEqual([accounts.aliceChecking.id]);
    expect(await ids({ interest_product_id: accounts.aliceSaving.interest_product_id })).toEqual([accounts.aliceSaving.id]);
    expect(await ids({ linked_account_id: accounts.aliceChecking.id })).toEqual([accounts.aliceSaving.id]);
    expect(await ids({ overflow_account_id: accounts.aliceChecking.id })).toEqual([accounts.aliceSaving.id]);
    expect(await ids({ spend_control_ids: '7d943c51-e4ff-4e57-9558-08cab6b963c7' })).toEqual([accounts.aliceSaving.id]);
  });

  it('excludes GENERAL_LEDGER accounts, which integrators cannot create', async () => {
    expect(await ids({ account_type: 'GENERAL_LEDGER' })).toEqual([]);
    expect((await ids({ include_general_ledger: true })).length).toBe(5);
  });

  it('pages with limit and page_token, bound to the same filters', async () => {
    const first = await world.api.get('/v0/accounts', { limit: 2, customer_id: alice });
    expect(first.body.accounts.map((a: { id: string }) => a.id)).toEqual([accounts.aliceChecking.id, accounts.aliceSaving.id]);
    const second = await world.api.get('/v0/accounts', { limit: 2, customer_id: alice, page_token: first.body.next_page_token });
    expect(second.body.accounts.map((a: { id: string }) => a.id)).toEqual([accounts.joint.id]);
    expect(second.body.next_page_token).toBeUndefined();
    expectProblem(
      await world.api.get('/v0/accounts', { limit: 2, customer_id: bob, page_token: first.body.next_page_token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
  });

  it('rejects unknown and malformed filters by name', async () => {
    expectProblem(await world.api.get('/v0/accounts', { colour: 'red' }), 400, 'BAD_QUERY_PARAMETER', 'colour');
    expectProblem(await world.api.get('/v0/accounts', { status: 'OPEN' }), 400, 'BAD_QUERY_PARAMETER', 'status must be one of');
    expectProblem(await world.api.get('/v0/accounts', { customer_id: 'nope' }), 400, 'BAD_QUERY_PARAMETER', 'customer_id');
    expectProblem(await world.api.get('/v0/accounts', { sort_by: 'account_number:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(await world.api.get('/v0/accounts', { first_name: 'Ada' }), 400, 'BAD_QUERY_PARAMETER', 'first_name');
  });

  it('caps each filter at 100 values, aliases counted together, naming the parameters', async () => {
    const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());
    const list = (query: Record<string, string>) => world.api.get('/v0/accounts', query);
    expectProblem(
      await list({ id: uuids(100).join(','), account_id: uuids(100).join(',') }),
      400,
      'BAD_QUERY_PARAMETER',
      'id and account_id accept at most 100 values together',
    );
    expectProblem(
      await list({ customer_id: uuids(60).join(','), person_id: uuids(60).join(',') }),
      400,
      'BAD_QUERY_PARAMETER',
      'customer_id and person_id accept at most 100 values together',
    );
    expectProblem(
      await list({
        linked_account_id: uuids(50).join(','),
        overdraft_account_id: uuids(30).join(','),
        overflow_account_id: uuids(30).join(','),
      }),
      400,
      'BAD_QUERY_PARAMETER',
      'linked_account_id, overdraft_account_id and overflow_account_id accept at most 100 values together',
    );
    // 100 values split across aliases are fine, and find what they name.
    const someIds = [...uuids(49), accounts.joint.id];
    const found = await list({ id: someIds.join(','), account_id: [...uuids(49), accounts.loc.id].join(',') });
    expect(found.status, found.rawBody).toBe(200);
    expect(found.body.accounts.map((a: { id: string }) => a.id)).toEqual([accounts.joint.id, accounts.loc.id]);
    expect(await ids({ customer_id: [...uuids(49), bob].join(','), person_id: uuids(50).join(',') })).toEqual([
      accounts.joint.id,
      accounts.loc.id,
    ]);
  });

  it('answers the largest accepted filter combination (every filter at its cap) without a DynamoDB error', async () => {
    const uuids = (n: number, last?: string) =>
      [...Array.from({ length: last ? n - 1 : n }, () => randomUUID()), ...(last ? [last] : [])].join(',');
    // account_number is capped at 1000 characters: 76 twelve-digit numbers.
    const numbers = Array.from({ length: 75 }, (_, i) => String(100_000_000_000 + i))
      .concat(accounts.aliceChecking.account_number)
      .join(',');
    const everything = {
      id: uuids(100, accounts.aliceChecking.id),
      account_type: 'CHECKING',
      status:
        'ACCOUNT_NEVER_ACTIVE,ACCOUNT_NOT_DESIRED,ACTIVATED_NOT_DISBURSED,ACTIVE_OR_DISBURSED,APPLICATION_SUBMITTED,AWAITING_FIXING,CHARGED_OFF,CLOSED,DELINQUENT,FAILED_KYC,IN_CLOSING,RESTRICTED,SUSPENDED',
      access_status: 'ACTIVE,FROZEN',
      customer_type: 'PERSONAL',
      customer_id: uuids(100, alice),
      account_number: numbers,
      nickname: 'Main',
      interest_product_id: uuids(100),
      spend_control_ids: uuids(100),
    };
    const response = await world.api.get('/v0/accounts', everything);
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body.accounts).toEqual([]);
    const { interest_product_id: _p, spend_control_ids: _s, ...matching } = everything;
    expect(await ids(matching)).toEqual([accounts.aliceChecking.id]);
    const businesses = await world.api.get('/v0/accounts', {
      ...matching,
      customer_id: uuids(100),
      business_id: uuids(100, acme),
      linked_account_id: uuids(100),
    });
    expect(businesses.status, businesses.rawBody).toBe(200);
  });

  it("never shows another tenant's accounts", async () => {
    const other = await newWorld('list-other');
    expect((await other.api.get('/v0/accounts')).body.accounts).toEqual([]);
    expect((await other.api.get('/v0/accounts', { customer_id: alice })).body.accounts).toEqual([]);
  });

  it('serves /v2 with the access_status filter and v2 fields', async () => {
    const response = await world.api.get('/v2/accounts', { access_status: 'FROZEN' });
    expect(response.status).toBe(200);
    expect(response.body.accounts.map((a: { id: string }) => a.id)).toEqual([accounts.loc.id]);
  });
});
