import { expectProblem, getItem, KEYS, tenantCounts, type ApiClient } from '../../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoIdempotencyStore } from '../../../functions/adapters/dynamodb/idempotency-store.js';
import { dynamoCustomerStore } from '../../../functions/adapters/dynamodb/customer-store.js';
import { createPerson } from '../../../functions/customers/persons.js';
import { runHoldingKey } from '../../../functions/idempotency/held-key.js';
import { systemClock } from '../../../functions/shared/clock.js';
import { fingerprint, hashKey, LOCK_SECONDS } from '../../../functions/idempotency/model.js';
import type { TestTenant } from '../../helpers/tenants.js';
import { newIdempotencyWorld, withKey } from './helpers.js';

// Idempotency-Key (contract §1.4) when the invocation dies after its write, before storing its response.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, api } = await newIdempotencyWorld());
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
