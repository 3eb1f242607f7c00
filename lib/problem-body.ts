// Builds the Synctera error body (RFC 7807 superset: type, title, status, detail, code) for
// errors that API Gateway or WAF answer before any handler runs. Titles and slugs follow
// functions/shared/errors.ts (ApiError#toBody); that module's codes lack the edge-only cases
// (RATE_LIMITED, BAD_REQUEST, GATEWAY_TIMEOUT), hence this small twin for the CDK side.

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const ERROR_TYPE_BASE = 'https://dev.synctera.com/errors/';

export interface Problem {
  readonly status: number;
  /** Machine code, e.g. `RATE_LIMITED`; the `type` URI is derived from it. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

/** `RATE_LIMITED` → `https://dev.synctera.com/errors/rate-limited`, as Synctera's `bad-request-body`. */
export const problemType = (code: string): string => `${ERROR_TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`;

export function problemBody(problem: Problem): string {
  return JSON.stringify({
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
  });
}

const problem = (status: number, code: string, title: string, detail: string): Problem => ({
  status,
  code,
  title,
  detail,
});

/** Every error the edge (API Gateway, WAF) answers itself, so each text is written once. */
export const EDGE_PROBLEMS = {
  unauthorized: problem(401, 'UNAUTHORIZED', 'Unauthorized', 'missing or invalid API key'),
  accessDenied: problem(403, 'FORBIDDEN', 'Forbidden', 'the API key may not call this route'),
  firewallBlocked: problem(403, 'FORBIDDEN', 'Forbidden', 'request blocked by the firewall'),
  noSuchRoute: problem(404, 'NOT_FOUND', 'Not Found', 'no such route'),
  tooLarge: problem(413, 'REQUEST_TOO_LARGE', 'Request Entity Too Large', 'the request is too large'),
  rateLimited: problem(429, 'RATE_LIMITED', 'Too Many Requests', 'rate limit exceeded; retry later'),
  badRequest: problem(400, 'BAD_REQUEST', 'Bad Request', 'the request could not be processed'),
  timeout: problem(504, 'GATEWAY_TIMEOUT', 'Gateway Timeout', 'the request timed out'),
  internal: problem(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error', 'an internal error occurred; retry later'),
} as const;
