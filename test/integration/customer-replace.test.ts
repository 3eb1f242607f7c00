import { clientFor, eventsOf, expectProblem, otherAddress, personBody, tenantCounts, type ApiClient } from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// PUT /v0/customers/{customer_id}: full replace (contract §7.1; docs/api-notes.md).

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'customer-put' });
  api = clientFor(tenant.key);
});

const createCustomer = async (overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/customers', personBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

const { address_line_2: _line2, ...legalWithoutLine2 } = personBody().legal_address as Record<string, unknown>;

describe('PUT /v0/customers/{customer_id}', () => {
  it('replaces the whole customer: fields left out are cleared, shipping copies legal', async () => {
    const c = await createCustomer({ shipping_address: otherAddress() });
    const res = await api.put(`/v0/customers/${c.id}`, {
      status: 'FROZEN',
      first_name: 'Janet',
      last_name: 'Doe',
      legal_address: legalWithoutLine2,
    });
    expect(res.status, res.rawBody).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({
      id: c.id,
      tenant: tenant.id,
      creation_time: c.creation_time,
      status: 'FROZEN',
      first_name: 'Janet',
      last_name: 'Doe',
    });
    for (const field of ['middle_name', 'dob', 'email', 'phone_number', 'metadata']) expect(r, field).not.toHaveProperty(field);
    // Same address slots keep their ids; the shipping copy rule replaces the old shipping address.
    expect(r.legal_address).toEqual({ ...legalWithoutLine2, id: c.legal_address.id, address_type: 'LEGAL' });
    expect(r.shipping_address).toEqual({ ...legalWithoutLine2, id: c.shipping_address.id, address_type: 'SHIPPING' });
    expect(r.addresses).toHaveLength(2);
    expect(r.last_updated_time > c.last_updated_time).toBe(true);
    expect((await api.get(`/v0/customers/${c.id}`)).body).toEqual(r);
  });

  it('clears both addresses when neither is sent', async () => {
    const c = await createCustomer();
    const res = await api.put(`/v0/customers/${c.id}`, { status: 'PROSPECT' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('legal_address');
    expect(res.body).not.toHaveProperty('shipping_address');
    expect(res.body.addresses).toEqual([]);
  });

  it('keeps what the client does not own: ssn, kyc status and last run, has_accounts, ban_status', async () => {
    const c = await createCustomer({ ban_status: 'SUSPENDED', note: 'chargeback' });
    const verified = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: c.id });
    expect(verified.status).toBe(201);
    const before = (await api.get(`/v0/customers/${c.id}`)).body;
    const res = await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', first_name: 'Jane' });
    expect(res.status, res.rawBody).toBe(200);
    expect(res.body).toMatchObject({
      ssn: '6789',
      ssn_source: 'MANUAL',
      kyc_status: 'ACCEPTED',
      kyc_last_run: before.kyc_last_run,
      has_accounts: false,
      ban_status: 'SUSPENDED',
    });
    expect((await api.get(`/v0/persons/${c.id}`)).body).toMatchObject({
      is_customer: true,
      is_user: false,
      verification_status: 'ACCEPTED',
    });
  });

  it('accepts a GET response sent back with changes: read-only fields ignored, ssn last four kept', async () => {
    const c = await createCustomer();
    const res = await api.put(`/v0/customers/${c.id}`, { ...c, email: 'new@example.com', id: randomUUID(), kyc_status: 'REJECTED' });
    expect(res.status, res.rawBody).toBe(200);
    const { email, last_updated_time, ...rest } = res.body;
    const { email: _e, last_updated_time: _t, ...original } = c;
    expect(email).toBe('new@example.com');
    expect(rest).toEqual(original);
    expectProblem(await api.put(`/v0/customers/${c.id}`, { ...c, ssn: '1234' }), 400, 'BAD_REQUEST_BODY', 'ssn');
  });

  it('sets a new ssn, returning only its last four', async () => {
    const c = await createCustomer();
    const res = await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', ssn: '987-65-4321' });
    expect(res.body.ssn).toBe('4321');
    expect(res.rawBody).not.toContain('987-65-4321');
  });

  it('writes CUSTOMER.UPDATED with the old values of the changed fields; an identical PUT writes nothing', async () => {
    const c = await createCustomer();
    const body = { status: 'ACTIVE', first_name: 'Jane', last_name: 'Roe', email: 'jane.doe@example.com' };
    const before = new Set((await eventsOf(tenant.id)).map((e) => e.id));
    const res = await api.put(`/v0/customers/${c.id}`, body);
    expect(res.status).toBe(200);
    const events = (await eventsOf(tenant.id)).filter((e) => !before.has(e.id));
    expect(events.map((e) => e.type)).toEqual(['CUSTOMER.UPDATED']);
    const event = events[0]!;
    expect(event.resource_id).toBe(c.id);
    expect(event.event_resource).toEqual(res.body);
    expect(event.event_resource_changed_fields).toEqual({
      last_name: 'Doe',
      middle_name: 'Q',
      dob: c.dob,
      phone_number: c.phone_number,
      metadata: c.metadata,
      legal_address: c.legal_address,
      shipping_address: c.shipping_address,
      addresses: c.addresses,
    });
    expect(event.audit).toMatchObject({ method: 'PUT', request_id: res.requestId });

    const counts = await tenantCounts(tenant.id);
    const again = await api.put(`/v0/customers/${c.id}`, body);
    expect(again.body).toEqual(res.body);
    expect(await tenantCounts(tenant.id)).toEqual(counts);
  });

  it('moves the customer in the last_name and last_updated_time orders', async () => {
    const sorted = clientFor((await createTestTenant({ label: 'customer-put-sort' })).key);
    const first = (await sorted.post('/v0/customers', { status: 'ACTIVE', last_name: 'Able' })).body;
    const second = (await sorted.post('/v0/customers', { status: 'ACTIVE', last_name: 'Baker' })).body;
    const order = async (sortBy: string) => (await sorted.get('/v0/customers', { sort_by: sortBy })).body.customers.map((x: any) => x.id);
    expect(await order('last_name:asc')).toEqual([first.id, second.id]);
    expect((await sorted.put(`/v0/customers/${first.id}`, { status: 'ACTIVE', last_name: 'Carter' })).status).toBe(200);
    expect(await order('last_name:asc')).toEqual([second.id, first.id]);
    expect(await order('last_updated_time:desc')).toEqual([first.id, second.id]);
  });

  it('rejects a bad body by name and writes nothing', async () => {
    const c = await createCustomer();
    const counts = await tenantCounts(tenant.id);
    expectProblem(await api.put(`/v0/customers/${c.id}`, { first_name: 'NoStatus' }), 400, 'BAD_REQUEST_BODY', 'status is required');
    expectProblem(await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', nickname: 'JJ' }), 400, 'BAD_REQUEST_BODY', 'nickname');
    expectProblem(await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', dob: '2999-01-01' }), 400, 'BAD_REQUEST_BODY', 'dob');
    expectProblem(await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', ban_status: 'SUSPENDED' }), 400, 'BAD_REQUEST_BODY', 'note');
    expectProblem(
      await api.put(`/v0/customers/${c.id}`, { status: 'ACTIVE', related_customers: [] }),
      400,
      'BAD_REQUEST_BODY',
      'related_customers',
    );
    expectProblem(await api.call({ method: 'PUT', path: `/v0/customers/${c.id}`, rawBody: '{"status":' }), 400, 'BAD_REQUEST_BODY', 'JSON');
    expectProblem(await api.put('/v0/customers/not-a-uuid', { status: 'ACTIVE' }), 400, 'BAD_PATH_PARAMETER', 'customer_id');
    expect(await tenantCounts(tenant.id)).toEqual(counts);
    expect((await api.get(`/v0/customers/${c.id}`)).body).toEqual(c);
  });

  it('404s an unknown id and another tenant’s customer, leaving it unchanged', async () => {
    expectProblem(await api.put(`/v0/customers/${randomUUID()}`, { status: 'ACTIVE' }), 404, 'NOT_FOUND', 'customer not found');
    const c = await createCustomer();
    const other = clientFor((await createTestTenant({ label: 'customer-put-other' })).key);
    expectProblem(await other.put(`/v0/customers/${c.id}`, { status: 'ACTIVE' }), 404, 'NOT_FOUND', 'customer not found');
    expect((await api.get(`/v0/customers/${c.id}`)).body).toEqual(c);
  });

  it('needs customer:write', async () => {
    const c = await createCustomer();
    const reader = await tenant.issueKey('customer:read');
    expectProblem(await clientFor(reader.apiKey).put(`/v0/customers/${c.id}`, { status: 'ACTIVE' }), 403, 'FORBIDDEN', 'customer:write');
  });
});
