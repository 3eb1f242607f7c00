import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { decide, fingerprint, hashKey, isStorable, isValidIdempotencyKey, type StoredResponse } from '../../idempotency/model.js';
import type { HeldKey } from '../../idempotency/held-key.js';
import type { IdempotencyStore, ResponseSealer } from '../../idempotency/ports.js';
import { openResponse, sealResponse } from '../../idempotency/sealed-response.js';
import { badRequest, IdempotencyKeyInUse, IdempotencyKeyReuse } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.js';
import { logger } from '../../shared/logger.js';
import { isExpected } from '../error-mapping.js';
import { errorResult } from '../proxy-result.js';
import { header, type ChainMiddleware, type ChainRequest } from './types.js';

const REPLAY_HEADER = 'Idempotent-Replayed';

const toStored = (result: APIGatewayProxyResult): StoredResponse => ({
  statusCode: result.statusCode,
  headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
  body: result.body,
});

/** The response as it may sit in the table: the route's sealed fields encrypted, or nothing when they cannot be. */
const storable = async (request: ChainRequest, result: APIGatewayProxyResult, sealer: ResponseSealer | undefined) => {
  const held = request.context.bankline.idempotency as HeldKey;
  const fields = request.context.bankline.apiRequest.route?.sealedResponseFields ?? [];
  if (fields.length === 0) return toStored(result);
  if (!sealer) return undefined;
  try {
    return await sealResponse(toStored(result), fields, sealer, held.tenantId, held.keyHash);
  } catch (error) {
    // The client still gets its answer. Nothing is stored: a retry finds the change applied (409), or
    // runs again if nothing was written; never a copy in clear.
    logger.error('could not seal the response stored for replay', { error: (error as Error).name });
    return undefined;
  }
};

const finish = async (
  store: IdempotencyStore,
  sealer: ResponseSealer | undefined,
  request: ChainRequest,
  result: APIGatewayProxyResult,
  code?: string,
) => {
  const held = request.context.bankline.idempotency;
  if (!held?.acquired) return;
  held.acquired = false;
  const stored = isStorable(result.statusCode, code) ? await storable(request, result, sealer) : undefined;
  if (stored) await store.complete(held.tenantId, held.keyHash, held.lockToken, stored);
  else await store.release(held.tenantId, held.keyHash, held.lockToken);
};

/**
 * Contract §1.4, scoped to the caller's tenant: the first response is replayed, a different
 * request under the same key is refused, and a duplicate arriving mid-flight gets 409.
 * Runs last in the `before` chain, so requests rejected earlier never take the key.
 * `sealer` encrypts the fields a route declares sealed (Route.sealedResponseFields) in the stored
 * copy; without one, such a route's response is never stored.
 */
export const idempotency = (store: IdempotencyStore, clock: Clock, sealer?: ResponseSealer): ChainMiddleware => ({
  before: async (request) => {
    const state = request.context.bankline.apiRequest;
    if (!state.route?.idempotent || !state.principal) return;
    const key = header(request.event, 'idempotency-key');
    if (key === undefined) return;
    if (!isValidIdempotencyKey(key)) {
      throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters', 'BAD_HEADER');
    }
    const tenantId = state.principal.tenantId;
    const keyHash = hashKey(key);
    const print = fingerprint(request.event.httpMethod, request.event.path, state.body);
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    const lockToken = randomUUID();
    const outcome = await store.acquire(tenantId, keyHash, print, nowSeconds, lockToken);
    if (outcome.acquired) {
      request.context.bankline.idempotency = { tenantId, keyHash, lockToken, committed: false, acquired: true };
      state.idempotencyKey = key;
      return;
    }
    const decision = decide(outcome.existing, print);
    if (decision.kind === 'mismatch') {
      throw new IdempotencyKeyReuse('this Idempotency-Key was already used for a different request');
    }
    if (decision.kind === 'applied') {
      throw new IdempotencyKeyInUse(
        'a request with this Idempotency-Key was applied but its response is not stored yet; retry shortly, or read the resource',
      );
    }
    if (decision.kind === 'in_progress') {
      throw new IdempotencyKeyInUse('a request with this Idempotency-Key is still in progress');
    }
    const { statusCode, headers, body } = await openResponse(decision.response, sealer, tenantId, keyHash);
    // Early responses skip the `after` chain, so the correlation header is set here.
    return {
      statusCode,
      headers: { ...headers, [REPLAY_HEADER]: 'true', 'X-Correlation-Id': request.context.bankline.correlationId },
      body,
    };
  },
  after: async (request) => {
    if (request.response) await finish(store, sealer, request, request.response);
  },
  onError: async (request) => {
    const { error } = request;
    await finish(store, sealer, request, errorResult(error), isExpected(error) ? error.code : undefined);
  },
});
