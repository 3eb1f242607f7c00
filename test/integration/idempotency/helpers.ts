// Shared setup for the idempotency suites: two tenants of the file's own (the key is scoped to
// the tenant), a client for the first, and the header that carries the key.
import { type ApiClient, clientFor } from '../../helpers/api.js';
import { createTestTenants, type TestTenant } from '../../helpers/tenants.js';

export const newIdempotencyWorld = async (): Promise<{ tenant: TestTenant; otherTenant: TestTenant; api: ApiClient }> => {
  const [tenant, otherTenant] = await createTestTenants(2, 'idempotency');
  return { tenant, otherTenant, api: clientFor(tenant.key) };
};

export const withKey = (key: string, headers: Record<string, string> = {}) => ({ headers: { 'Idempotency-Key': key, ...headers } });
