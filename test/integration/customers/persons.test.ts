import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, personBody } from '../../helpers/api.js';
import { createCustomer, newCustomersWorld } from './helpers.js';

// /v0/persons serves the same records as /v0/customers, in the persons view (contract §7).

let api: ApiClient;

beforeAll(async () => {
  ({ api } = await newCustomersWorld());
});

describe('/v0/persons: the same records', () => {
  it('GET /v0/persons/{id} returns a customer-created record with verification_status', async () => {
    const c = await createCustomer(api);
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
