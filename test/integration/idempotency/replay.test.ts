import { clientFor, eventsOf, expectProblem, getItem, KEYS, personBody, tenantCounts, unique, type ApiClient } from '../../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '../../helpers/tenants.js';
import { newIdempotencyWorld, withKey } from './helpers.js';

// Idempotency-Key (contract §1.4), scoped to the tenant: a retry replays the first response, a reuse with another request is refused, and the key must be well formed.

let tenant: TestTenant;
let otherTenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, otherTenant, api } = await newIdempotencyWorld());
});

describe('replay', () => {
  it('a retry returns the first status and body with Idempotent-Replayed: true, and creates nothing new', async () => {
    const key = randomUUID();
    const body = personBody({ email: `replay.${unique()}@example.com` });
    const first = await api.post('/v0/customers', body, withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers).not.toHaveProperty('idempotent-replayed');
    const before = await tenantCounts(tenant.id);
    const second = await api.post('/v0/customers', body, withKey(key));
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // The replay is its own request: its own correlation id, not the first one's.
    expect(first.headers['x-correlation-id']).toBe(first.requestId);
    expect(second.headers['x-correlation-id']).toBe(second.requestId);
    expect(second.rawBody).toBe(first.rawBody);
    expect(second.body).toEqual(first.body);
    expect(await tenantCounts(tenant.id)).toEqual(before);
    expect((await api.get('/v0/customers', { email: body.email as string })).body.customers).toHaveLength(1);
  });

  it('the same body with keys in another order is the same request', async () => {
    const key = randomUUID();
    const first = await api.post('/v0/customers', { status: 'PROSPECT', first_name: 'Ord', last_name: 'Er' }, withKey(key));
    const second = await api.post('/v0/customers', { last_name: 'Er', first_name: 'Ord', status: 'PROSPECT' }, withKey(key));
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_INVALID_REUSE; nothing is written', async () => {
    const key = randomUUID();
    expect((await api.post('/v0/customers', personBody(), withKey(key))).status).toBe(201);
    const before = await tenantCounts(tenant.id);
    expectProblem(await api.post('/v0/customers', personBody({ first_name: 'Other' }), withKey(key)), 422, 'IDEMPOTENCY_INVALID_REUSE');
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('the same key on another route is 422 too', async () => {
    const key = randomUUID();
    expect((await api.post('/v0/persons', { status: 'PROSPECT' }, withKey(key))).status).toBe(201);
    expectProblem(await api.post('/v0/customers', { status: 'PROSPECT' }, withKey(key)), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });

  it('the same key in another tenant is independent', async () => {
    const key = randomUUID();
    const body = personBody();
    const mine = await api.post('/v0/customers', body, withKey(key));
    const theirs = await clientFor(otherTenant.key).post('/v0/customers', body, withKey(key));
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers).not.toHaveProperty('idempotent-replayed');
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.tenant).toBe(otherTenant.id);
    // And a different body in the other tenant is not a reuse either.
    const otherBody = await clientFor(otherTenant.key).post(
      '/v0/businesses',
      { status: 'PROSPECT', is_customer: true },
      withKey(randomUUID()),
    );
    expect(otherBody.status).toBe(201);
  });

  it('another key of the same tenant shares the key space (scoped to the tenant, not the API key)', async () => {
    const key = randomUUID();
    const second = clientFor((await tenant.issueKey('customer:read,customer:write')).apiKey);
    const first = await api.post('/v0/customers', { status: 'PROSPECT' }, withKey(key));
    const replay = await second.post('/v0/customers', { status: 'PROSPECT' }, withKey(key));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
  });

  it('PATCH honours the key: one update, one event, the same response', async () => {
    const c = (await api.post('/v0/customers', personBody())).body;
    const key = randomUUID();
    const first = await api.patch(`/v0/customers/${c.id}`, { first_name: 'Once' }, withKey(key));
    expect(first.status).toBe(200);
    const version = (await getItem(KEYS.person(tenant.id, c.id)))!.version;
    const events = (await eventsOf(tenant.id)).length;
    const second = await api.patch(`/v0/customers/${c.id}`, { first_name: 'Once' }, withKey(key));
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await getItem(KEYS.person(tenant.id, c.id)))!.version).toBe(version);
    expect((await eventsOf(tenant.id)).length).toBe(events);
    expectProblem(await api.patch(`/v0/customers/${c.id}`, { first_name: 'Twice' }, withKey(key)), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });

  it('POST /v0/verifications/verify honours the key: one run', async () => {
    const p = (await api.post('/v0/persons', personBody())).body;
    const key = randomUUID();
    const first = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id }, withKey(key));
    const second = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id }, withKey(key));
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await api.get('/v0/verifications', { person_id: p.id, include_history: 'true' })).body.verifications).toHaveLength(2);
  });

  it('a 4xx decided by the operation is stored and replayed', async () => {
    const key = randomUUID();
    const first = await api.post('/v0/customers', { status: 'ALIVE' }, withKey(key));
    expectProblem(first, 400, 'BAD_REQUEST_BODY', 'status');
    const second = await api.post('/v0/customers', { status: 'ALIVE' }, withKey(key));
    expectProblem(second, 400, 'BAD_REQUEST_BODY', 'status');
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.rawBody).toBe(first.rawBody);
    // The key now belongs to that request: a corrected body needs a new key.
    expectProblem(await api.post('/v0/customers', { status: 'ACTIVE' }, withKey(key)), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });

  it('a 404 is replayed too', async () => {
    const key = randomUUID();
    const id = randomUUID();
    expectProblem(await api.patch(`/v0/customers/${id}`, { first_name: 'X' }, withKey(key)), 404, 'NOT_FOUND');
    const again = await api.patch(`/v0/customers/${id}`, { first_name: 'X' }, withKey(key));
    expectProblem(again, 404, 'NOT_FOUND');
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('requests rejected before the key is taken (malformed JSON, 403) leave the key free', async () => {
    const key = randomUUID();
    expectProblem(await api.call({ method: 'POST', path: '/v0/customers', rawBody: '{"status":', ...withKey(key) }), 400);
    const reader = clientFor((await tenant.issueKey('customer:read')).apiKey);
    expectProblem(await reader.post('/v0/customers', { status: 'PROSPECT' }, withKey(key)), 403, 'FORBIDDEN');
    const ok = await api.post('/v0/customers', { status: 'PROSPECT' }, withKey(key));
    expect(ok.status).toBe(201);
    expect(ok.headers).not.toHaveProperty('idempotent-replayed');
  });

  it('GET ignores the header', async () => {
    const key = randomUUID();
    expect((await api.get('/v0/customers', { limit: 1 }, withKey(key))).status).toBe(200);
    const again = await api.get('/v0/customers', { limit: 1 }, withKey(key));
    expect(again.status).toBe(200);
    expect(again.headers).not.toHaveProperty('idempotent-replayed');
  });
});

describe('key validation', () => {
  it('a key longer than 255 characters is 400 naming Idempotency-Key; 255 is fine', async () => {
    const before = await tenantCounts(tenant.id);
    expectProblem(await api.post('/v0/customers', personBody(), withKey('k'.repeat(256))), 400, 'BAD_HEADER', 'Idempotency-Key');
    expectProblem(await api.post('/v0/customers', personBody(), withKey('has space')), 400, 'BAD_HEADER', 'Idempotency-Key');
    expectProblem(await api.post('/v0/customers', personBody(), withKey('ключ')), 400, 'BAD_HEADER', 'Idempotency-Key');
    expect(await tenantCounts(tenant.id)).toEqual(before);
    expect((await api.post('/v0/customers', { status: 'PROSPECT' }, withKey(`${unique()}${'k'.repeat(245)}`))).status).toBe(201);
  });
});
