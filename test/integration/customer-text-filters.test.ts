import { clientFor, expectProblem, personBody, businessBody, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../helpers/tenants.js';

// The text filters of /v0/customers, /v0/persons and /v0/businesses (first_name, last_name,
// email, phone_number, entity_name; `*` is any characters) are read from the field's own index
// key, not by filtering the tenant's whole list: one Query per page however many records come
// before the matches. 120 other records, created first, make a filtered walk of the tenant's
// list take at least two Queries, so one Query per page shows the key did the work.

const FILLERS = 120;

let api: ApiClient;
const made: Record<string, any> = {};

const create = async (path: string, body: Record<string, unknown>) => {
  const res = await api.post(path, body);
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

beforeAll(async () => {
  const tenant = await createTestTenant({ label: 'text-filters' });
  api = clientFor(tenant.key);
  for (let i = 0; i < FILLERS; i += 40) {
    const batch = Array.from({ length: Math.min(40, FILLERS - i) }, (_, j) =>
      create('/v0/persons', {
        status: 'PROSPECT',
        first_name: `Filler${i + j}`,
        last_name: 'Filler',
        email: `filler${i + j}@example.com`,
        phone_number: `+1415555${String(1000 + i + j)}`,
      }),
    );
    await Promise.all(batch);
  }
  // Sequential, so creation order is known.
  const specs: Record<string, Record<string, unknown>> = {
    zed: { first_name: 'Zed', last_name: 'Quill', email: 'zed@quill.example', phone_number: '+14155550001' },
    zelda: { first_name: 'Zelda', last_name: 'Quill', email: 'Zelda@Quill.example', phone_number: '+14155550002' },
    zedLower: { first_name: 'zed', last_name: 'quill', email: 'zed.lower@quill.example', phone_number: '+14155550003' },
    zed2: { first_name: 'Zed', last_name: 'Quillon', email: 'zed2@quill.example', phone_number: '+14155550001' },
    nophone: { first_name: 'Zeno', last_name: 'Quill', email: 'zeno@quill.example', phone_number: undefined },
  };
  for (const [name, spec] of Object.entries(specs)) made[name] = await create('/v0/customers', personBody(spec));
  for (const [name, spec] of Object.entries({
    quillCo: { entity_name: 'Quill Co', phone_number: '+14155550900' },
    quillInc: { entity_name: 'Quill Inc', phone_number: '+14155550901' },
    other: { entity_name: 'Other', phone_number: '+14155550900' },
  })) {
    made[name] = await create('/v0/businesses', businessBody(spec));
  }
});

const ids = (res: { body: any }, key = 'customers') => (res.body[key] as { id: string }[]).map((c) => c.id);
const idsOf = (...names: string[]) => names.map((n) => made[n].id);

/** Every page of a list, with its DynamoDB calls; fails if a page costs more than `maxCalls`. */
const allPages = async (path: string, query: Record<string, string | number>, key = 'customers', maxCalls = 1) => {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const res = await api.get(path, { ...query, ...(token ? { page_token: token } : {}) });
    expect(res.status, res.rawBody).toBe(200);
    expect(
      Object.values(res.dynamoCalls).reduce((a: number, b) => a + (b as number), 0),
      JSON.stringify(query),
    ).toBeLessThanOrEqual(maxCalls);
    seen.push(...ids(res, key));
    token = res.body.next_page_token;
    expect(++pages).toBeLessThan(20);
  } while (token);
  return seen;
};

describe('text filters answered from an index key', () => {
  it.each([
    ['first_name exact', { first_name: 'Zed' }, ['zed', 'zed2']],
    ['last_name exact', { last_name: 'Quill' }, ['zed', 'zelda', 'nophone']],
    ['email exact', { email: 'Zelda@Quill.example' }, ['zelda']],
    ['email, other case', { email: 'zelda@quill.example' }, []],
    ['phone_number exact', { phone_number: '+14155550001' }, ['zed', 'zed2']],
    ['first_name exact, lower case', { first_name: 'zed' }, ['zedLower']],
    // A prefix lists in the field's order: zed.lower@ < zed2@ < zed@ ('.' < '2' < '@').
    ['email prefix', { email: 'zed*' }, ['zedLower', 'zed2', 'zed']],
    ['first_name with an inner wildcard', { first_name: 'Z*a' }, ['zelda']],
    ['two text filters', { first_name: 'Zed', last_name: 'Quillon' }, ['zed2']],
    ['a text filter and another filter', { last_name: 'Quill', status: 'ACTIVE' }, ['zed', 'zelda', 'nophone']],
  ] as const)('%s: the matches, one Query', async (_name, query, expected) => {
    const res = await api.get('/v0/customers', query);
    expect(res.status, res.rawBody).toBe(200);
    expect(ids(res)).toEqual(idsOf(...expected));
    expect(res.dynamoCalls).toEqual({ QueryCommand: 1 });
  });

  it('exact values list in creation order, both directions, paged one by one', async () => {
    expect(await allPages('/v0/customers', { last_name: 'Quill', limit: 1 })).toEqual(idsOf('zed', 'zelda', 'nophone'));
    expect(await allPages('/v0/customers', { phone_number: '+14155550001', limit: 1, sort_by: 'creation_time:desc' })).toEqual(
      idsOf('zed2', 'zed'),
    );
  });

  it('a prefix lists in the field’s order (case-insensitive), ties by creation time, paged', async () => {
    // Ze*: Zed, zed, Zed (names fold to "zed": creation order), Zelda, Zeno.
    const expected = idsOf('zed', 'zedLower', 'zed2', 'zelda', 'nophone');
    expect(await allPages('/v0/persons', { first_name: 'Ze*', limit: 2 }, 'persons')).toEqual(
      expected.filter((id) => id !== made.zedLower.id),
    );
    expect(await allPages('/v0/persons', { first_name: 'ze*', limit: 2 }, 'persons')).toEqual([made.zedLower.id]);
    expect(await allPages('/v0/customers', { first_name: 'Ze*', sort_by: 'first_name:desc', limit: 3 })).toEqual(
      expected.filter((id) => id !== made.zedLower.id).reverse(),
    );
  });

  it('a filter on another field than sort_by walks the sort_by order and still finds the matches', async () => {
    const res = await api.get('/v0/customers', { email: 'zed*', sort_by: 'last_updated_time:desc' });
    expect(ids(res)).toEqual(idsOf('zed2', 'zedLower', 'zed'));
  });

  it('a filter starting with * walks the list and still finds the matches', async () => {
    const seen = await allPages('/v0/customers', { email: '*@quill.example' }, 'customers', 10);
    expect(seen).toEqual(idsOf('zed', 'zedLower', 'zed2', 'nophone'));
  });

  it('follows PATCH and PUT: a changed email moves, a cleared phone number leaves the phone index', async () => {
    const person = await create(
      '/v0/customers',
      personBody({ first_name: 'Mover', email: 'mover.before@example.com', phone_number: '+14155550777' }),
    );
    const patched = await api.patch(`/v0/customers/${person.id}`, { email: 'mover.after@example.com' });
    expect(patched.status, patched.rawBody).toBe(200);
    expect(ids(await api.get('/v0/customers', { email: 'mover.before@example.com' }))).toEqual([]);
    expect(ids(await api.get('/v0/customers', { email: 'mover.after@example.com' }))).toEqual([person.id]);
    expect(ids(await api.get('/v0/customers', { phone_number: '+14155550777' }))).toEqual([person.id]);
    const replaced = await api.put(`/v0/customers/${person.id}`, {
      status: 'ACTIVE',
      first_name: 'Mover',
      email: 'mover.after@example.com',
    });
    expect(replaced.status, replaced.rawBody).toBe(200);
    expect(ids(await api.get('/v0/customers', { phone_number: '+14155550777' }))).toEqual([]);
    expect(ids(await api.get('/v0/customers', { first_name: 'Mover' }))).toEqual([person.id]);
  });

  it('businesses: entity_name and phone_number from their keys', async () => {
    const get = (query: Record<string, string>) => api.get('/v0/businesses', query);
    const byName = await get({ entity_name: 'Quill*' });
    expect(ids(byName, 'businesses')).toEqual(idsOf('quillCo', 'quillInc'));
    expect(byName.dynamoCalls).toEqual({ QueryCommand: 1 });
    const byPhone = await get({ phone_number: '+14155550900' });
    expect(ids(byPhone, 'businesses')).toEqual(idsOf('quillCo', 'other'));
    expect(byPhone.dynamoCalls).toEqual({ QueryCommand: 1 });
  });

  it('a page_token from one filter does not resume another', async () => {
    const first = await api.get('/v0/customers', { last_name: 'Quill', limit: 1 });
    expectProblem(
      await api.get('/v0/customers', { last_name: 'Quillon', limit: 1, page_token: first.body.next_page_token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
  });
});
