import { clientFor, expectProblem, personBody, tenantCounts, type ApiClient } from '../../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestTenants, type TestTenant } from '../../helpers/tenants.js';
import { issueOperatorKey, operatorClient } from './helpers.js';

// Operator keys (issue 13) through the real authorizer and handlers: every tenant of the
// organization readable with X-Bankline-Tenant, no tenant writes, no other organization.

let oldBank: TestTenant;
let newBank: TestTenant;
let stranger: TestTenant;
let operatorKey: string;
let customerId: string;

beforeAll(async () => {
  // The handlers run in this process: a sandbox stage, so the clock (a console action) is served.
  process.env.SANDBOX = 'true';
  [oldBank, newBank] = await createTestTenants(2, 'operator');
  stranger = await createTestTenant({ label: 'operator-stranger' });
  operatorKey = (await issueOperatorKey(oldBank.organizationId)).apiKey;
  const created = await clientFor(oldBank.key).post('/v0/customers', personBody());
  expect(created.status).toBe(201);
  customerId = created.body.id;
});

const asOperator = (tenantId: string | undefined): ApiClient => operatorClient(operatorKey, tenantId);

describe('reads: every tenant of the organization, named by X-Bankline-Tenant', () => {
  it("GETs a tenant's customers and one customer", async () => {
    const list = await asOperator(oldBank.id).get('/v0/customers');
    expect(list.status).toBe(200);
    expect(list.body.customers.map((c: { id: string }) => c.id)).toContain(customerId);
    const one = await asOperator(oldBank.id).get(`/v0/customers/${customerId}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(customerId);
  });

  it('the same key reads the other tenant, which does not hold that customer', async () => {
    const list = await asOperator(newBank.id).get('/v0/customers');
    expect(list.status).toBe(200);
    expect(list.body.customers.map((c: { id: string }) => c.id)).not.toContain(customerId);
    expectProblem(await asOperator(newBank.id).get(`/v0/customers/${customerId}`), 404);
  });

  it('accepts the header name in any case and the id in upper case', async () => {
    const res = await operatorClient(operatorKey, undefined).get('/v0/customers', undefined, {
      headers: { 'x-bankline-tenant': oldBank.id.toUpperCase() },
    });
    expect(res.status).toBe(200);
  });

  it('missing header -> 400 naming X-Bankline-Tenant', async () => {
    expectProblem(await asOperator(undefined).get('/v0/customers'), 400, 'BAD_HEADER', 'X-Bankline-Tenant');
  });

  it('a header that is not a tenant id -> 400 naming it', async () => {
    expectProblem(await operatorClient(operatorKey, 'old bank').get('/v0/customers'), 400, 'BAD_HEADER', 'X-Bankline-Tenant');
  });

  it("another organization's tenant, or no tenant at all -> 403, alike", async () => {
    const foreign = expectProblem(await asOperator(stranger.id).get('/v0/customers'), 403, 'FORBIDDEN', 'organization');
    const unknown = expectProblem(await asOperator(crypto.randomUUID()).get('/v0/customers'), 403, 'FORBIDDEN', 'organization');
    expect(foreign.detail.replace(stranger.id, 'x')).toBe(unknown.detail.replace(/tenant \S+/, 'tenant x'));
  });
});

describe('writes: never, but for the console actions', () => {
  it('POST /v0/customers -> 403 naming the read-only rule; nothing written', async () => {
    const before = await tenantCounts(oldBank.id);
    expectProblem(await asOperator(oldBank.id).post('/v0/customers', personBody()), 403, 'FORBIDDEN', [
      'operator keys are read-only',
      'POST /v0/customers',
    ]);
    expectProblem(
      await asOperator(oldBank.id).patch(`/v0/customers/${customerId}`, { email: 'x@example.com' }),
      403,
      'FORBIDDEN',
      'read-only',
    );
    expect(await tenantCounts(oldBank.id)).toEqual(before);
  });

  it('the read-only rule holds without a tenant header too (403 before 400)', async () => {
    expectProblem(await asOperator(undefined).post('/v0/customers', personBody()), 403, 'FORBIDDEN', 'read-only');
  });

  it('console action: moving the sandbox clock is allowed (console:act)', async () => {
    const before = (await asOperator(newBank.id).get('/v0/sandbox/clock')).body.now as string;
    const moved = await asOperator(newBank.id).post('/v0/sandbox/clock', { advance_seconds: 3600 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(Date.parse(moved.body.now) - Date.parse(before)).toBeGreaterThanOrEqual(3600_000);
    // It moved the clock of the tenant named, as the tenant's own key sees it.
    const seen = (await clientFor(newBank.key).get('/v0/sandbox/clock')).body.now as string;
    expect(Date.parse(seen)).toBeGreaterThanOrEqual(Date.parse(moved.body.now));
  });

  it("console action in another organization's tenant -> 403", async () => {
    expectProblem(await asOperator(stranger.id).post('/v0/sandbox/clock', { advance_seconds: 60 }), 403, 'FORBIDDEN', 'organization');
  });
});

describe('tenant keys and the operator routes', () => {
  it('a tenant key cannot read /v0/operator/* (403 naming organization:read)', async () => {
    expectProblem(await clientFor(oldBank.key).get('/v0/operator/organization'), 403, 'FORBIDDEN', 'organization:read');
  });

  it('a tenant key naming another tenant in X-Bankline-Tenant -> 403; its own -> fine', async () => {
    const api = clientFor(oldBank.key);
    expectProblem(
      await api.get('/v0/customers', undefined, { headers: { 'X-Bankline-Tenant': newBank.id } }),
      403,
      'FORBIDDEN',
      'own tenant',
    );
    expect((await api.get('/v0/customers', undefined, { headers: { 'X-Bankline-Tenant': oldBank.id } })).status).toBe(200);
  });

  it('a revoked operator key is refused with 401', async () => {
    const { apiKey, keyId } = await issueOperatorKey(oldBank.organizationId);
    expect((await operatorClient(apiKey, oldBank.id).get('/v0/customers')).status).toBe(200);
    const { dynamoTenancyStore } = await import('../../../functions/adapters/dynamodb/tenancy-repository.js');
    expect(await dynamoTenancyStore.revokeOperatorKey(oldBank.organizationId, keyId, new Date().toISOString())).toBe(true);
    expectProblem(await operatorClient(apiKey, oldBank.id).get('/v0/customers'), 401, 'UNAUTHORIZED');
  });
});
