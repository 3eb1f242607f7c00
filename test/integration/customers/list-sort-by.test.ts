import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, clientFor, expectProblem, personBody } from '../../helpers/api.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';

// Listing personal customers ordered by sort_by: names, last update, paging and page tokens bound
// to their sort (contract §7).

describe('GET /v0/customers and /v0/persons: sort_by', () => {
  // A tenant of its own: names in mixed case, ties, and records missing a name.
  let sorts: ApiClient;
  let sortTenant: TestTenant;
  const made: Record<string, any> = {};
  // Created one after the other, so creation times never decrease in this order.
  const specs: Record<string, Record<string, unknown>> = {
    smithLower: { first_name: 'alice', last_name: 'smith' },
    adams: { first_name: 'Bob', last_name: 'Adams' },
    smithUpper: { first_name: 'ALICE', last_name: 'Smith' },
    noFirst: { last_name: 'baker' },
    noLast: { first_name: 'carol' },
    cruz: { first_name: 'Zoe', last_name: 'de la Cruz' },
    nameless: {},
  };

  beforeAll(async () => {
    sortTenant = await createTestTenant({ label: 'sorting' });
    sorts = clientFor(sortTenant.key);
    for (const [name, spec] of Object.entries(specs)) {
      const res = await sorts.post('/v0/customers', { status: 'PROSPECT', ...spec });
      expect(res.status, res.rawBody).toBe(201);
      made[name] = res.body;
    }
  });

  const ids = (res: { body: any }) => res.body.customers.map((c: any) => c.id);
  // Ties on a name go by creation time, then id (two creates can share a millisecond).
  const tied = (...names: string[]) =>
    names
      .map((n) => made[n])
      .sort((a, b) => (a.creation_time === b.creation_time ? (a.id < b.id ? -1 : 1) : a.creation_time < b.creation_time ? -1 : 1))
      .map((c) => c.id);
  const byLastUpdate = (records: any[]) =>
    [...records]
      .sort((a, b) =>
        a.last_updated_time === b.last_updated_time ? (a.id < b.id ? -1 : 1) : a.last_updated_time < b.last_updated_time ? -1 : 1,
      )
      .map((c) => c.id);
  const current = async () => (await sorts.get('/v0/customers')).body.customers as any[];

  /** Every page of one query, with the page sizes seen. */
  const allPages = async (query: Record<string, string | number>, path = '/v0/customers') => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const res = await sorts.get(path, { ...query, page_token: token });
      expect(res.status, res.rawBody).toBe(200);
      const items = res.body[path === '/v0/customers' ? 'customers' : 'persons'];
      seen.push(...items.map((c: any) => c.id));
      sizes.push(items.length);
      token = res.body.next_page_token;
      expect(sizes.length).toBeLessThan(20);
    } while (token);
    return { seen, sizes };
  };

  it('last_name: case-insensitive, ties by creation time, missing names last', async () => {
    const expected = [made.adams.id, made.noFirst.id, made.cruz.id, ...tied('smithLower', 'smithUpper'), ...tied('noLast', 'nameless')];
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_name:asc' }))).toEqual(expected);
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_name' }))).toEqual(expected);
    // Descending is the exact reverse: missing names come first.
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_name:desc' }))).toEqual([...expected].reverse());
  });

  it('first_name: case-insensitive, ties by creation time, missing names last', async () => {
    const expected = [...tied('smithLower', 'smithUpper'), made.adams.id, made.noLast.id, made.cruz.id, ...tied('noFirst', 'nameless')];
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'first_name:asc' }))).toEqual(expected);
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'first_name:desc' }))).toEqual([...expected].reverse());
  });

  it.each(['creation_time', 'first_name', 'last_name', 'last_updated_time'])(
    '%s pages with limit in both directions, each record once',
    async (field) => {
      for (const direction of ['asc', 'desc']) {
        const sortBy = `${field}:${direction}`;
        const whole = ids(await sorts.get('/v0/customers', { sort_by: sortBy }));
        const { seen, sizes } = await allPages({ sort_by: sortBy, limit: 2 });
        expect(seen, sortBy).toEqual(whole);
        expect(sizes, sortBy).toEqual([2, 2, 2, 1]);
      }
    },
  );

  it('sorts with filters applied, and on /v0/persons', async () => {
    const res = await sorts.get('/v0/customers', { sort_by: 'last_name:desc', first_name: 'alice' });
    expect(ids(res)).toEqual([made.smithLower.id]);
    const { seen } = await allPages({ sort_by: 'first_name:asc', limit: 3 }, '/v0/persons');
    expect(seen.slice(0, 3)).toEqual([...tied('smithLower', 'smithUpper'), made.adams.id]);
  });

  it('a PATCH of last_name moves the record in the last_name and last_updated_time orders', async () => {
    const patched = await sorts.patch(`/v0/customers/${made.adams.id}`, { last_name: 'zimmer' });
    expect(patched.status, patched.rawBody).toBe(200);
    made.adams = patched.body;
    const lastNames = ids(await sorts.get('/v0/customers', { sort_by: 'last_name:asc' }));
    expect(lastNames.slice(0, 5)).toEqual([made.noFirst.id, made.cruz.id, ...tied('smithLower', 'smithUpper'), made.adams.id]);
    const updated = ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:asc' }));
    expect(updated.at(-1)).toBe(made.adams.id);
    expect(updated).toEqual(byLastUpdate(await current()));
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:desc' }))[0]).toBe(made.adams.id);
  });

  it('a verification run and the has_accounts update of a first account move the record in last_updated_time', async () => {
    const holder = await sorts.post('/v0/customers', personBody({ last_name: 'Holder' }));
    expect((await sorts.post('/v0/verifications/verify', { customer_consent: true, person_id: holder.body.id })).status).toBe(201);
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:desc' }))[0]).toBe(holder.body.id);
    await sorts.patch(`/v0/customers/${made.cruz.id}`, { first_name: 'Zoey' });
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:desc' }))[0]).toBe(made.cruz.id);
    const account = await sorts.post('/v0/accounts', {
      account_type: 'CHECKING',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder.body.id }],
    });
    expect(account.status, account.rawBody).toBe(201);
    const after = await sorts.get(`/v0/customers/${holder.body.id}`);
    expect(after.body.has_accounts).toBe(true);
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:desc' }))[0]).toBe(holder.body.id);
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_updated_time:asc' }))).toEqual(byLastUpdate(await current()));
  });

  it('accepts extra sort terms that change nothing, and refuses a second field naming sort_by', async () => {
    const lastNames = ids(await sorts.get('/v0/customers', { sort_by: 'last_name:asc' }));
    expect(ids(await sorts.get('/v0/customers', { sort_by: 'last_name:asc,creation_time:asc' }))).toEqual(lastNames);
    expect(ids(await sorts.get('/v0/customers', { sort_by: ['last_name:asc', 'last_name:asc'] }))).toEqual(lastNames);
    expectProblem(await sorts.get('/v0/customers', { sort_by: 'last_name:asc,first_name:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(await sorts.get('/v0/customers', { sort_by: 'last_name:asc,creation_time:desc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(await sorts.get('/v0/customers', { sort_by: 'entity_name:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(await sorts.get('/v0/customers', { sort_by: 'last_name:sideways' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
  });

  it('a page_token is bound to its sort: another field or direction is refused', async () => {
    const first = await sorts.get('/v0/customers', { sort_by: 'last_name:asc', limit: 2 });
    const token = first.body.next_page_token;
    expect(token).toBeTruthy();
    expect((await sorts.get('/v0/customers', { sort_by: 'last_name:asc', limit: 2, page_token: token })).status).toBe(200);
    for (const sortBy of ['first_name:asc', 'last_name:desc', 'creation_time:asc']) {
      expectProblem(
        await sorts.get('/v0/customers', { sort_by: sortBy, limit: 2, page_token: token }),
        400,
        'BAD_QUERY_PARAMETER',
        'page_token',
      );
    }
  });
});
