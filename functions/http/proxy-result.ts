import type { APIGatewayProxyResult } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE } from './api-error.js';
import type { ApiResponse } from './api-request.js';
import { toApiError } from './error-mapping.js';

export const toProxyResult = (response: ApiResponse): APIGatewayProxyResult => ({
  statusCode: response.statusCode,
  headers: { 'Content-Type': 'application/json', ...response.headers },
  body: response.body === undefined ? '' : JSON.stringify(response.body),
});

/** Failure as a response, mapped once (error-mapping.ts): anything unknown is a bare 500 with no internals. */
export const errorResult = (error: unknown): APIGatewayProxyResult => {
  const apiError = toApiError(error);
  return {
    statusCode: apiError.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(apiError.toBody()),
  };
};
