import { clientFor, expectProblem, getItem, KEYS, otherAddress, personBody, tenantCounts, unique, type ApiClient } from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestTenants, type TestTenant } from '../helpers/tenants.js';

// Personal customers through /v0/customers and /v0/persons (contract §7).

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'customers' });
  api = clientFor(tenant.key);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const createCustomer = async (overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/customers', personBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

describe('POST /v0/customers', () => {
  it('creates a customer: 201, ssn as last 4, shipping copied from legal, kyc_status UNVERIFIED', async () => {
    const res = await api.post('/v0/customers', personBody());
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const c = res.body;
    expect(c.id).toMatch(UUID);
    expect(c).toMatchObject({
      status: 'ACTIVE',
      first_name: 'Jane',
      middle_name: 'Q',
      last_name: 'Doe',
      dob: '1990-04-12',
      email: 'jane.doe@example.com',
      phone_number: '+14155550100',
      ssn: '6789',
      ssn_source: 'MANUAL',
      kyc_status: 'UNVERIFIED',
      kyc_exempt: false,
      ban_status: 'ALLOWED',
      has_accounts: false,
      tenant: tenant.id,
      metadata: { crm_id: 'c-42' },
    });
    expect(res.rawBody).not.toContain('123-45-6789');
    expect(c).not.toHaveProperty('version');
    expect(c).not.toHaveProperty('ssn_last_4');
    expect(c).not.toHaveProperty('verification_status');
    const { id: legalId, address_type: legalType, ...legal } = c.legal_address;
    const { id: shippingId, address_type: shippingType, ...shipping } = c.shipping_address;
    expect(legalType).toBe('LEGAL');
    expect(shippingType).toBe('SHIPPING');
    expect(shipping).toEqual(legal);
    expect(legal).toEqual(personBody().legal_address);
    expect(legalId).toMatch(UUID);
    expect(shippingId).toMatch(UUID);
    expect(shippingId).not.toBe(legalId);
    expect(c.addresses).toHaveLength(2);
    expect(new Date(c.creation_time).toISOString()).toBe(c.creation_time);
    expect(c.last_updated_time).toBe(c.creation_time);
  });

  it('keeps an explicit shipping_address instead of copying legal', async () => {
    const c = await createCustomer({ shipping_address: otherAddress() });
    expect(c.shipping_address).toMatchObject({ ...otherAddress(), address_type: 'SHIPPING' });
    expect(c.legal_address.address_line_1).toBe('1 Main St');
  });

  it('accepts a PROSPECT with partial data and no addresses', async () => {
    const res = await api.post('/v0/customers', { status: 'PROSPECT', first_name: 'Pat' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PROSPECT', first_name: 'Pat', kyc_status: 'UNVERIFIED', addresses: [] });
    expect(res.body).not.toHaveProperty('shipping_address');
    expect(res.body).not.toHaveProperty('ssn');
  });

  it('rejects a create without status, naming the field, and writes nothing', async () => {
    const before = await tenantCounts(tenant.id);
    expectProblem(await api.post('/v0/customers', personBody({ status: undefined })), 400, 'BAD_REQUEST_BODY', 'status');
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  // functions/shared/validation.ts says "is required" for a missing string or boolean, but a
  // missing enum comes back as "status must be one of ACTIVE, ..." (zod reports invalid_value).
  it('says a missing required enum field "is required", as it does for other types', async () => {
    expectProblem(await api.post('/v0/customers', { first_name: 'NoStatus' }), 400, 'BAD_REQUEST_BODY', 'status is required');
  });

  it('rejects a dob in the future or before 1900', async () => {
    expectProblem(await api.post('/v0/customers', personBody({ dob: '2999-01-01' })), 400, 'BAD_REQUEST_BODY', 'dob');
    expectProblem(await api.post('/v0/customers', personBody({ dob: '1899-12-31' })), 400, 'BAD_REQUEST_BODY', 'dob');
  });

  it('rejects the deprecated related_customers', async () => {
    expectProblem(await api.post('/v0/customers', personBody({ related_customers: [] })), 400, 'BAD_REQUEST_BODY', 'related_customers');
  });

  it('requires a note to create a SUSPENDED customer', async () => {
    expectProblem(await api.post('/v0/customers', personBody({ ban_status: 'SUSPENDED' })), 400, 'BAD_REQUEST_BODY', 'note');
    const ok = await api.post('/v0/customers', personBody({ ban_status: 'SUSPENDED', note: 'chargeback investigation' }));
    expect(ok.status).toBe(201);
    expect(ok.body.ban_status).toBe('SUSPENDED');
    expect(ok.body).not.toHaveProperty('note');
  });

  it('echoes the caller correlation id, or the API Gateway request id', async () => {
    const mine = await api.post('/v0/customers', { status: 'PROSPECT' }, { headers: { 'X-Correlation-Id': 'trace-abc.123' } });
    expect(mine.headers['x-correlation-id']).toBe('trace-abc.123');
    const theirs = await api.post('/v0/customers', { status: 'PROSPECT' }, { headers: { 'X-Correlation-Id': 'bad id with spaces' } });
    expect(theirs.headers['x-correlation-id']).toBe(theirs.requestId);
  });
});

describe('GET /v0/customers/{customer_id}', () => {
  it('returns the created record', async () => {
    const c = await createCustomer();
    const res = await api.get(`/v0/customers/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(c);
  });

  it('accepts an upper-case id for the same record', async () => {
    const c = await createCustomer();
    const res = await api.get(`/v0/customers/${c.id.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(c.id);
  });

  it('404s an unknown id with the Synctera body', async () => {
    expectProblem(await api.get(`/v0/customers/${randomUUID()}`), 404, 'NOT_FOUND', 'customer not found');
  });
});

describe('PATCH /v0/customers/{customer_id}', () => {
  it('changes only the fields sent', async () => {
    const c = await createCustomer();
    const res = await api.patch(`/v0/customers/${c.id}`, { first_name: 'Janet', email: 'janet@example.com', metadata: { crm_id: 'c-43' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ first_name: 'Janet', email: 'janet@example.com', metadata: { crm_id: 'c-43' } });
    const { first_name, email, metadata, last_updated_time, ...unchanged } = res.body;
    const { first_name: _f, email: _e, metadata: _m, last_updated_time: before, ...original } = c;
    expect(unchanged).toEqual(original);
    expect(last_updated_time > before).toBe(true);
    expect((await api.get(`/v0/customers/${c.id}`)).body).toEqual(res.body);
  });

  it('updates the ssn and returns only its last 4', async () => {
    const c = await createCustomer();
    const res = await api.patch(`/v0/customers/${c.id}`, { ssn: '987-65-4321' });
    expect(res.status).toBe(200);
    expect(res.body.ssn).toBe('4321');
    expect(res.rawBody).not.toContain('987-65-4321');
  });

  // The view shows only the last four digits; whether to write is judged on the stored record.
  it('saves a new ssn with the same last four digits', async () => {
    const c = await createCustomer();
    const before = (await getItem(KEYS.person(tenant.id, c.id)))!;
    const res = await api.patch(`/v0/customers/${c.id}`, { ssn: '111-22-6789' });
    expect(res.status).toBe(200);
    const after = (await getItem(KEYS.person(tenant.id, c.id)))!;
    expect(after.ssn).toBe('111-22-6789');
    expect(after.version).toBe(before.version + 1);
  });

  it('copies a patched legal address to shipping when the customer has none', async () => {
    const res = await api.post('/v0/customers', { status: 'PROSPECT', first_name: 'Nomad' });
    const id = res.body.id;
    const patched = await api.patch(`/v0/customers/${id}`, { legal_address: otherAddress() });
    expect(patched.status).toBe(200);
    expect(patched.body.legal_address).toMatchObject({ ...otherAddress(), address_type: 'LEGAL' });
    expect(patched.body.shipping_address).toMatchObject({ ...otherAddress(), address_type: 'SHIPPING' });
    expect(patched.body.addresses).toHaveLength(2);
  });

  it('leaves an existing shipping address alone when only legal changes, keeping the legal address id', async () => {
    const c = await createCustomer();
    const res = await api.patch(`/v0/customers/${c.id}`, { legal_address: otherAddress() });
    expect(res.status).toBe(200);
    expect(res.body.legal_address).toMatchObject({ ...otherAddress(), id: c.legal_address.id, address_type: 'LEGAL' });
    expect(res.body.shipping_address).toEqual(c.shipping_address);
  });

  it('ignores echoed read-only fields (id, tenant, times, kyc_status, has_accounts ...)', async () => {
    const c = await createCustomer();
    const res = await api.patch(`/v0/customers/${c.id}`, {
      id: randomUUID(),
      tenant: 'someone-else',
      creation_time: '2001-01-01T00:00:00.000Z',
      last_updated_time: '2001-01-01T00:00:00.000Z',
      kyc_status: 'ACCEPTED',
      kyc_last_run: '2001-01-01T00:00:00.000Z',
      kyc_exempt: true,
      verification_status: 'ACCEPTED',
      has_accounts: true,
      ssn_source: 'PREFILL',
      addresses: [],
      first_name: 'Echo',
    });
    expect(res.status, res.rawBody).toBe(200);
    expect(res.body).toMatchObject({
      id: c.id,
      tenant: tenant.id,
      creation_time: c.creation_time,
      kyc_status: 'UNVERIFIED',
      kyc_exempt: false,
      has_accounts: false,
      ssn_source: 'MANUAL',
      first_name: 'Echo',
    });
    expect(res.body.addresses).toHaveLength(2);
    expect(res.body.last_updated_time > c.last_updated_time).toBe(true);
    expect((await api.get(`/v0/customers/${c.id}`)).body.id).toBe(c.id);
  });

  it('requires a note to change ban_status, and never accepts BANNED', async () => {
    const c = await createCustomer();
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { ban_status: 'SUSPENDED' }), 400, 'BAD_REQUEST_BODY', 'note');
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { ban_status: 'BANNED', note: 'x' }), 400, 'BAD_REQUEST_BODY', 'ban_status');
    const ok = await api.patch(`/v0/customers/${c.id}`, { ban_status: 'SUSPENDED', note: 'fraud review' });
    expect(ok.status).toBe(200);
    expect(ok.body.ban_status).toBe('SUSPENDED');
  });

  it('rejects unknown fields and bad values, leaving the record unchanged', async () => {
    const c = await createCustomer();
    const before = await tenantCounts(tenant.id);
    expectProblem(
      await api.patch(`/v0/customers/${c.id}`, { first_name: 'X', favourite_colour: 'blue' }),
      400,
      'BAD_REQUEST_BODY',
      'favourite_colour',
    );
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { ssn: '123456789' }), 400, 'BAD_REQUEST_BODY', 'ssn');
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { status: 'ALIVE' }), 400, 'BAD_REQUEST_BODY', 'status');
    expect((await api.get(`/v0/customers/${c.id}`)).body).toEqual(c);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('404s an unknown id', async () => {
    expectProblem(await api.patch(`/v0/customers/${randomUUID()}`, { first_name: 'Ghost' }), 404, 'NOT_FOUND');
  });
});

describe('/v0/persons: the same records', () => {
  it('GET /v0/persons/{id} returns a customer-created record with verification_status', async () => {
    const c = await createCustomer();
    const res = await api.get(`/v0/persons/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: c.id,
      first_name: c.first_name,
      last_name: c.last_name,
      ssn: '6789',
      verification_status: 'UNVERIFIED',
      is_customer: true,
      is_user: false,
      legal_address: c.legal_address,
      shipping_address: c.shipping_address,
      creation_time: c.creation_time,
    });
    expect(res.body).not.toHaveProperty('kyc_status');
    expect(res.body).not.toHaveProperty('kyc_exempt');
  });

  it('POST /v0/persons creates a record /v0/customers can read and patch', async () => {
    const created = await api.post('/v0/persons', personBody({ chosen_name: 'JJ', is_customer: false }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ chosen_name: 'JJ', is_customer: false, verification_status: 'UNVERIFIED' });
    const asCustomer = await api.get(`/v0/customers/${created.body.id}`);
    expect(asCustomer.status).toBe(200);
    expect(asCustomer.body.kyc_status).toBe('UNVERIFIED');
    const patched = await api.patch(`/v0/persons/${created.body.id}`, { is_customer: true, chosen_name: 'Jay' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ is_customer: true, chosen_name: 'Jay' });
  });

  it('404s an unknown person and 400s a non-UUID', async () => {
    expectProblem(await api.get(`/v0/persons/${randomUUID()}`), 404, 'NOT_FOUND', 'person not found');
    expectProblem(await api.get('/v0/persons/nope'), 400, 'BAD_PATH_PARAMETER', 'person_id');
  });
});

describe('GET /v0/customers: filters, sort, pagination', () => {
  // A tenant of its own so every list below is exactly this data.
  let lists: ApiClient;
  let listTenant: TestTenant;
  let otherTenant: TestTenant;
  const people: Record<string, any> = {};
  const tag = unique();

  beforeAll(async () => {
    [listTenant, otherTenant] = await createTestTenants(2, 'lists');
    lists = clientFor(listTenant.key);
    const specs: Record<string, Record<string, unknown>> = {
      alice: {
        first_name: 'Alice',
        last_name: 'Smith',
        email: `alice.${tag}@example.com`,
        phone_number: '+14155550101',
        ssn: '111-11-1111',
        status: 'ACTIVE',
      },
      bob: {
        first_name: 'Bob',
        last_name: 'Smith',
        email: `bob.${tag}@example.com`,
        phone_number: '+14155550102',
        ssn: '222-22-2222',
        status: 'PROSPECT',
      },
      carol: {
        first_name: 'Carol',
        last_name: 'Jones',
        email: `carol.${tag}@example.com`,
        phone_number: '+14155550103',
        ssn: '333-33-3333',
        status: 'ACTIVE',
      },
      dave: {
        first_name: 'Dave',
        last_name: 'Brown',
        email: `dave.${tag}@example.com`,
        phone_number: '+14155550104',
        ssn: '444-44-4444',
        status: 'FROZEN',
      },
      erin: {
        first_name: 'Erin',
        last_name: 'Smith',
        email: `erin.${tag}@example.com`,
        phone_number: '+14155550105',
        ssn: '555-55-5555',
        status: 'ACTIVE',
      },
    };
    // Sequential, so creation times are ordered as listed.
    for (const [name, spec] of Object.entries(specs)) {
      const res = await lists.post('/v0/customers', personBody(spec));
      expect(res.status).toBe(201);
      people[name] = res.body;
    }
  });

  const byCreation = (a: any, b: any) =>
    a.creation_time === b.creation_time ? (a.id < b.id ? -1 : 1) : a.creation_time < b.creation_time ? -1 : 1;
  const ids = (res: { body: any }) => res.body.customers.map((c: any) => c.id);
  const idsOf = (...names: string[]) =>
    names
      .map((n) => people[n])
      .sort(byCreation)
      .map((p) => p.id);

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
