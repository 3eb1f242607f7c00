import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint, hashKey, type IdempotencyRecord } from '../../../../functions/idempotency/model.js';
import type { AcquireResult, IdempotencyStore, ResponseSealer } from '../../../../functions/idempotency/ports.js';
import { aesTokenCipher } from '../../../../functions/adapters/vendors/token-cipher.js';
import { idempotency } from '../../../../functions/http/middleware/idempotency.js';
import { jsonBody } from '../../../../functions/http/middleware/json-body.js';
import { requestContext } from '../../../../functions/http/middleware/request-context.js';
import { ApiError } from '../../../../functions/http/api-error.js';
import { badRequest, ConcurrentModification } from '../../../../functions/shared/errors.js';
import { chainRequest, fixtureEvent } from './chain-request.js';

const KEY = '6b1f1c3e-6a57-4f6c-9c2a-3f1c1d6a7b10'; // the fixture's Idempotency-Key
const clock = { now: () => new Date('2024-05-01T12:00:00.000Z') };

/** An in-memory store double that answers acquire with a scripted result and records calls. */
const fakeStore = (answer: AcquireResult = { acquired: true }) => {
  const store = {
    acquire: vi.fn<IdempotencyStore['acquire']>(async () => answer),
    complete: vi.fn<IdempotencyStore['complete']>(async () => undefined),
    release: vi.fn<IdempotencyStore['release']>(async () => undefined),
  };
  return store satisfies IdempotencyStore;
};

/** Runs the real chain up to idempotency: route + principal, JSON body, then idempotency.before. */
const runChain = async (store: IdempotencyStore, event: APIGatewayProxyEvent = fixtureEvent('apigw-proxy-post-customers')) => {
  const request = chainRequest(event);
  await requestContext('customers').before!(request);
  await jsonBody().before!(request);
  const early = await idempotency(store, clock).before!(request);
  return { request, early };
};

const fixturePrint = fingerprint('POST', '/v0/customers', { status: 'ACTIVE', first_name: 'Ada', last_name: 'Lovelace' });

const existing = (overrides: Partial<IdempotencyRecord>): AcquireResult => ({
  acquired: false,
  existing: { status: 'COMPLETED', fingerprint: fixturePrint, lock_expires_at: 0, expires_at: 0, ...overrides },
});

