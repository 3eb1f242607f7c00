// The Synctera error bodies that API Gateway and WAF answer themselves, before any handler runs.
// Built by the same edge mapping the handlers answer through (functions/http/error-mapping.ts),
// so an edge 401 and a handler 401 cannot drift.
import { ApiError, PROBLEM_CONTENT_TYPE } from '../functions/http/api-error.js';
import { toApiError } from '../functions/http/error-mapping.js';
import { Forbidden, InternalError, InvalidInput, NotFound, Unauthenticated } from '../functions/shared/domain-errors.js';

export { PROBLEM_CONTENT_TYPE };

export type Problem = ApiError;

/** `RATE_LIMITED` → `https://dev.synctera.com/errors/rate-limited`: for edge codes the slug is the code. */
export const problemType = (code: string): string => `https://dev.synctera.com/errors/${code.toLowerCase().replaceAll('_', '-')}`;

export const problemBody = (problem: Problem): string => JSON.stringify(problem.toBody());

/** Every error the edge (API Gateway, WAF) answers itself, so each text is written once. */
export const EDGE_PROBLEMS = {
  unauthorized: toApiError(new Unauthenticated()),
  accessDenied: toApiError(new Forbidden('the API key may not call this route')),
  firewallBlocked: toApiError(new Forbidden('request blocked by the firewall')),
  noSuchRoute: toApiError(new NotFound('no such route')),
  // Only HTTP has these: no domain error stands for them.
  tooLarge: new ApiError(413, 'REQUEST_TOO_LARGE', 'the request is too large'),
  rateLimited: new ApiError(429, 'RATE_LIMITED', 'rate limit exceeded; retry later'),
  badRequest: toApiError(new InvalidInput('the request could not be processed', { code: 'BAD_REQUEST' })),
  timeout: new ApiError(504, 'GATEWAY_TIMEOUT', 'the request timed out'),
  internal: toApiError(new InternalError()),
} as const;
