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
    product_type: 'INTEREST', calculation_method: 'COMPOUNDED_DAILY', accrual_payout_schedule: 'MONTHLY', rates: [{ rate: 50, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
  });
  // Sequential, so creation order (the list order) is known.
  accounts.aliceChecking = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(alice), nickname: 'Main' });
  accounts.aliceSaving = await createAccount(world.api, {
    account_type: 'SAVING', relationships: primary(alice), interest_product_id: product.body.id,
    balance_ceiling: { balance: 100_000, linked_account_id: accounts.aliceChecking.id }, spend_control_ids: ['7d943c51-e4ff-4e57-9558-08cab6b963c7'],
  });
  accounts.joint = await createAccount(world.api, { account_type: 'CHECKING', relationships: [...primary(bob), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: alice }] });
  accounts.business = await createAccount(world.api, { account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: acme }], status: 'ACCOUNT_NEVER_ACTIVE' });
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
    expect(await ids({ sort_by: 'creation_time:desc' })).toEqual(Object.values(accounts).map((a) => a.id).reverse());
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
    expectProblem(await world.api.get('/v0/accounts', { limit: 2, customer_id: bob, page_token: first.body.next_page_token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });

  it('rejects unknown and malformed filters by name', async () => {
    expectProblem(await world.api.get('/v0/accounts', { colour: 'red' }), 400, 'BAD_QUERY_PARAMETER', 'colour');
    expectProblem(await world.api.get('/v0/accounts', { status: 'OPEN' }), 400, 'BAD_QUERY_PARAMETER', 'status must be one of');
    expectProblem(await world.api.get('/v0/accounts', { customer_id: 'nope' }), 400, 'BAD_QUERY_PARAMETER', 'customer_id');
    expectProblem(await world.api.get('/v0/accounts', { sort_by: 'account_number:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(await world.api.get('/v0/accounts', { first_name: 'Ada' }), 400, 'BAD_QUERY_PARAMETER', 'first_name');
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