describe('idempotency middleware', () => {
  it('takes the key scoped to the tenant, storing only its hash and the request fingerprint', async () => {
    const store = fakeStore();
    const { request, early } = await runChain(store);
    expect(early).toBeUndefined();
    expect(store.acquire).toHaveBeenCalledWith('tenant_a', hashKey(KEY), fixturePrint, 1714564800, expect.any(String));
    expect(JSON.stringify(store.acquire.mock.calls)).not.toContain(KEY);
    expect(request.context.bankline.idempotency).toEqual({
      tenantId: 'tenant_a',
      keyHash: hashKey(KEY),
      lockToken: store.acquire.mock.calls[0]![4],
      committed: false,
      acquired: true,
    });
  });

  it('does nothing without an Idempotency-Key header', async () => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    delete event.headers['Idempotency-Key'];
    const store = fakeStore();
    await runChain(store, event);
    expect(store.acquire).not.toHaveBeenCalled();
  });

  it('ignores the header on a route that is not idempotent (GET)', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    event.headers['Idempotency-Key'] = KEY;
    const store = fakeStore();
    await runChain(store, event);
    expect(store.acquire).not.toHaveBeenCalled();
  });

  it('rejects a malformed key with 400 BAD_HEADER before touching the store', async () => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    event.headers['Idempotency-Key'] = 'has spaces in it';
    const store = fakeStore();
    await expect(runChain(store, event)).rejects.toMatchObject({ name: 'InvalidInput', code: 'BAD_HEADER' });
    expect(store.acquire).not.toHaveBeenCalled();
  });

  it("replays the stored response with its status and body, marked as replayed, with this request's correlation id", async () => {
    const response = { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":"c1"}' };
    const { early } = await runChain(fakeStore(existing({ response })));
    expect(early).toEqual({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true', 'X-Correlation-Id': 'corr-1' },
      body: '{"id":"c1"}',
    });
  });

  it('refuses the same key for a different request with 422 IDEMPOTENCY_INVALID_REUSE', async () => {
    await expect(runChain(fakeStore(existing({ fingerprint: 'another-request' })))).rejects.toMatchObject({
      name: 'IdempotencyKeyReuse',
      code: 'IDEMPOTENCY_INVALID_REUSE',
    });
  });

  it('refuses a duplicate while the first is in flight with 409 IDEMPOTENCY_CONCURRENT_USE', async () => {
    await expect(runChain(fakeStore(existing({ status: 'IN_PROGRESS' })))).rejects.toMatchObject({
      name: 'IdempotencyKeyInUse',
      code: 'IDEMPOTENCY_CONCURRENT_USE',
    });
  });

  it('stores a successful response once the handler has run', async () => {
    const store = fakeStore();
    const { request } = await runChain(store);
    request.response = { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":"c1"}' };
    await idempotency(store, clock).after!(request);
    expect(store.complete).toHaveBeenCalledWith('tenant_a', hashKey(KEY), store.acquire.mock.calls[0]![4], request.response);
    expect(store.release).not.toHaveBeenCalled();
  });

  it('stores a 4xx rejection raised by the operation', async () => {
    const store = fakeStore();
    const { request } = await runChain(store);
    request.error = badRequest('dob must be on or after 1900-01-01 and before today');
    await idempotency(store, clock).onError!(request);
    expect(store.complete).toHaveBeenCalledTimes(1);
    expect(store.complete.mock.calls[0]![3]).toMatchObject({ statusCode: 400 });
  });

  it('releases the key after a 5xx, a 429 or a contention 409 so a retry runs again', async () => {
    for (const error of [
      new Error('DynamoDB down'),
      new ApiError(429, 'RATE_LIMITED', 'slow down'),
      // Contention: "retry" is not the request's outcome, so it is not replayed for 7 days.
      new ConcurrentModification('customer is being modified by other requests; retry'),
    ]) {
      const store = fakeStore();
      const { request } = await runChain(store);
      request.error = error;
      await idempotency(store, clock).onError!(request);
      expect(store.release).toHaveBeenCalledWith('tenant_a', hashKey(KEY), expect.any(String));
      expect(store.complete).not.toHaveBeenCalled();
    }
  });

  describe('a route with sealed response fields', () => {
    const TOKEN = 'access-sandbox-0c5e2a4f';
    const firstResponse = { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: `{"id":"c1","secret":"${TOKEN}"}` };
    const key = randomBytes(32);
    const cipher = aesTokenCipher(async () => key);
    const sealer: ResponseSealer = { seal: (p, c) => cipher.encrypt(p, c), unseal: (c, ctx) => cipher.decrypt(c, ctx) };

    const sealedRouteChain = async (store: IdempotencyStore) => {
      const { request } = await runChain(store);
      const { route } = request.context.bankline.apiRequest;
      request.context.bankline.apiRequest.route = { ...route!, sealedResponseFields: ['secret'] };
      request.response = firstResponse;
      return request;
    };

    it('stores the field only as ciphertext, and a replay returns the first body', async () => {
      const store = fakeStore();
      await idempotency(store, clock, sealer).after!(await sealedRouteChain(store));
      const stored = store.complete.mock.calls[0]![3];
      expect(JSON.stringify(stored)).not.toContain(TOKEN);
      expect(stored.sealed_fields).toEqual(['secret']);
      const replay = async (chosen?: ResponseSealer) => {
        const { request } = await runChain(fakeStore());
        return idempotency(fakeStore(existing({ response: stored })), clock, chosen).before!(request);
      };
      expect(await replay(sealer)).toEqual({
        statusCode: 201,
        headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true', 'X-Correlation-Id': 'corr-1' },
        body: firstResponse.body,
      });
      // Ciphertext is never handed out as if it were the token.
      await expect(replay(undefined)).rejects.toThrow(/no response sealer/);
    });

    it('never stores the response when the function supplies no sealer, or sealing fails', async () => {
      const failing: ResponseSealer = { seal: async () => Promise.reject(new Error('key unavailable')), unseal: sealer.unseal };
      for (const chosen of [undefined, failing]) {
        const store = fakeStore();
        await idempotency(store, clock, chosen).after!(await sealedRouteChain(store));
        expect(store.complete).not.toHaveBeenCalled();
        expect(store.release).toHaveBeenCalledTimes(1);
      }
    });
  });

  it('finishes a held key only once', async () => {
    const store = fakeStore();
    const { request } = await runChain(store);
    request.response = { statusCode: 201, headers: {}, body: '{}' };
    const middleware = idempotency(store, clock);
    await middleware.after!(request);
    await middleware.after!(request);
    expect(store.complete).toHaveBeenCalledTimes(1);
  });
});
