import type { APIGatewayProxyResult } from 'aws-lambda';
import { ApiError, internalError, PROBLEM_CONTENT_TYPE } from '../shared/errors.js';
import type { ApiResponse } from './api-request.js';

export const toProxyResult = (response: ApiResponse): APIGatewayProxyResult => ({
  statusCode: response.statusCode,
  headers: { 'Content-Type': 'application/json', ...response.headers },
  body: response.body === undefined ? '' : JSON.stringify(response.body),
});

/** The one place failure becomes a response: ApiErrors as they are, anything else a bare 500 with no internals. */
export const errorResult = (error: unknown): APIGatewayProxyResult => {
  const apiError = error instanceof ApiError ? error : internalError();
  return {
    statusCode: apiError.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(apiError.toBody()),
  };
};
