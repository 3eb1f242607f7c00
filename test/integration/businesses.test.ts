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
    expect(b.legal_address).toMatchObject({ ...businessBody().legal_address as object, address_type: 'LEGAL' });
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
    expectProblem(await api.post('/v0/businesses', businessBody({ is_customer: undefined })), 400, 'BAD_REQUEST_BODY', 'is_customer is required');
    expectProblem(await api.post('/v0/businesses', businessBody({ status: undefined })), 400, 'BAD_REQUEST_BODY', 'status');
    expectProblem(await api.post('/v0/businesses', { entity_name: 'Neither' }), 400, 'BAD_REQUEST_BODY', ['is_customer', 'status']);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('rejects bad field values by name', async () => {
    expectProblem(await api.post('/v0/businesses', businessBody({ ein: '123456789' })), 400, 'BAD_REQUEST_BODY', 'ein');
    expectProblem(await api.post('/v0/businesses', businessBody({ structure: 'LLP' })), 400, 'BAD_REQUEST_BODY', 'structure');
    expectProblem(await api.post('/v0/businesses', businessBody({ status: 'ACTIVE_ISH' })), 400, 'BAD_REQUEST_BODY', 'status');
    expectProblem(await api.post('/v0/businesses', businessBody({ is_customer: 'yes' })), 400, 'BAD_REQUEST_BODY', 'is_customer must be a boolean');
    expectProblem(await api.post('/v0/businesses', businessBody({ formation_state: 'Delaware' })), 400, 'BAD_REQUEST_BODY', 'formation_state');
    expectProblem(await api.post('/v0/businesses', businessBody({ compliance_restrictions: ['GAMBLING'] })), 400, 'BAD_REQUEST_BODY', 'compliance_restrictions');
    expectProblem(await api.post('/v0/businesses', businessBody({ shipping_address: otherAddress() })), 400, 'BAD_REQUEST_BODY', 'shipping_address');
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
    expect(res.body).toMatchObject({ id: b.id, tenant: tenant.id, verification_status: 'UNVERIFIED', has_accounts: false, creation_time: b.creation_time, website: 'https://acme.example.org' });
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
  const byCreation = (a: any, b: any) => (a.creation_time === b.creation_time ? (a.id < b.id ? -1 : 1) : a.creation_time < b.creation_time ? -1 : 1);
  const idsOf = (...names: string[]) => names.map((n) => made[n]).sort(byCreation).map((b) => b.id);

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
    expectProblem(await lists.get('/v0/customers', { limit: 3, page_token: first.body.next_page_token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });

  // Contract §8.1: sort_by[] is creation_time|entity_name|last_updated_time x asc|desc.
  it('refuses sort fields other than creation_time with a 400 naming sort_by', async () => {
    expectProblem(await lists.get('/v0/businesses', { sort_by: 'entity_name:asc' }), 400, 'BAD_QUERY_PARAMETER', 'sort_by');
    const desc = await lists.get('/v0/businesses', { sort_by: 'creation_time:desc' });
    expect(ids(desc)).toEqual([...idsOf(...order)].reverse());
  });
});
