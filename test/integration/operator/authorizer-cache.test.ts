import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/api.js';
import { clientFor, personBody } from '../../helpers/api.js';
import { createTestTenant, createTestTenants, type TestTenant } from '../../helpers/tenants.js';
import { dynamoTenancyStore } from '../../../functions/adapters/dynamodb/tenancy-repository.js';
import { createGateway } from '../../../local/gateway.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../../../lib/gateway-contract.js';
import { issueOperatorKey } from './helpers.js';

// API Gateway caches the authorizer's answer per Authorization header only (lib/stacks/api-stack.ts).
// An operator key's answer names no tenant, so the cache cannot carry one request's
// X-Bankline-Tenant into the next: each request's tenant is checked by the handler chain.
// Shown on the twin's gateway with AWS's cache lifetime: after the key's decision is cached, the
// key is revoked (so only the cache lets it in), and each tenant header still gets its own answer.

const gateway = createGateway({ authorizerCacheTtlSeconds: AUTHORIZER_CACHE_TTL_SECONDS });

const get = async (path: string, key: string, tenant?: string) => {
  const response = await gateway({
    method: 'GET',
    url: path,
    headers: [['Authorization', `Bearer ${key}`], ...(tenant ? [['X-Bankline-Tenant', tenant] as [string, string]] : [])],
    body: null,
    sourceIp: '127.0.0.1',
    requestId: randomUUID(),
  });
  return { status: response.statusCode, body: JSON.parse(response.body.toString('utf8') || 'null') };
};

let a: TestTenant;
let b: TestTenant;
let stranger: TestTenant;
let customerOfA: string;

beforeAll(async () => {
  [a, b] = await createTestTenants(2, 'operator-cache');
  stranger = await createTestTenant({ label: 'operator-cache-stranger' });
  customerOfA = (await clientFor(a.key).post('/v0/customers', personBody())).body.id;
});

describe('a cached operator decision', () => {
  it('serves each request in the tenant its own header names, and refuses a foreign or missing one', async () => {
    const { apiKey, keyId } = await issueOperatorKey(a.organizationId);
    expect((await get(`/v0/customers/${customerOfA}`, apiKey, a.id)).status).toBe(200);
    // From here on only the cached allow admits the key.
    expect(await dynamoTenancyStore.revokeOperatorKey(a.organizationId, keyId, new Date().toISOString())).toBe(true);

    expect((await get(`/v0/customers/${customerOfA}`, apiKey, b.id)).status).toBe(404);
    expect((await get('/v0/customers', apiKey, b.id)).status).toBe(200);
    expect((await get(`/v0/customers/${customerOfA}`, apiKey, a.id)).status).toBe(200);
    const foreign = await get('/v0/customers', apiKey, stranger.id);
    expect(foreign.status).toBe(403);
    expect(foreign.body.detail).toContain('organization');
    expect((await get('/v0/customers', apiKey)).status).toBe(400);
  });
});
