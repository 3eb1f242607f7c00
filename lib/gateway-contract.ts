// What API Gateway itself promises clients, stated without CDK imports so the local twin can
// load it cheaply: the authorizer cache lifetime and the body of every gateway response.
import { EDGE_PROBLEMS, type Problem } from './problem-body.js';

/** API Gateway caches each key's authorizer answer this long: the revocation delay. */
export const AUTHORIZER_CACHE_TTL_SECONDS = 300;

/** Gateway response type (API Gateway's name) → the Synctera problem it answers with. */
export const GATEWAY_ERRORS: ReadonlyArray<readonly [responseType: string, problem: Problem]> = [
  ['UNAUTHORIZED', EDGE_PROBLEMS.unauthorized],
  ['ACCESS_DENIED', EDGE_PROBLEMS.accessDenied],
  ['WAF_FILTERED', EDGE_PROBLEMS.firewallBlocked],
  // A REST API answers an unknown path or method with this type (403 by default); it is a 404.
  ['MISSING_AUTHENTICATION_TOKEN', EDGE_PROBLEMS.noSuchRoute],
  ['RESOURCE_NOT_FOUND', EDGE_PROBLEMS.noSuchRoute],
  ['REQUEST_TOO_LARGE', EDGE_PROBLEMS.tooLarge],
  ['THROTTLED', EDGE_PROBLEMS.rateLimited],
  ['QUOTA_EXCEEDED', EDGE_PROBLEMS.rateLimited],
  ['DEFAULT_4XX', EDGE_PROBLEMS.badRequest],
  // 504, not 500: the request may still complete, so a client retries with the same Idempotency-Key.
  ['INTEGRATION_TIMEOUT', EDGE_PROBLEMS.timeout],
  ['AUTHORIZER_FAILURE', EDGE_PROBLEMS.internal],
  ['AUTHORIZER_CONFIGURATION_ERROR', EDGE_PROBLEMS.internal],
  ['DEFAULT_5XX', EDGE_PROBLEMS.internal],
];
