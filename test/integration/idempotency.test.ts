import {
  clientFor,
  countItems,
  eventsOf,
  expectProblem,
  getItem,
  KEYS,
  personBody,
  tenantCounts,
  unique,
  type ApiClient,
} from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoIdempotencyStore } from '../../functions/adapters/dynamodb/idempotency-store.js';
import { fingerprint, hashKey, LOCK_SECONDS, REPLAY_WINDOW_SECONDS } from '../../functions/idempotency/model.js';
import { createTestTenants, type TestTenant } from '../helpers/tenants.js';
import { dynamoCustomerStore } from '../../functions/adapters/dynamodb/customer-store.js';
import { createPerson } from '../../functions/customers/persons.js';
import { runHoldingKey } from '../../functions/idempotency/held-key.js';
import { systemClock } from '../../functions/shared/clock.js';

// Idempotency-Key (contract §1.4), scoped to the tenant.

let tenant: TestTenant;
let otherTenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  [tenant, otherTenant] = await createTestTenants(2, 'idempotency');
  api = clientFor(tenant.key);
});

const withKey = (key: string, headers: Record<string, string> = {}) => ({ headers: { 'Idempotency-Key': key, ...headers } });

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

describe('concurrency', () => {
  it('50 parallel POSTs with one key create exactly one customer; the rest replay it or get 409', async () => {
    const key = randomUUID();
    const email = `burst.${unique()}@example.com`;
    const body = personBody({ email });
    const before = await tenantCounts(tenant.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => api.post('/v0/customers', body, withKey(key))));
    const created = results.filter((r) => r.status === 201);
    const inFlight = results.filter((r) => r.status === 409);
    expect(created.length + inFlight.length, results.map((r) => `${r.status} ${r.rawBody}`).join('\n')).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of inFlight) expectProblem(r, 409, 'IDEMPOTENCY_CONCURRENT_USE');
    const listed = await api.get('/v0/customers', { email });
    expect(listed.body.customers).toHaveLength(1);
    expect(listed.body.customers[0].id).toBe(created[0]!.body.id);
    const after = await tenantCounts(tenant.id);
    expect(after.persons - before.persons).toBe(1);
    expect(after.events - before.events).toBe(1);
    // Once settled, a retry is a replay.
    const retry = await api.post('/v0/customers', body, withKey(key));
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(created[0]!.body.id);
  });
});

describe('the DynamoDB idempotency store (what the middleware relies on for 5xx and crashes)', () => {
  const print = fingerprint('POST', '/v0/customers', { status: 'PROSPECT' });
  const now = Math.floor(Date.now() / 1000);
  const TOKEN = 'lock-token-1';

  it('a released key (after a 5xx or 429) can be acquired again, so the retry re-executes', async () => {
    const keyHash = hashKey(randomUUID());
    expect(await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN)).toEqual({ acquired: true });
    const busy = await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN);
    expect(busy.acquired).toBe(false);
    if (!busy.acquired) expect(busy.existing).toMatchObject({ status: 'IN_PROGRESS', fingerprint: print });
    await dynamoIdempotencyStore.release(tenant.id, keyHash, TOKEN);
    expect(await getItem(KEYS.idempotency(tenant.id, keyHash))).toBeUndefined();
    expect(await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN)).toEqual({ acquired: true });
  });

  it('a stale lock (its holder died) can be taken once lock_expires_at has passed', async () => {
    const keyHash = hashKey(randomUUID());
    await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN);
    expect((await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now + LOCK_SECONDS - 1, TOKEN)).acquired).toBe(false);
    expect(await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now + LOCK_SECONDS + 1, TOKEN)).toEqual({ acquired: true });
  });

  it('a completed key is never re-acquired within the replay window, and is after it', async () => {
    const keyHash = hashKey(randomUUID());
    await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN);
    const response = { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":"x"}' };
    await dynamoIdempotencyStore.complete(tenant.id, keyHash, TOKEN, response);
    const later = await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now + LOCK_SECONDS + 1, TOKEN);
    expect(later.acquired).toBe(false);
    if (!later.acquired) expect(later.existing).toMatchObject({ status: 'COMPLETED', response });
    const item = await getItem(KEYS.idempotency(tenant.id, keyHash));
    expect(item).toMatchObject({ expires_at: now + REPLAY_WINDOW_SECONDS, status: 'COMPLETED' });
    expect(item).not.toHaveProperty('lock_expires_at');
    // Releasing a completed key is a no-op: only IN_PROGRESS locks are released.
    await dynamoIdempotencyStore.release(tenant.id, keyHash, TOKEN);
    expect(await getItem(KEYS.idempotency(tenant.id, keyHash))).toBeDefined();
    expect(await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now + REPLAY_WINDOW_SECONDS + 1, TOKEN)).toEqual({
      acquired: true,
    });
  });

  it('the same key hash in two tenants is two records', async () => {
    const keyHash = hashKey(randomUUID());
    expect((await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, TOKEN)).acquired).toBe(true);
    expect((await dynamoIdempotencyStore.acquire(otherTenant.id, keyHash, print, now, TOKEN)).acquired).toBe(true);
    expect(await countItems(KEYS.idempotency(tenant.id, keyHash).pk, 'table')).toBe(1);
    expect(await countItems(KEYS.idempotency(otherTenant.id, keyHash).pk, 'table')).toBe(1);
  });

  it('the middleware stores the raw key nowhere: the item is keyed by its hash', async () => {
    const key = `secret-key-${unique()}`;
    const res = await api.post('/v0/customers', { status: 'PROSPECT' }, withKey(key));
    expect(res.status).toBe(201);
    const item = await getItem(KEYS.idempotency(tenant.id, hashKey(key)));
    expect(item).toMatchObject({ status: 'COMPLETED', entity: 'IDEMPOTENCY' });
    expect(JSON.stringify(item)).not.toContain(key);
  });
});

