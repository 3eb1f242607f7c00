import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, clientFor, expectProblem, unique } from '../../helpers/api.js';
import type { TestTenant } from '../../helpers/tenants.js';
import { customerIds, idsInCreationOrder, newListWorld } from './list-world.js';

// Listing personal customers (GET /v0/customers and /v0/persons) with filters, only ever the
// tenant's own (contract §7).

describe('GET /v0/customers: filters, sort, pagination', () => {
  // A tenant of its own so every list below is exactly this data.
  let lists: ApiClient;
  let otherTenant: TestTenant;
  let people: Record<string, any>;
  const tag = unique();

  beforeAll(async () => {
    ({ lists, otherTenant, people } = await newListWorld(tag));
  });

  const ids = customerIds;
  const idsOf = (...names: string[]) => idsInCreationOrder(people, ...names);

  it('lists every customer of the tenant, oldest first, without a next_page_token', async () => {
    const res = await lists.get('/v0/customers');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(idsOf('alice', 'bob', 'carol', 'dave', 'erin'));
    expect(res.body).not.toHaveProperty('next_page_token');
    expect(res.body.customers[0]).toEqual(people.alice);
  });

  it.each([
    ['first_name', { first_name: 'Alice' }, ['alice']],
    ['last_name', { last_name: 'Smith' }, ['alice', 'bob', 'erin']],
    ['email', { email: `carol.${tag}@example.com` }, ['carol']],
    ['phone_number', { phone_number: '+14155550104' }, ['dave']],
    ['ssn_last_4', { ssn_last_4: '2222' }, ['bob']],
    ['status', { status: 'ACTIVE' }, ['alice', 'carol', 'erin']],
    ['has_accounts=false', { has_accounts: 'false' }, ['alice', 'bob', 'carol', 'dave', 'erin']],
    ['has_accounts=true', { has_accounts: 'true' }, []],
    ['combined last_name + status', { last_name: 'Smith', status: 'ACTIVE' }, ['alice', 'erin']],
    ['no match', { first_name: 'Zed' }, []],
  ] as const)('filters by %s', async (_name, query, expected) => {
    const res = await lists.get('/v0/customers', query);
    expect(res.status, res.rawBody).toBe(200);
    expect(ids(res)).toEqual(idsOf(...expected));
  });

  it('filters by an id list, comma-separated or repeated', async () => {
    const wanted = idsOf('bob', 'dave');
    expect(ids(await lists.get('/v0/customers', { id: `${people.dave.id},${people.bob.id}` }))).toEqual(wanted);
    expect(ids(await lists.get('/v0/customers', { id: [people.dave.id, people.bob.id] }))).toEqual(wanted);
    expect(ids(await lists.get('/v0/customers', { id: randomUUID() }))).toEqual([]);
  });

  it('rejects bad filter values naming the parameter', async () => {
    expectProblem(await lists.get('/v0/customers', { ssn_last_4: '12' }), 400, 'BAD_QUERY_PARAMETER', 'ssn_last_4');
    expectProblem(await lists.get('/v0/customers', { has_accounts: 'maybe' }), 400, 'BAD_QUERY_PARAMETER', 'has_accounts');
    expectProblem(await lists.get('/v0/customers', { status: 'ALIVE' }), 400, 'BAD_QUERY_PARAMETER', 'status');
    expectProblem(await lists.get('/v0/customers', { id: 'not-a-uuid' }), 400, 'BAD_QUERY_PARAMETER', 'id');
    expectProblem(await lists.get('/v0/customers', { is_customer: 'true' }), 400, 'BAD_QUERY_PARAMETER', 'is_customer');
  });

  it('never lists another tenant’s customers', async () => {
    const res = await clientFor(otherTenant.key).get('/v0/customers', { last_name: 'Smith' });
    expect(res.status).toBe(200);
    expect(res.body.customers).toEqual([]);
  });

  it('GET /v0/persons lists the same records in the persons view, with is_customer filter', async () => {
    const res = await lists.get('/v0/persons');
    expect(res.status).toBe(200);
    expect(res.body.persons.map((p: any) => p.id)).toEqual(idsOf('alice', 'bob', 'carol', 'dave', 'erin'));
    expect(res.body.persons[0].verification_status).toBe('UNVERIFIED');
    expect(res.body).not.toHaveProperty('customers');
    expect((await lists.get('/v0/persons', { is_customer: 'true', first_name: 'Bob' })).body.persons.map((p: any) => p.id)).toEqual([
      people.bob.id,
    ]);
    expect((await lists.get('/v0/persons', { is_customer: 'false' })).body.persons).toEqual([]);
    expect((await lists.get('/v0/persons', { ban_status: 'ALLOWED,SUSPENDED', include_console_users: 'true' })).body.persons).toHaveLength(
      5,
    );
    expectProblem(await lists.get('/v0/persons', { ban_status: 'EXILED' }), 400, 'BAD_QUERY_PARAMETER', 'ban_status');
  });
});
