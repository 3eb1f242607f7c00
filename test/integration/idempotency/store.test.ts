import { countItems, getItem, KEYS, unique, type ApiClient } from '../../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoIdempotencyStore } from '../../../functions/adapters/dynamodb/idempotency-store.js';
import { fingerprint, hashKey, LOCK_SECONDS, REPLAY_WINDOW_SECONDS } from '../../../functions/idempotency/model.js';
import type { TestTenant } from '../../helpers/tenants.js';
import { newIdempotencyWorld, withKey } from './helpers.js';

// Idempotency-Key (contract §1.4): the DynamoDB store under the middleware, its locks, completion and replay window.

let tenant: TestTenant;
let otherTenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, otherTenant, api } = await newIdempotencyWorld());
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
