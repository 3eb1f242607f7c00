import { businessBody, clientFor, expectProblem, otherAddress, tenantCounts, unique, type ApiClient } from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// Businesses (contract §8).

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'businesses' });
  api = clientFor(tenant.key);
});

const createBusiness = async (overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/businesses', businessBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

describe('POST /v0/businesses', () => {
  it('creates a business: 201 with verification_status UNVERIFIED and a typed legal address', async () => {
    const res = await api.post('/v0/businesses', businessBody());
    expect(res.status).toBe(201);
    const b = res.body;
    expect(b).toMatchObject({
      status: 'PROSPECT',
      is_customer: true,
      entity_name: 'Acme Widgets LLC',
      trade_names: ['Acme'],
      ein: '12-3456789',
      structure: 'LLC',
      formation_date: '2015-06-01',
      formation_state: 'DE',
      email: 'ops@acme.example.com',
      phone_number: '+14155550199',
      website: 'https://acme.example.com',
      verification_status: 'UNVERIFIED',
      has_accounts: false,
      tenant: tenant.id,
      metadata: { segment: 'smb' },
    });
    expect(b.legal_address).toMatchObject({ ...(businessBody().legal_address as object), address_type: 'LEGAL' });
    expect(b.addresses).toEqual([b.legal_address]);
    expect(b).not.toHaveProperty('version');
    expect(b).not.toHaveProperty('shipping_address');
    expect((await api.get(`/v0/businesses/${b.id}`)).body).toEqual(b);
  });

  it('accepts the minimal create: status, is_customer, entity_name', async () => {
    const res = await api.post('/v0/businesses', { status: 'PROSPECT', is_customer: true, entity_name: 'Tiny Co' });
    expect(res.status).toBe(201);
    expect(res.body.addresses).toEqual([]);
  });

  it('requires is_customer and status, naming each missing field; nothing is written', async () => {
    const before = await tenantCounts(tenant.id);
    expectProblem(
      await api.post('/v0/businesses', businessBody({ is_customer: undefined })),
      400,
      'BAD_REQUEST_BODY',
      'is_customer is required',
    );
    expectProblem(await api.post('/v0/businesses', businessBody({ status: undefined })), 400, 'BAD_REQUEST_BODY', 'status');
    expectProblem(await api.post('/v0/businesses', { entity_name: 'Neither' }), 400, 'BAD_REQUEST_BODY', ['is_customer', 'status']);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('rejects bad field values by name', async () => {
    expectProblem(await api.post('/v0/businesses', businessBody({ ein: '123456789' })), 400, 'BAD_REQUEST_BODY', 'ein');
    expectProblem(await api.post('/v0/businesses', businessBody({ structure: 'LLP' })), 400, 'BAD_REQUEST_BODY', 'structure');
    expectProblem(await api.post('/v0/businesses', businessBody({ status: 'ACTIVE_ISH' })), 400, 'BAD_REQUEST_BODY', 'status');
    expectProblem(
      await api.post('/v0/businesses', businessBody({ is_customer: 'yes' })),
      400,
      'BAD_REQUEST_BODY',
      'is_customer must be a boolean',
    );
    expectProblem(
      await api.post('/v0/businesses', businessBody({ formation_state: 'Delaware' })),
      400,
      'BAD_REQUEST_BODY',
      'formation_state',
    );
    expectProblem(
      await api.post('/v0/businesses', businessBody({ compliance_restrictions: ['GAMBLING'] })),
      400,
      'BAD_REQUEST_BODY',
      'compliance_restrictions',
    );
    expectProblem(
      await api.post('/v0/businesses', businessBody({ shipping_address: otherAddress() })),
      400,
      'BAD_REQUEST_BODY',
      'shipping_address',
    );
  });
});

describe('GET /v0/businesses/{business_id}', () => {
  it('404s an unknown id and 400s a non-UUID', async () => {
    expectProblem(await api.get(`/v0/businesses/${randomUUID()}`), 404, 'NOT_FOUND', 'business not found');
    expectProblem(await api.get('/v0/businesses/acme'), 400, 'BAD_PATH_PARAMETER', 'business_id');
  });
});

describe('PATCH /v0/businesses/{business_id}', () => {
  it('changes the fields sent and keeps the rest', async () => {
    const b = await createBusiness();
    const res = await api.patch(`/v0/businesses/${b.id}`, { status: 'ACTIVE', entity_name: 'Acme Holdings LLC', is_customer: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ACTIVE', entity_name: 'Acme Holdings LLC', is_customer: false });
    const { status, entity_name, is_customer, last_updated_time, ...rest } = res.body;
    const { status: _s, entity_name: _e, is_customer: _i, last_updated_time: before, ...original } = b;
    expect(rest).toEqual(original);
    expect(last_updated_time > before).toBe(true);
  });

  it('keeps the legal address id when the address changes', async () => {
    const b = await createBusiness();
    const res = await api.patch(`/v0/businesses/${b.id}`, { legal_address: otherAddress() });
    expect(res.status).toBe(200);
    expect(res.body.legal_address).toMatchObject({ ...otherAddress(), id: b.legal_address.id, address_type: 'LEGAL' });
  });

  it('ignores echoed read-only fields', async () => {
    const b = await createBusiness();
    const res = await api.patch(`/v0/businesses/${b.id}`, {
      id: randomUUID(),
      tenant: 'other',
      verification_status: 'ACCEPTED',
      verification_last_run: '2020-01-01T00:00:00.000Z',
      has_accounts: true,
      creation_time: '2020-01-01T00:00:00.000Z',
      website: 'https://acme.example.org',
    });
    expect(res.status, res.rawBody).toBe(200);
    expect(res.body).toMatchObject({
      id: b.id,
      tenant: tenant.id,
      verification_status: 'UNVERIFIED',
      has_accounts: false,
      creation_time: b.creation_time,
      website: 'https://acme.example.org',
    });
    expect(res.body).not.toHaveProperty('verification_last_run');
  });

  it('rejects unknown fields and bad values; 404s an unknown id', async () => {
    const b = await createBusiness();
    const before = await tenantCounts(tenant.id);
    expectProblem(await api.patch(`/v0/businesses/${b.id}`, { ticker: 'ACME' }), 400, 'BAD_REQUEST_BODY', 'ticker');
    expectProblem(await api.patch(`/v0/businesses/${b.id}`, { is_customer: null }), 400, 'BAD_REQUEST_BODY', 'is_customer');
    expectProblem(await api.patch(`/v0/businesses/${randomUUID()}`, { status: 'ACTIVE' }), 404, 'NOT_FOUND', 'business not found');
    expect(await tenantCounts(tenant.id)).toEqual(before);
    expect((await api.get(`/v0/businesses/${b.id}`)).body).toEqual(b);
  });
});

describe('GET /v0/businesses: filters and paging', () => {
  let lists: ApiClient;
  const made: Record<string, any> = {};
  const tag = unique();

  beforeAll(async () => {
    const listTenant = await createTestTenant({ label: 'business-lists' });
    lists = clientFor(listTenant.key);
    const specs: Record<string, Record<string, unknown>> = {
      acme: { entity_name: `Acme ${tag}`, status: 'ACTIVE', is_customer: true, phone_number: '+14155550111' },
      globex: { entity_name: `Globex ${tag}`, status: 'PROSPECT', is_customer: true, phone_number: '+14155550112' },
      initech: { entity_name: `Initech ${tag}`, status: 'ACTIVE', is_customer: false, phone_number: '+14155550113' },
      hooli: { entity_name: `Hooli ${tag}`, status: 'DISSOLVED', is_customer: false, phone_number: '+14155550114' },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const res = await lists.post('/v0/businesses', businessBody(spec));
      expect(res.status).toBe(201);
      made[name] = res.body;
    }
  });

  const order = ['acme', 'globex', 'initech', 'hooli'];
  const ids = (res: { body: any }) => res.body.businesses.map((b: any) => b.id);
  // The table's order: creation time, then id (two creates in one millisecond tie on time).
  const byCreation = (a: any, b: any) =>
    a.creation_time === b.creation_time ? (a.id < b.id ? -1 : 1) : a.creation_time < b.creation_time ? -1 : 1;
  const idsOf = (...names: string[]) =>
    names
      .map((n) => made[n])
      .sort(byCreation)
      .map((b) => b.id);

  it.each([
    ['nothing', {}, ['acme', 'globex', 'initech', 'hooli']],
    ['entity_name', { entity_name: `Globex ${tag}` }, ['globex']],
    ['status', { status: 'ACTIVE' }, ['acme', 'initech']],
    ['is_customer=true', { is_customer: 'true' }, ['acme', 'globex']],
    ['is_customer=false', { is_customer: 'false' }, ['initech', 'hooli']],
    ['phone_number', { phone_number: '+14155550114' }, ['hooli']],
    ['has_accounts=true', { has_accounts: 'true' }, []],
    ['status + is_customer', { status: 'ACTIVE', is_customer: 'false' }, ['initech']],
  ] as const)('filters by %s', async (_name, query, expected) => {
    const res = await lists.get('/v0/businesses', query);
    expect(res.status, res.rawBody).toBe(200);
    expect(ids(res)).toEqual(idsOf(...expected));
  });

  it('filters by id list', async () => {
    expect(ids(await lists.get('/v0/businesses', { id: [made.hooli.id, made.acme.id] }))).toEqual(idsOf('acme', 'hooli'));
  });

  it('rejects bad filter values naming the parameter', async () => {
    expectProblem(await lists.get('/v0/businesses', { is_customer: 'yes' }), 400, 'BAD_QUERY_PARAMETER', 'is_customer');
    expectProblem(await lists.get('/v0/businesses', { status: 'ZOMBIE' }), 400, 'BAD_QUERY_PARAMETER', 'status');
    expectProblem(await lists.get('/v0/businesses', { first_name: 'Acme' }), 400, 'BAD_QUERY_PARAMETER', 'first_name');
  });

  it('sorts descending and pages with limit', async () => {
    expect(ids(await lists.get('/v0/businesses', { sort_by: 'creation_time:desc' }))).toEqual(idsOf(...order).reverse());
    const all = idsOf(...order);
    const first = await lists.get('/v0/businesses', { limit: 3 });
    expect(ids(first)).toEqual(all.slice(0, 3));
    const second = await lists.get('/v0/businesses', { limit: 3, page_token: first.body.next_page_token });
    expect(ids(second)).toEqual(all.slice(3));
    expect(second.body).not.toHaveProperty('next_page_token');
    expectProblem(
      await lists.get('/v0/customers', { limit: 3, page_token: first.body.next_page_token }),
      400,
      'BAD_QUERY_PARAMETER',
      'page_token',
    );
  });

  // Contract §8.1: sort_by[] is creation_time|entity_name|last_updated_time x asc|desc.
  it('orders by entity_name (the sort_by tests below cover it and last_updated_time)', async () => {
    expect(ids(await lists.get('/v0/businesses', { sort_by: 'entity_name:asc' }))).toEqual(
      ['acme', 'globex', 'hooli', 'initech'].map((n) => made[n].id),
    );
  });
});

describe('GET /v0/businesses: sort_by', () => {
  let sorts: ApiClient;
  const made: Record<string, any> = {};
  // Created one after the other; `blank` has a whitespace-only name, which sorts as no name.
  const specs: Record<string, Record<string, unknown>> = {
    zeta: { entity_name: 'zeta Labs' },
    acmeUpper: { entity_name: 'ACME' },
    nameless: {},
    beta: { entity_name: 'Beta Corp' },
    acmeLower: { entity_name: 'acme' },
    blank: { entity_name: '   ' },
  };

  beforeAll(async () => {
    sorts = clientFor((await createTestTenant({ label: 'business-sorting' })).key);
    for (const [name, spec] of Object.entries(specs)) {
      const res = await sorts.post('/v0/businesses', { status: 'PROSPECT', is_customer: true, ...spec });
      expect(res.status, res.rawBody).toBe(201);
      made[name] = res.body;
    }
  });

  const ids = (res: { body: any }) => res.body.businesses.map((b: any) => b.id);
  const by = (time: 'creation_time' | 'last_updated_time') => (a: any, b: any) =>
    a[time] === b[time] ? (a.id < b.id ? -1 : 1) : a[time] < b[time] ? -1 : 1;
  const tied = (...names: string[]) =>
    names
      .map((n) => made[n])
      .sort(by('creation_time'))
      .map((b) => b.id);
  const allPages = async (sortBy: string, limit: number) => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await sorts.get('/v0/businesses', { sort_by: sortBy, limit, page_token: token });
      expect(res.status, res.rawBody).toBe(200);
      seen.push(...ids(res));
      token = res.body.next_page_token;
      expect(++pages).toBeLessThan(20);
    } while (token);
    return { seen, pages };
  };

  it('entity_name: case-insensitive, ties by creation time, missing and blank names last; desc is the reverse', async () => {
    const expected = [...tied('acmeUpper', 'acmeLower'), made.beta.id, made.zeta.id, ...tied('nameless', 'blank')];
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'entity_name:asc' }))).toEqual(expected);
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'entity_name:desc' }))).toEqual([...expected].reverse());
  });

  it.each(['creation_time', 'entity_name', 'last_updated_time'])(
    '%s pages with limit in both directions, each record once',
    async (field) => {
      for (const direction of ['asc', 'desc']) {
        const whole = ids(await sorts.get('/v0/businesses', { sort_by: `${field}:${direction}` }));
        expect(whole).toHaveLength(6);
        const { seen, pages } = await allPages(`${field}:${direction}`, 4);
        expect(seen).toEqual(whole);
        expect(pages).toBe(2);
      }
    },
  );

  it('a PATCH of entity_name moves the business in entity_name and last_updated_time order', async () => {
    const patched = await sorts.patch(`/v0/businesses/${made.zeta.id}`, { entity_name: 'Aardvark Inc' });
    expect(patched.status, patched.rawBody).toBe(200);
    made.zeta = patched.body;
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'entity_name:asc' })).slice(0, 4)).toEqual([
      made.zeta.id,
      ...tied('acmeUpper', 'acmeLower'),
      made.beta.id,
    ]);
    const all = (await sorts.get('/v0/businesses')).body.businesses as any[];
    const byUpdate = ids(await sorts.get('/v0/businesses', { sort_by: 'last_updated_time:asc' }));
    expect(byUpdate).toEqual([...all].sort(by('last_updated_time')).map((b) => b.id));
    expect(byUpdate.at(-1)).toBe(made.zeta.id);
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'last_updated_time:desc' }))[0]).toBe(made.zeta.id);
  });

  it('a KYB run moves the business to the newest last_updated_time', async () => {
    const named = await sorts.patch(`/v0/businesses/${made.beta.id}`, { legal_address: otherAddress() });
    expect(named.status).toBe(200);
    await sorts.patch(`/v0/businesses/${made.acmeLower.id}`, { website: 'https://acme.example.org' });
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'last_updated_time:desc' }))[0]).toBe(made.acmeLower.id);
    expect((await sorts.post('/v0/verifications/verify', { customer_consent: true, business_id: made.beta.id })).status).toBe(201);
    expect(ids(await sorts.get('/v0/businesses', { sort_by: 'last_updated_time:desc' }))[0]).toBe(made.beta.id);
  });

  it('refuses person sort fields and a second field, naming sort_by', async () => {
    expectProblem(await sorts.get('/v0/businesses', { sort_by: 'last_name:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    expectProblem(
      await sorts.get('/v0/businesses', { sort_by: 'entity_name:asc,last_updated_time:asc' }),
      400,
      'BAD_QUERY_PARAMETER',
      'sort_by',
    );
    expect((await sorts.get('/v0/businesses', { sort_by: 'entity_name:desc,creation_time:desc' })).status).toBe(200);
  });
});
