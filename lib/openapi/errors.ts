import type { Route } from '../../functions/routes.js';

// The error answers a route can give, each with Synctera's error body. Every route can be refused
// by the edge and the chain (bad input, no key, no permission, unknown id, rate limit, a crash or
// a timeout); a route with a body can also get a wrong media type; a write a conflict or a rule's
// refusal (and, when idempotent, the Idempotency-Key refusals, the same statuses). A route's own
// extra statuses come from functions/route-schemas.ts.

export const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad input: `detail` names the field or parameter (`BAD_REQUEST_BODY`, `BAD_QUERY_PARAMETER`, `BAD_PATH_PARAMETER`, `BAD_HEADER`, `PREREQUISITES_MISSING`).',
  401: 'Missing, malformed, unknown or revoked API key (`UNAUTHORIZED`).',
  403: 'The API key lacks the route’s permission, or the route is sandbox-only (`FORBIDDEN`).',
  404: 'No such resource for this tenant, or no such route (`NOT_FOUND`).',
  409: 'Conflict: the resource changed or exists, or the Idempotency-Key is in use (`CONFLICT`, `IDEMPOTENCY_CONCURRENT_USE`).',
  413: 'The request body is too large (`REQUEST_TOO_LARGE`).',
  415: 'The body is not `application/json` (`UNSUPPORTED_MEDIA_TYPE`).',
  422: 'A business rule refused the request, or the Idempotency-Key was reused with another request (`IDEMPOTENCY_INVALID_REUSE`).',
  429: 'Rate limited; retry later (`RATE_LIMITED`).',
  431: 'The request line or headers are too large (`REQUEST_HEADER_FIELDS_TOO_LARGE`).',
  461: 'The account is closed (Synctera’s own status).',
  500: 'Internal error, or the function failed; the body reveals nothing (`INTERNAL_SERVER_ERROR`).',
  502: 'The aggregator failed (`VENDOR_UNAVAILABLE`).',
  503: 'The aggregator did not answer in time; retry later (`VENDOR_TIMEOUT`).',
  504: 'The request timed out (`GATEWAY_TIMEOUT`).',
};

// No 502 here: API Gateway answers a failed function with a 500 (DEFAULT_5XX); only the vendor
// routes' aggregator failures are 502s.
const EVERY_ROUTE = [400, 401, 403, 404, 413, 429, 431, 500, 504];
const WITH_BODY = new Set(['POST', 'PATCH', 'PUT']);

/** The error statuses of a route, ascending: the common ones, its kind's, and its own. */
export const errorStatusesOf = (route: Pick<Route, 'method' | 'idempotent'>, own: readonly number[] = []): number[] => {
  const statuses = new Set([...EVERY_ROUTE, ...own]);
  if (WITH_BODY.has(route.method)) statuses.add(415);
  if (route.method !== 'GET' || route.idempotent) for (const status of [409, 422]) statuses.add(status);
  return [...statuses].sort((x, y) => x - y);
};
