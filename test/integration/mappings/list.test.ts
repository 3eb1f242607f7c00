import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../../helpers/api.js';
import { account, business, mappingBody, newMigrationWorld, person, type MigrationWorld } from './helpers.js';

// GET /v0/migration_mappings (contract §10.5): every filter, sort orders, paging with both
// tenants' keys, deleted mappings, bad parameters, and Query-only reads.

let world: MigrationWorld;
/** Mappings old bank → new bank, by label. */
const m: Record<string, any> = {};
/** A mapping the other way round (new bank → old bank): the new bank is its OLD tenant. */
let reverse: any;

const create = async (api: ApiClient, body: Record<string, unknown>) => {
  const response = await api.post('/v0/migration_mappings', body);
  if (response.status !== 201) throw new Error(`${response.status} ${response.rawBody}`);
  return response.body;
};

beforeAll(async () => {
  world = await newMigrationWorld('list');
  const pair = async (make: typeof person) => Promise.all([make(world.new), make(world.old)]);
  const ids = {
    p1: await pair(person),
    p2: await pair(person),
    p3: await pair(person),
    b1: await pair(business),
    a1: (await Promise.all([account(world.new), account(world.old)])).map((a) => a.id),
  };
  // Created one after another, so creation order is p1, p2, p3, b1, a1, deleted, reverse.
  for (const [label, [newId, oldId]] of Object.entries(ids)) {
    const type = label.startsWith('p') ? 'PERSON' : label.startsWith('b') ? 'BUSINESS' : 'ACCOUNT';
    m[label] = await create(world.new.api, mappingBody(world, type, newId!, oldId!));
  }
  const [gone, goneOld] = await pair(person);
  m.deleted = await create(world.new.api, mappingBody(world, 'PERSON', gone, goneOld));
  await world.new.api.call({ method: 'DELETE', path: `/v0/migration_mappings/${m.deleted.id}` });
  m.deleted = (await world.new.api.get(`/v0/migration_mappings/${m.deleted.id}`)).body;
  // The new bank's p1 person moves on to the old bank again: new bank is the OLD tenant here.
  reverse = await create(world.new.api, {
    resource_type: 'PERSON',
    resource_id: await person(world.old),
    tenant: world.old.id,
    old_tenant: world.new.id,
    old_resource_id: ids.p1[0],
  });
});

const list = async (api: ApiClient, query: Record<string, string | number | readonly string[]> = {}) => {
  const response = await api.get('/v0/migration_mappings', query);
  if (response.status !== 200) throw new Error(`${response.status} ${response.rawBody}`);
  return response;
};
const idsOf = (response: { body: any }) => (response.body.migration_mappings as any[]).map((x) => x.id);

describe('filters', () => {
  it('without filters: every live mapping the tenant is party to, in creation order, for both keys', async () => {
    const live = [m.p1, m.p2, m.p3, m.b1, m.a1, reverse].map((x) => x.id);
    expect(idsOf(await list(world.new.api))).toEqual(live);
    expect(idsOf(await list(world.old.api))).toEqual(live);
  });

  it('resource_id: one or many ids, comma-separated or repeated', async () => {
    expect(idsOf(await list(world.new.api, { resource_id: m.p2.resource_id }))).toEqual([m.p2.id]);
    expect(idsOf(await list(world.old.api, { resource_id: `${m.p1.resource_id},${m.b1.resource_id}` }))).toEqual([m.p1.id, m.b1.id]);
    expect(idsOf(await list(world.new.api, { resource_id: [m.p3.resource_id, m.a1.resource_id] }))).toEqual([m.p3.id, m.a1.id]);
  });

  it('old_resource_id, and both together', async () => {
    expect(idsOf(await list(world.old.api, { old_resource_id: m.b1.old_resource_id }))).toEqual([m.b1.id]);
    expect(
      idsOf(
        await list(world.new.api, { old_resource_id: `${m.p1.old_resource_id},${m.p2.old_resource_id}`, resource_id: m.p2.resource_id }),
      ),
    ).toEqual([m.p2.id]);
    expect(idsOf(await list(world.new.api, { old_resource_id: m.p1.old_resource_id, resource_id: m.p2.resource_id }))).toEqual([]);
  });

  it('any_resource_id matches either side', async () => {
    // p1's new-bank person is the resource of p1 and the old resource of the reverse mapping.
    expect(idsOf(await list(world.new.api, { any_resource_id: m.p1.resource_id }))).toEqual([m.p1.id, reverse.id]);
    expect(idsOf(await list(world.old.api, { any_resource_id: m.p2.old_resource_id }))).toEqual([m.p2.id]);
  });

  it('resource_type', async () => {
    expect(idsOf(await list(world.new.api, { resource_type: 'PERSON' }))).toEqual([m.p1.id, m.p2.id, m.p3.id, reverse.id]);
    expect(idsOf(await list(world.new.api, { resource_type: 'BUSINESS,ACCOUNT' }))).toEqual([m.b1.id, m.a1.id]);
  });

  it('tenant and old_tenant pick a side', async () => {
    const forward = [m.p1, m.p2, m.p3, m.b1, m.a1].map((x) => x.id);
    expect(idsOf(await list(world.new.api, { tenant: world.new.id }))).toEqual(forward);
    expect(idsOf(await list(world.new.api, { old_tenant: world.new.id }))).toEqual([reverse.id]);
    expect(idsOf(await list(world.old.api, { old_tenant: world.old.id }))).toEqual(forward);
    expect(idsOf(await list(world.old.api, { tenant: world.old.id, old_tenant: world.new.id }))).toEqual([reverse.id]);
  });

  it('tenant filters no mapping of the caller can match answer empty without reading', async () => {
    // The caller is party to every mapping it lists; a mapping never has one tenant on both sides.
    for (const query of [
      { tenant: world.stranger.id, old_tenant: world.stranger.id },
      { tenant: world.new.id, old_tenant: world.new.id },
    ]) {
      const response = await list(world.new.api, query);
      expect(response.body).toEqual({ migration_mappings: [] });
      expect(response.dynamoCalls).toEqual({});
    }
    expect(idsOf(await list(world.new.api, { tenant: world.stranger.id }))).toEqual([]);
  });

  it('include_deleted=true adds deleted mappings, with deletion_time', async () => {
    expect(idsOf(await list(world.new.api, { include_deleted: 'false' }))).not.toContain(m.deleted.id);
    const all = await list(world.old.api, { include_deleted: 'true', resource_type: 'PERSON' });
    expect(idsOf(all)).toEqual([m.p1.id, m.p2.id, m.p3.id, m.deleted.id, reverse.id]);
    expect(all.body.migration_mappings[3].deletion_time).toBe(m.deleted.deletion_time);
    expect(idsOf(await list(world.new.api, { resource_id: m.deleted.resource_id }))).toEqual([]);
    expect(idsOf(await list(world.new.api, { resource_id: m.deleted.resource_id, include_deleted: 'true' }))).toEqual([m.deleted.id]);
  });
});

