import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, clientFor, expectProblem, unique } from '../../helpers/api.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';
import { customerIds, idsInCreationOrder, newListWorld } from './list-world.js';

// Listing personal customers (GET /v0/customers): creation-time order, pagination, page tokens
// bound to their query, and the default and maximum page size (contract §7).

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

  it('sorts by creation_time asc and desc', async () => {
    const asc = await lists.get('/v0/customers', { sort_by: 'creation_time:asc' });
    const desc = await lists.get('/v0/customers', { sort_by: 'creation_time:desc' });
    expect(ids(asc)).toEqual(idsOf('alice', 'bob', 'carol', 'dave', 'erin'));
    expect(ids(desc)).toEqual([...ids(asc)].reverse());
    expectProblem(await lists.get('/v0/customers', { sort_by: 'creation_time:sideways' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
  });

  it('orders by first_name, last_name and last_updated_time too (the sort_by tests below cover them)', async () => {
    const res = await lists.get('/v0/customers', { sort_by: 'first_name:desc' });
    expect(res.status, res.rawBody).toBe(200);
    expect(ids(res)).toEqual([people.erin, people.dave, people.carol, people.bob, people.alice].map((p) => p.id));
  });

  it('pages with limit: every record once, next_page_token omitted on the last page', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await lists.get('/v0/customers', { limit: 2, page_token: token });
      expect(res.status, res.rawBody).toBe(200);
      seen.push(...ids(res));
      pageSizes.push(res.body.customers.length);
      token = res.body.next_page_token;
      if (token !== undefined) expect(typeof token).toBe('string');
      expect(++pages).toBeLessThan(10);
    } while (token);
    expect(pageSizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(idsOf('alice', 'bob', 'carol', 'dave', 'erin'));
  });

  it('a page that ends exactly at the last record has no next_page_token', async () => {
    const res = await lists.get('/v0/customers', { limit: 5 });
    expect(res.body.customers).toHaveLength(5);
    expect(res.body).not.toHaveProperty('next_page_token');
  });

  it('pages descending and with a filter', async () => {
    const first = await lists.get('/v0/customers', { limit: 3, sort_by: 'creation_time:desc' });
    expect(ids(first)).toEqual(idsOf('alice', 'bob', 'carol', 'dave', 'erin').reverse().slice(0, 3));
    const second = await lists.get('/v0/customers', { limit: 3, sort_by: 'creation_time:desc', page_token: first.body.next_page_token });
    expect(ids(second)).toEqual(idsOf('alice', 'bob').reverse());
    expect(second.body).not.toHaveProperty('next_page_token');

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await lists.get('/v0/customers', { last_name: 'Smith', limit: 1, page_token: token });
      expect(res.status).toBe(200);
      seen.push(...ids(res));
      token = res.body.next_page_token;
      expect(++pages).toBeLessThan(10);
    } while (token);
    expect(seen).toEqual(idsOf('alice', 'bob', 'erin'));
  });

  // Contract §1.7: next_page_token is omitted when there are no more rows, so a filtered
  // list must not hand out a token that leads to an empty page.
  it('a filtered list does not end with an empty page behind a next_page_token', async () => {
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const res = await lists.get('/v0/customers', { last_name: 'Smith', limit: 1, page_token: token });
      sizes.push(res.body.customers.length);
      token = res.body.next_page_token;
    } while (token && sizes.length < 10);
    expect(sizes).toEqual([1, 1, 1]);
  });

  it('rejects a tampered token, a token from another query, route or tenant, and garbage', async () => {
    const first = await lists.get('/v0/customers', { limit: 2 });
    const token: string = first.body.next_page_token;
    expect(token).toBeTruthy();
    // Sanity: the token works for the query that produced it.
    expect((await lists.get('/v0/customers', { limit: 2, page_token: token })).status).toBe(200);

    const [payload, sum] = token.split('.') as [string, string];
    const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${sum}`;
    expectProblem(await lists.get('/v0/customers', { limit: 2, page_token: flipped }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
    const forged = `${Buffer.from(JSON.stringify({ gsi1pk: `TENANT#${otherTenant.id}#PERSONS`, gsi1sk: 'z' })).toString('base64url')}.${sum}`;
    expectProblem(await lists.get('/v0/customers', { limit: 2, page_token: forged }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
    expectProblem(
      await lists.get('/v0/customers', { limit: 2, status: 'ACTIVE', page_token: token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
    expectProblem(
      await lists.get('/v0/customers', { limit: 2, sort_by: 'creation_time:desc', page_token: token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
    expectProblem(await lists.get('/v0/persons', { limit: 2, page_token: token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
    expectProblem(
      await clientFor(otherTenant.key).get('/v0/customers', { limit: 2, page_token: token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
    expectProblem(await lists.get('/v0/customers', { page_token: 'a8937a0d' }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });
});

describe('GET /v0/customers: default and maximum page size', () => {
  it('returns 100 by default, treats limit=500 as 100, and pages the rest', async () => {
    const bulk = await createTestTenant({ label: 'bulk' });
    const bulkApi = clientFor(bulk.key);
    const total = 103;
    for (let i = 0; i < total; i += 35) {
      const batch = Array.from({ length: Math.min(35, total - i) }, () =>
        bulkApi.post('/v0/persons', { status: 'PROSPECT', first_name: 'Bulk' }),
      );
      for (const res of await Promise.all(batch)) expect(res.status).toBe(201);
    }
    const first = await bulkApi.get('/v0/customers');
    expect(first.body.customers).toHaveLength(100);
    expect(first.body.next_page_token).toBeTruthy();
    const capped = await bulkApi.get('/v0/customers', { limit: 500 });
    expect(capped.status).toBe(200);
    expect(capped.body.customers).toHaveLength(100);
    const rest = await bulkApi.get('/v0/customers', { limit: 500, page_token: capped.body.next_page_token });
    expect(rest.body.customers).toHaveLength(3);
    expect(rest.body).not.toHaveProperty('next_page_token');
    const all = new Set([...capped.body.customers, ...rest.body.customers].map((c: any) => c.id));
    expect(all.size).toBe(total);
    expectProblem(await bulkApi.get('/v0/customers', { limit: 0 }), 400, 'BAD_QUERY_PARAMETER', 'limit');
  });
});
