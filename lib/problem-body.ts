// The Synctera error bodies that API Gateway and WAF answer themselves, before any handler runs.
// Built by the same ApiError the handlers throw, so an edge 401 and a handler 401 cannot drift.
import { ApiError, PROBLEM_CONTENT_TYPE } from '../functions/shared/errors.js';

export { PROBLEM_CONTENT_TYPE };

export type Problem = ApiError;

/** `RATE_LIMITED` → `https://dev.synctera.com/errors/rate-limited`: for edge codes the slug is the code. */
export const problemType = (code: string): string => `https://dev.synctera.com/errors/${code.toLowerCase().replaceAll('_', '-')}`;

export const problemBody = (problem: Problem): string => JSON.stringify(problem.toBody());

/** Every error the edge (API Gateway, WAF) answers itself, so each text is written once. */
export const EDGE_PROBLEMS = {
  unauthorized: new ApiError(401, 'UNAUTHORIZED', 'missing or invalid API key'),
  accessDenied: new ApiError(403, 'FORBIDDEN', 'the API key may not call this route'),
  firewallBlocked: new ApiError(403, 'FORBIDDEN', 'request blocked by the firewall'),
  noSuchRoute: new ApiError(404, 'NOT_FOUND', 'no such route'),
  tooLarge: new ApiError(413, 'REQUEST_TOO_LARGE', 'the request is too large'),
  rateLimited: new ApiError(429, 'RATE_LIMITED', 'rate limit exceeded; retry later'),
  badRequest: new ApiError(400, 'BAD_REQUEST', 'the request could not be processed'),
  timeout: new ApiError(504, 'GATEWAY_TIMEOUT', 'the request timed out'),
  internal: new ApiError(500, 'INTERNAL_SERVER_ERROR', 'an internal error occurred; retry later'),
} as const;