describe('sort_by', () => {
  it('creation_time descending is the exact reverse', async () => {
    const asc = idsOf(await list(world.new.api, { sort_by: 'creation_time:asc' }));
    expect(idsOf(await list(world.new.api, { sort_by: 'creation_time:desc' }))).toEqual([...asc].reverse());
  });

  it('last_updated_time follows updates, with and without a resource filter', async () => {
    const moved = await world.new.api.patch(`/v0/migration_mappings/${m.p2.id}`, { resource_id: await person(world.new) });
    expect(moved.status).toBe(200);
    m.p2 = moved.body;
    const byUpdate = idsOf(await list(world.new.api, { sort_by: 'last_updated_time:asc' }));
    expect(byUpdate.at(-1)).toBe(m.p2.id);
    expect(idsOf(await list(world.new.api, { sort_by: 'last_updated_time:desc' }))[0]).toBe(m.p2.id);
    const filtered = await list(world.new.api, {
      old_resource_id: `${m.p2.old_resource_id},${m.p3.old_resource_id}`,
      sort_by: 'last_updated_time:desc',
    });
    expect(idsOf(filtered)).toEqual([m.p2.id, m.p3.id]);
  });
});

describe('paging', () => {
  const walk = async (api: ApiClient, query: Record<string, string | number>) => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 20; page++) {
      const response = await list(api, { ...query, ...(token ? { page_token: token } : {}) });
      expect(response.body.migration_mappings.length).toBeLessThanOrEqual(Number(query.limit));
      seen.push(...idsOf(response));
      token = response.body.next_page_token;
      if (!token) return seen;
    }
    throw new Error('paging did not end');
  };

  it('pages through every mapping exactly once, for either tenant key', async () => {
    const all = idsOf(await list(world.new.api));
    expect(await walk(world.new.api, { limit: 2 })).toEqual(all);
    expect(await walk(world.old.api, { limit: 2 })).toEqual(all);
    expect(await walk(world.new.api, { limit: 2, sort_by: 'creation_time:desc' })).toEqual([...all].reverse());
  });

  it('pages a resource-filtered list too', async () => {
    const ids = [m.p1, m.p3, m.b1, m.a1].map((x) => x.resource_id).join(',');
    expect(await walk(world.old.api, { limit: 1, resource_id: ids })).toEqual([m.p1.id, m.p3.id, m.b1.id, m.a1.id]);
  });

  it('a page token belongs to its tenant and its filters', async () => {
    const first = await list(world.new.api, { limit: 1 });
    const token = first.body.next_page_token as string;
    expectProblem(
      await world.old.api.get('/v0/migration_mappings', { limit: 1, page_token: token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
    expectProblem(
      await world.new.api.get('/v0/migration_mappings', { limit: 1, page_token: token, resource_type: 'PERSON' }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
  });
});

describe('bad parameters', () => {
  it.each([
    [{ resource_id: 'abc' }, 'resource_id must contain only UUIDs'],
    [{ any_resource_id: 'x,y' }, 'any_resource_id must contain only UUIDs'],
    [{ tenant: 'old bank' }, 'tenant must contain only UUIDs'],
    [{ resource_type: 'CARD' }, 'resource_type must be one of PERSON, BUSINESS, ACCOUNT'],
    [{ include_deleted: 'yes' }, 'include_deleted must be true or false'],
    [{ sort_by: 'resource_id:asc' }, 'sort_by'],
    [{ colour: 'blue' }, 'colour'],
    [{ limit: 0 }, 'limit'],
  ])('%j → 400 naming it', async (query, detail) => {
    expectProblem(await world.new.api.get('/v0/migration_mappings', query), 400, 'BAD_QUERY_PARAMETER', detail);
  });
});

describe('DynamoDB calls', () => {
  it.each([
    ['unfiltered', {}],
    ['by last update', { sort_by: 'last_updated_time:desc' }],
    ['by side', { tenant: 'NEW' }],
    ['by resource', { resource_id: 'P1' }],
    ['by either side', { any_resource_id: 'P1' }],
  ])('%s: Query only', async (_name, query) => {
    const resolved = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [k, v === 'NEW' ? world.new.id : v === 'P1' ? m.p1.resource_id : v]),
    );
    const response = await list(world.new.api, resolved);
    expect(Object.keys(response.dynamoCalls)).toEqual(['QueryCommand']);
  });
});