// The change and the key's COMMITTED mark share one transaction, so an invocation that dies
// between writing and storing its response can never let a retry write a second time.
describe('a request that dies after its write', () => {
  const body = { status: 'PROSPECT' as const, first_name: 'Crash' };
  const now = Math.floor(Date.now() / 1000);

  /** What the handler does up to the moment the container dies: take the key, run the write. */
  const writeThenDie = async (key: string, token: string) => {
    const keyHash = hashKey(key);
    const print = fingerprint('POST', '/v0/customers', body);
    expect((await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, token)).acquired).toBe(true);
    const held = { tenantId: tenant.id, keyHash, lockToken: token, committed: false };
    const ctx = {
      tenantId: tenant.id,
      clock: systemClock,
      store: dynamoCustomerStore,
      audit: { request_id: 'r', api_key_id: tenant.keyId, method: 'POST', path: '/v0/customers' },
    };
    const person = await runHoldingKey(held, () => createPerson(ctx, 'customer', body));
    return { keyHash, person, held };
  };

  it('marks the key COMMITTED in the write transaction, so a retry never writes again', async () => {
    const key = randomUUID();
    const { keyHash, held } = await writeThenDie(key, 'dying-request');
    expect(held.committed).toBe(true);
    expect(await getItem(KEYS.idempotency(tenant.id, keyHash))).toMatchObject({ status: 'COMMITTED', lock_token: 'dying-request' });
    const before = await tenantCounts(tenant.id);
    // Long after the lock would have expired, the key still cannot be taken again...
    expect(
      (
        await dynamoIdempotencyStore.acquire(
          tenant.id,
          keyHash,
          fingerprint('POST', '/v0/customers', body),
          now + LOCK_SECONDS + 1,
          'retry',
        )
      ).acquired,
    ).toBe(false);
    // ...and a retry through the API is refused instead of creating a second customer.
    const retry = await api.post('/v0/customers', body, withKey(key));
    expectProblem(retry, 409, 'IDEMPOTENCY_CONCURRENT_USE', 'applied');
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('a request whose stale lock was taken over cannot write at all', async () => {
    const key = randomUUID();
    const keyHash = hashKey(key);
    const print = fingerprint('POST', '/v0/customers', body);
    expect((await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now, 'slow-request')).acquired).toBe(true);
    expect((await dynamoIdempotencyStore.acquire(tenant.id, keyHash, print, now + LOCK_SECONDS + 1, 'newer-request')).acquired).toBe(true);
    const before = await tenantCounts(tenant.id);
    const held = { tenantId: tenant.id, keyHash, lockToken: 'slow-request', committed: false };
    const ctx = {
      tenantId: tenant.id,
      clock: systemClock,
      store: dynamoCustomerStore,
      audit: { request_id: 'r', api_key_id: tenant.keyId, method: 'POST', path: '/v0/customers' },
    };
    await expect(runHoldingKey(held, () => createPerson(ctx, 'customer', body))).rejects.toMatchObject({
      name: 'IdempotencyKeyInUse',
      code: 'IDEMPOTENCY_CONCURRENT_USE',
    });
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('releasing after a committed write keeps the key taken (a 5xx after the write is not re-executed)', async () => {
    const { keyHash } = await writeThenDie(randomUUID(), 'failing-request');
    await dynamoIdempotencyStore.release(tenant.id, keyHash, 'failing-request');
    expect(await getItem(KEYS.idempotency(tenant.id, keyHash))).toMatchObject({ status: 'COMMITTED' });
  });
});
