import { businessBody, callApi, clientFor, expectProblem, personBody, tenantCounts, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenants, type TestTenant } from '../helpers/tenants.js';

// Authentication (the real authorizer), permissions (per route, in the handler) and tenant
// isolation: another tenant's ids are 404, never the item.

let mine: TestTenant;
let theirs: TestTenant;
let api: ApiClient;
let their: ApiClient;

beforeAll(async () => {
  [mine, theirs] = await createTestTenants(2, 'auth');
  api = clientFor(mine.key);
  their = clientFor(theirs.key);
});

const UNAUTHORIZED_BODY = {
  type: 'https://dev.synctera.com/errors/unauthorized',
  title: 'Unauthorized',
  status: 401,
  detail: 'missing or invalid API key',
  code: 'UNAUTHORIZED',
};

describe('401: the authorizer rejects the key', () => {
  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { Authorization: 'Bearer ' }],
    ['a Basic credential', { Authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` }],
    ['a malformed key', { Authorization: 'Bearer not-a-bankline-key' }],
    ['a key of the wrong length', { Authorization: `Bearer bl_${'a'.repeat(42)}` }],
    ['an unknown well-formed key', { Authorization: `Bearer bl_${'A'.repeat(43)}` }],
    ['a key with a trailing garbage token', { Authorization: 'Bearer bl_x extra' }],
  ])('%s -> 401 with the Synctera body', async (_name, headers) => {
    const before = await tenantCounts(mine.id);
    const res = await callApi({ method: 'POST', path: '/v0/customers', body: personBody(), headers });
    expect(res.status).toBe(401);
    expect(res.answeredBy).toBe('gateway');
    // API Gateway stamps its own answers with the request id too.
    expect(res.headers['x-amzn-requestid']).toBe(res.requestId);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toEqual(UNAUTHORIZED_BODY);
    expect(await tenantCounts(mine.id)).toEqual(before);
  });

  it('accepts the scheme in any case', async () => {
    const res = await callApi({ method: 'GET', path: '/v0/customers', headers: { authorization: `bearer ${mine.key}` } });
    expect(res.status).toBe(200);
  });

  // The authorizer refuses a revoked key on its next run; in AWS, API Gateway may keep serving
  // its cached allow for that Authorization header until the cache TTL (lib/stacks/api-stack.ts) ends.
  it('a revoked key is refused by the authorizer; the tenant’s other keys keep working', async () => {
    const extra = await mine.issueKey('customer:read,customer:write');
    expect((await clientFor(extra.apiKey).get('/v0/customers', { limit: 1 })).status).toBe(200);
    expect(await mine.revokeKey(extra.keyId)).toBe(true);
    const res = await clientFor(extra.apiKey).get('/v0/customers', { limit: 1 });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED_BODY);
    expect((await api.get('/v0/customers', { limit: 1 })).status).toBe(200);
  });

  it('an unknown route is a gateway 404, whatever the key', async () => {
    expectProblem(await api.get('/v0/nothing-here'), 404, 'NOT_FOUND');
    expectProblem(await callApi({ method: 'DELETE', path: '/v0/customers', key: mine.key }), 404, 'NOT_FOUND');
    expectProblem(await callApi({ method: 'GET', path: '/v0/verifications/verify', key: null }), 404, 'NOT_FOUND');
  });
});

describe('403: the key lacks the route’s permission', () => {
  it('customer:read only: GET works, POST and PATCH are 403 naming customer:write; nothing written', async () => {
    const reader = clientFor((await mine.issueKey('customer:read')).apiKey);
    const c = (await api.post('/v0/customers', personBody())).body;
    expect((await reader.get(`/v0/customers/${c.id}`)).status).toBe(200);
    expect((await reader.get('/v0/customers')).status).toBe(200);
    expect((await reader.get('/v0/verifications')).status).toBe(200);
    const before = await tenantCounts(mine.id);
    expectProblem(await reader.post('/v0/customers', personBody()), 403, 'FORBIDDEN', 'customer:write');
    expectProblem(await reader.patch(`/v0/customers/${c.id}`, { first_name: 'X' }), 403, 'FORBIDDEN', 'customer:write');
    expectProblem(await reader.post('/v0/businesses', businessBody()), 403, 'FORBIDDEN', 'customer:write');
    expectProblem(
      await reader.post('/v0/verifications/verify', { customer_consent: true, person_id: c.id }),
      403,
      'FORBIDDEN',
      'customer:write',
    );
    expectProblem(await reader.post(`/v0/customers/${c.id}/verify`, { customer_consent: true }), 403, 'FORBIDDEN', 'customer:write');
    expect(await tenantCounts(mine.id)).toEqual(before);
    expect((await api.get(`/v0/customers/${c.id}`)).body.first_name).toBe('Jane');
  });

  it('customer:write only: POST works, GET is 403 naming customer:read', async () => {
    const writer = clientFor((await mine.issueKey('customer:write')).apiKey);
    const created = await writer.post('/v0/customers', personBody());
    expect(created.status).toBe(201);
    expectProblem(await writer.get(`/v0/customers/${created.body.id}`), 403, 'FORBIDDEN', 'customer:read');
    expectProblem(await writer.get('/v0/businesses'), 403, 'FORBIDDEN', 'customer:read');
  });

  it('an account-only key cannot touch customers at all', async () => {
    const accounts = clientFor((await mine.issueKey('account:read,account:write')).apiKey);
    expectProblem(await accounts.get('/v0/customers'), 403, 'FORBIDDEN', 'customer:read');
    expectProblem(await accounts.post('/v0/customers', personBody()), 403, 'FORBIDDEN', 'customer:write');
  });

  it('the permission check runs before body validation (no field details leak to a 403)', async () => {
    const reader = clientFor((await mine.issueKey('customer:read')).apiKey);
    const res = await reader.call({ method: 'POST', path: '/v0/customers', rawBody: '{not json' });
    expectProblem(res, 403, 'FORBIDDEN', 'customer:write');
  });

  it('plural alias permissions (customers:read, customers:write) and wildcards grant the same', async () => {
    const plural = clientFor((await mine.issueKey('customers:read,customers:write')).apiKey);
    const created = await plural.post('/v0/customers', personBody());
    expect(created.status).toBe(201);
    expect((await plural.get(`/v0/customers/${created.body.id}`)).status).toBe(200);
    const wildcard = clientFor((await mine.issueKey('customer:*')).apiKey);
    expect((await wildcard.patch(`/v0/customers/${created.body.id}`, { first_name: 'Wild' })).status).toBe(200);
    const pluralRead = clientFor((await mine.issueKey('customers:read')).apiKey);
    expectProblem(await pluralRead.post('/v0/customers', personBody()), 403, 'FORBIDDEN', 'customer:write');
  });
});

describe('404: another tenant’s ids', () => {
  let customer: any;
  let business: any;
  let verification: any;

  beforeAll(async () => {
    customer = (await their.post('/v0/customers', personBody())).body;
    business = (await their.post('/v0/businesses', businessBody())).body;
    verification = (await their.post('/v0/verifications/verify', { customer_consent: true, person_id: customer.id })).body.verifications[0];
  });

  it('the owning tenant reads them', async () => {
    expect((await their.get(`/v0/customers/${customer.id}`)).status).toBe(200);
    expect((await their.get(`/v0/persons/${customer.id}`)).status).toBe(200);
    expect((await their.get(`/v0/businesses/${business.id}`)).status).toBe(200);
    expect((await their.get(`/v0/verifications/${verification.id}`)).status).toBe(200);
    expect((await their.get(`/v0/customers/${customer.id}/verifications`)).body.verifications).toHaveLength(2);
  });

  it('another tenant of the same organization gets 404 on every route, and changes nothing', async () => {
    const before = await tenantCounts(theirs.id);
    expectProblem(await api.get(`/v0/customers/${customer.id}`), 404, 'NOT_FOUND');
    expectProblem(await api.get(`/v0/persons/${customer.id}`), 404, 'NOT_FOUND');
    expectProblem(await api.patch(`/v0/customers/${customer.id}`, { first_name: 'Hijack' }), 404, 'NOT_FOUND');
    expectProblem(await api.patch(`/v0/persons/${customer.id}`, { first_name: 'Hijack' }), 404, 'NOT_FOUND');
    expectProblem(await api.get(`/v0/businesses/${business.id}`), 404, 'NOT_FOUND');
    expectProblem(await api.patch(`/v0/businesses/${business.id}`, { entity_name: 'Hijack' }), 404, 'NOT_FOUND');
    expectProblem(await api.get(`/v0/verifications/${verification.id}`), 404, 'NOT_FOUND');
    expectProblem(await api.post('/v0/verifications/verify', { customer_consent: true, person_id: customer.id }), 404, 'NOT_FOUND');
    expectProblem(await api.post('/v0/verifications/verify', { customer_consent: true, business_id: business.id }), 404, 'NOT_FOUND');
    expectProblem(await api.post(`/v0/customers/${customer.id}/verify`, { customer_consent: true }), 404, 'NOT_FOUND');
    expectProblem(await api.get(`/v0/customers/${customer.id}/verifications`), 404, 'NOT_FOUND');
    expect(await tenantCounts(theirs.id)).toEqual(before);
    const still = await their.get(`/v0/customers/${customer.id}`);
    expect(still.body).toMatchObject({ first_name: 'Jane', kyc_status: 'ACCEPTED' });
  });

  it('lists never include another tenant’s records, even filtered by their ids', async () => {
    expect((await api.get('/v0/customers', { id: customer.id })).body.customers).toEqual([]);
    expect((await api.get('/v0/persons', { id: customer.id })).body.persons).toEqual([]);
    expect((await api.get('/v0/businesses', { id: business.id })).body.businesses).toEqual([]);
    expect((await api.get('/v0/verifications', { person_id: customer.id })).body.verifications).toEqual([]);
    expect((await api.get('/v0/verifications', { id: verification.id })).body.verifications).toEqual([]);
  });
});
