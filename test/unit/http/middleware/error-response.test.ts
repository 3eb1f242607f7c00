import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '../../../../functions/http/middleware/error-response.js';
import { ApiError } from '../../../../functions/http/api-error.js';
import { AccountClosed, forbidden } from '../../../../functions/shared/errors.js';
import { chainRequest, fixtureEvent } from './chain-request.js';

afterEach(() => vi.restoreAllMocks());

const silenceLogs = () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
};

const handle = async (error: Error) => {
  silenceLogs();
  const request = chainRequest(fixtureEvent('apigw-proxy-get-customer'));
  request.error = error;
  await errorResponse().onError!(request);
  return request.response!;
};

describe('errorResponse middleware', () => {
  it('turns a domain error into its problem+json body and status, with the correlation id', async () => {
    const response = await handle(forbidden('this API key lacks the customer:write permission'));
    expect(response.statusCode).toBe(403);
    expect(response.headers).toEqual({ 'Content-Type': 'application/problem+json', 'X-Correlation-Id': 'corr-1' });
    expect(JSON.parse(response.body)).toEqual({
      type: 'https://dev.synctera.com/errors/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'this API key lacks the customer:write permission',
      code: 'FORBIDDEN',
    });
  });

  it('turns anything else into a bare 500 that reveals nothing about the cause', async () => {
    const internal = new Error('ConditionalCheckFailed on table bankline-prod pk=TENANT#t1 at /var/task/index.js:1:2');
    const response = await handle(internal);
    expect(response.statusCode).toBe(500);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(response.body).not.toContain('bankline-prod');
    expect(response.body).not.toContain('TENANT#');
    expect(response.body).not.toContain('index.js');
    expect(body).not.toHaveProperty('stack');
  });

  it('keeps non-standard statuses such as 461', async () => {
    const response = await handle(new AccountClosed('account is closed'));
    expect(response.statusCode).toBe(461);
    expect(JSON.parse(response.body).title).toBe('Account Closed');
  });

  it('serves an HTTP-only ApiError as it is', async () => {
    const response = await handle(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json'));
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported Media Type' });
  });
});
