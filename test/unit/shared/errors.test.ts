import { describe, expect, it } from 'vitest';
import {
  ApiError,
  badRequest,
  conflict,
  forbidden,
  internalError,
  notFound,
  unauthorized,
  unprocessable,
} from '../../../functions/shared/errors.js';

const BASE = 'https://dev.synctera.com/errors/';

describe('ApiError.toBody', () => {
  it('has exactly the Synctera superset fields type, title, status, detail, code', () => {
    const body = badRequest('missing required fields: first_name').toBody();
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
    expect(body).toEqual({
      type: `${BASE}bad-request-body`,
      title: 'Bad Request Body',
      status: 400,
      detail: 'missing required fields: first_name',
      code: 'BAD_REQUEST_BODY',
    });
  });

  it('survives JSON serialisation with no message, name or stack', () => {
    const parsed = JSON.parse(JSON.stringify(badRequest('x').toBody())) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('stack');
    expect(parsed).not.toHaveProperty('name');
    expect(parsed).not.toHaveProperty('message');
  });

  it.each([
    ['BAD_QUERY_PARAMETER', 'bad-query-parameter', 'Bad Query Parameter'],
    ['BAD_PATH_PARAMETER', 'bad-path-parameter', 'Bad Path Parameter'],
    ['PREREQUISITES_MISSING', 'prerequisites-missing', 'Prerequisites Missing'],
  ] as const)('gives code %s its own slug and title', (code, slug, title) => {
    const body = new ApiError(400, code, 'd').toBody();
    expect(body.type).toBe(BASE + slug);
    expect(body.title).toBe(title);
  });

  it('gives the idempotency codes their own slugs whatever the status', () => {
    expect(new ApiError(422, 'IDEMPOTENCY_INVALID_REUSE', 'd').toBody()).toMatchObject({
      type: `${BASE}idempotency-invalid-reuse`,
      status: 422,
      code: 'IDEMPOTENCY_INVALID_REUSE',
    });
    expect(new ApiError(409, 'IDEMPOTENCY_CONCURRENT_USE', 'd').toBody()).toMatchObject({
      type: `${BASE}idempotency-concurrent-use`,
      status: 409,
      code: 'IDEMPOTENCY_CONCURRENT_USE',
    });
  });

  it.each([
    [unauthorized(), 401, 'unauthorized', 'Unauthorized', 'UNAUTHORIZED'],
    [forbidden('no customer:write'), 403, 'forbidden', 'Forbidden', 'FORBIDDEN'],
    [notFound('customer'), 404, 'not-found', 'Not Found', 'NOT_FOUND'],
    [conflict('dup'), 409, 'conflict', 'Conflict', 'CONFLICT'],
    [unprocessable('rule'), 422, 'unprocessable-entity', 'Unprocessable Entity', 'UNPROCESSABLE_ENTITY'],
    [internalError(), 500, 'internal-server-error', 'Internal Server Error', 'INTERNAL_SERVER_ERROR'],
    [new ApiError(413, 'REQUEST_TOO_LARGE', 'd'), 413, 'request-too-large', 'Request Entity Too Large', 'REQUEST_TOO_LARGE'],
    [new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'd'), 415, 'unsupported-media-type', 'Unsupported Media Type', 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('falls back to the status slug for %#', (error, status, slug, title, code) => {
    expect(error.toBody()).toMatchObject({ type: BASE + slug, title, status, code });
  });

  it('uses the non-standard 461 Account Closed title', () => {
    expect(new ApiError(461, 'ACCOUNT_CLOSED', 'account is closed').toBody()).toMatchObject({
      type: `${BASE}account-closed`,
      title: 'Account Closed',
      status: 461,
    });
  });

  it('falls back to the 500 slug for a status it has no entry for, keeping the real status', () => {
    expect(new ApiError(418, 'CONFLICT', 'teapot').toBody()).toMatchObject({
      type: `${BASE}internal-server-error`,
      status: 418,
    });
  });
});

describe('error factories', () => {
  it('notFound names the resource', () => {
    expect(notFound('business').detail).toBe('business not found');
  });

  it('internalError reveals nothing about the cause', () => {
    expect(internalError().detail).toBe('an internal error occurred; retry later');
  });

  it('ApiError is an Error whose message is the detail', () => {
    const error = badRequest('limit is bad', 'BAD_QUERY_PARAMETER');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('limit is bad');
    expect(error.code).toBe('BAD_QUERY_PARAMETER');
  });
});
