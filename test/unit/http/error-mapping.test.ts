import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../functions/http/api-error.js';
import { isExpected, toApiError } from '../../../functions/http/error-mapping.js';
import {
  AccountClosed,
  AlreadyExists,
  badRequest,
  ConcurrentModification,
  Conflict,
  type DomainError,
  type DomainErrorName,
  Forbidden,
  IdempotencyKeyInUse,
  IdempotencyKeyReuse,
  InternalError,
  InvalidInput,
  InvalidTransition,
  NonZeroBalance,
  NotFound,
  notFound,
  PrerequisitesMissing,
  RuleViolation,
  Unauthenticated,
} from '../../../functions/shared/errors.js';

const BASE = 'https://dev.synctera.com/errors/';

// One of every domain error class, with the status and Synctera type/title it answers with.
const EVERY: ReadonlyArray<readonly [DomainError, number, slug: string, title: string]> = [
  [new InvalidInput('d'), 400, 'bad-request-body', 'Bad Request Body'],
  [new PrerequisitesMissing('d'), 400, 'prerequisites-missing', 'Prerequisites Missing'],
  [new Unauthenticated(), 401, 'unauthorized', 'Unauthorized'],
  [new Forbidden('d'), 403, 'forbidden', 'Forbidden'],
  [new NotFound('d'), 404, 'not-found', 'Not Found'],
  [new Conflict('d'), 409, 'conflict', 'Conflict'],
  [new AlreadyExists('d'), 409, 'conflict', 'Conflict'],
  [new ConcurrentModification('d'), 409, 'conflict', 'Conflict'],
  [new IdempotencyKeyInUse('d'), 409, 'idempotency-concurrent-use', 'Idempotency Key In Use'],
  [new IdempotencyKeyReuse('d'), 422, 'idempotency-invalid-reuse', 'Idempotency Key Reused'],
  [new RuleViolation('d'), 422, 'unprocessable-entity', 'Unprocessable Entity'],
  [new NonZeroBalance('d'), 422, 'unprocessable-entity', 'Unprocessable Entity'],
  [new InvalidTransition('A', 'B', 'why'), 422, 'unprocessable-entity', 'Unprocessable Entity'],
  [new AccountClosed('d'), 461, 'account-closed', 'Account Closed'],
  [new InternalError(), 500, 'internal-server-error', 'Internal Server Error'],
];

describe('toApiError: the HTTP status and body of every failure', () => {
  it('covers every domain error class', () => {
    const names = new Set<DomainErrorName>(EVERY.map(([error]) => error.name));
    expect(names.size).toBe(EVERY.length);
  });

  it.each(EVERY)('%#: %s answers %i', (error, status, slug, title) => {
    expect(toApiError(error).toBody()).toEqual({ type: BASE + slug, title, status, detail: error.detail, code: error.code });
  });

  it('writes the body byte for byte as before: type, title, status, detail, code', () => {
    expect(JSON.stringify(toApiError(notFound('customer')).toBody())).toBe(
      '{"type":"https://dev.synctera.com/errors/not-found","title":"Not Found","status":404,"detail":"customer not found","code":"NOT_FOUND"}',
    );
    expect(JSON.stringify(toApiError(badRequest('missing required fields: first_name')).toBody())).toBe(
      '{"type":"https://dev.synctera.com/errors/bad-request-body","title":"Bad Request Body","status":400,' +
        '"detail":"missing required fields: first_name","code":"BAD_REQUEST_BODY"}',
    );
  });

  it('survives JSON serialisation with no message, name, stack or field', () => {
    const parsed = JSON.parse(JSON.stringify(toApiError(new InvalidInput('x', { field: 'limit' })).toBody())) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  });

  it.each([
    ['BAD_QUERY_PARAMETER', 'bad-query-parameter', 'Bad Query Parameter'],
    ['BAD_PATH_PARAMETER', 'bad-path-parameter', 'Bad Path Parameter'],
    ['BAD_HEADER', 'bad-request', 'Bad Request'],
    ['BAD_REQUEST', 'bad-request', 'Bad Request'],
  ] as const)('gives input code %s its slug and title', (code, slug, title) => {
    expect(toApiError(new InvalidInput('d', { code })).toBody()).toMatchObject({ type: BASE + slug, title, status: 400, code });
  });

  it('keeps PREREQUISITES_MISSING at 422 when a rule (not the request) lacks the fields', () => {
    expect(toApiError(new RuleViolation('d', { code: 'PREREQUISITES_MISSING' })).toBody()).toMatchObject({
      type: `${BASE}prerequisites-missing`,
      status: 422,
      code: 'PREREQUISITES_MISSING',
    });
  });

  it('passes an HTTP-only ApiError through unchanged', () => {
    const tooLarge = new ApiError(413, 'REQUEST_TOO_LARGE', 'd');
    expect(toApiError(tooLarge)).toBe(tooLarge);
    expect(tooLarge.toBody()).toMatchObject({ type: `${BASE}request-too-large`, title: 'Request Entity Too Large', status: 413 });
    expect(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'd').toBody()).toMatchObject({
      type: `${BASE}unsupported-media-type`,
      title: 'Unsupported Media Type',
    });
  });

  it('falls back to the 500 slug for a status it has no entry for, keeping the real status', () => {
    expect(new ApiError(418, 'CONFLICT', 'teapot').toBody()).toMatchObject({ type: `${BASE}internal-server-error`, status: 418 });
  });

  it('turns anything else into a bare 500 that reveals nothing', () => {
    for (const thrown of [new Error('ConditionalCheckFailed pk=TENANT#t1'), 'odd', undefined]) {
      const apiError = toApiError(thrown);
      expect(apiError.toBody()).toEqual({
        type: `${BASE}internal-server-error`,
        title: 'Internal Server Error',
        status: 500,
        detail: 'an internal error occurred; retry later',
        code: 'INTERNAL_SERVER_ERROR',
      });
      expect(isExpected(thrown)).toBe(false);
    }
  });

  it('tells expected failures from crashes', () => {
    expect(isExpected(new NotFound('d'))).toBe(true);
    expect(isExpected(new ApiError(413, 'REQUEST_TOO_LARGE', 'd'))).toBe(true);
    expect(isExpected(new Error('d'))).toBe(false);
  });
});
