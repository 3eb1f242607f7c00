// Builds the middy request a middleware sees, from an API Gateway proxy event fixture, so a
// middleware's `before` can be called directly: no handler, no database, no network.
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { expect } from 'vitest';
import type { ChainMiddleware, ChainRequest } from '../../../../functions/http/middleware/types.js';
import type { ApiError } from '../../../../functions/http/api-error.js';
import { isExpected, toApiError } from '../../../../functions/http/error-mapping.js';

export type Fixture = 'apigw-proxy-post-customers' | 'apigw-proxy-get-customer' | 'apigw-proxy-list-customers';

/** A fresh deep copy of a fixture event each call, so tests can mutate it freely. */
export const fixtureEvent = (name: Fixture): APIGatewayProxyEvent =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')) as APIGatewayProxyEvent;

export const chainRequest = (event: APIGatewayProxyEvent): ChainRequest =>
  ({
    event,
    context: { awsRequestId: 'aws-request-id', bankline: { correlationId: 'corr-1', apiRequest: {} } },
    response: undefined,
    error: undefined,
    internal: {},
  }) as unknown as ChainRequest;

/** Runs the middleware's `before` and returns the request for inspection. */
export const runBefore = async (middleware: ChainMiddleware, event: APIGatewayProxyEvent): Promise<ChainRequest> => {
  const request = chainRequest(event);
  await middleware.before!(request);
  return request;
};

/** Runs `before`, expecting a domain or HTTP error, and returns it as the HTTP edge answers it. */
export const rejectionOf = async (middleware: ChainMiddleware, event: APIGatewayProxyEvent): Promise<ApiError> => {
  let caught: unknown;
  try {
    await middleware.before!(chainRequest(event));
  } catch (error) {
    caught = error;
  }
  expect(isExpected(caught), 'expected the middleware to reject the request with a domain or HTTP error').toBe(true);
  return toApiError(caught);
};
