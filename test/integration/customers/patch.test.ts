import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, getItem, KEYS, otherAddress, tenantCounts } from '../../helpers/api.js';
import type { TestTenant } from '../../helpers/tenants.js';
import { createCustomer, newCustomersWorld } from './helpers.js';

// Changing personal customers through PATCH /v0/customers/{customer_id} (contract §7).

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, api } = await newCustomersWorld());
});

describe('PATCH /v0/customers/{customer_id}', () => {
  it('changes only the fields sent', async () => {
    const c = await createCustomer(api);
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
    const c = await createCustomer(api);
    const res = await api.patch(`/v0/customers/${c.id}`, { ssn: '987-65-4321' });
    expect(res.status).toBe(200);
    expect(res.body.ssn).toBe('4321');
    expect(res.rawBody).not.toContain('987-65-4321');
  });

  // The view shows only the last four digits; whether to write is judged on the stored record.
  it('saves a new ssn with the same last four digits', async () => {
    const c = await createCustomer(api);
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
    const c = await createCustomer(api);
    const res = await api.patch(`/v0/customers/${c.id}`, { legal_address: otherAddress() });
    expect(res.status).toBe(200);
    expect(res.body.legal_address).toMatchObject({ ...otherAddress(), id: c.legal_address.id, address_type: 'LEGAL' });
    expect(res.body.shipping_address).toEqual(c.shipping_address);
  });

  it('ignores echoed read-only fields (id, tenant, times, kyc_status, has_accounts ...)', async () => {
    const c = await createCustomer(api);
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
    const c = await createCustomer(api);
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { ban_status: 'SUSPENDED' }), 400, 'BAD_REQUEST_BODY', 'note');
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { ban_status: 'BANNED', note: 'x' }), 400, 'BAD_REQUEST_BODY', 'ban_status');
    const ok = await api.patch(`/v0/customers/${c.id}`, { ban_status: 'SUSPENDED', note: 'fraud review' });
    expect(ok.status).toBe(200);
    expect(ok.body.ban_status).toBe('SUSPENDED');
  });

  it('rejects unknown fields and bad values, leaving the record unchanged', async () => {
    const c = await createCustomer(api);
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
