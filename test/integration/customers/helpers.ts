// Shared setup for the customers suites: a tenant of the file's own with its client, and a
// personal customer created through the real API.
import { expect } from 'vitest';
import { type ApiClient, clientFor, personBody } from '../../helpers/api.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const newCustomersWorld = async (): Promise<{ tenant: TestTenant; api: ApiClient }> => {
  const tenant = await createTestTenant({ label: 'customers' });
  return { tenant, api: clientFor(tenant.key) };
};

/** A personal customer from personBody with the overrides; asserts the 201. */
export const createCustomer = async (api: ApiClient, overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/customers', personBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};
