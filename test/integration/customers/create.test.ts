import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, otherAddress, personBody, tenantCounts } from '../../helpers/api.js';
import type { TestTenant } from '../../helpers/tenants.js';
import { createCustomer, newCustomersWorld, UUID } from './helpers.js';

// Creating and reading personal customers through /v0/customers (contract §7).

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, api } = await newCustomersWorld());
});

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
    const c = await createCustomer(api, { shipping_address: otherAddress() });
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
    const c = await createCustomer(api);
    const res = await api.get(`/v0/customers/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(c);
  });

  it('accepts an upper-case id for the same record', async () => {
    const c = await createCustomer(api);
    const res = await api.get(`/v0/customers/${c.id.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(c.id);
  });

  it('404s an unknown id with the Synctera body', async () => {
    expectProblem(await api.get(`/v0/customers/${randomUUID()}`), 404, 'NOT_FOUND', 'customer not found');
  });
});
