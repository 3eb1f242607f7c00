import { ApiError, PROBLEM_CONTENT_TYPE } from '../functions/http/api-error.js';
import { toApiError } from '../functions/http/error-mapping.js';
import { NotFound } from '../functions/shared/domain-errors.js';
import type { GatewayResponse } from './integration.js';

// The twin's kinder answers where API Gateway would only say "no such route" (404 through the
// MISSING_AUTHENTICATION_TOKEN gateway response): a wrong method on a Bankline resource, and a
// Synctera route Bankline does not serve. Local only; AWS answers both with the plain 404.

const answer = (error: ApiError, headers: Record<string, string> = {}): GatewayResponse => ({
  statusCode: error.status,
  headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  body: Buffer.from(JSON.stringify(error.toBody()), 'utf8'),
});

export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]): GatewayResponse =>
  answer(new ApiError(405, 'METHOD_NOT_ALLOWED', `${method.toUpperCase()} is not allowed on ${path}; allowed: ${allowed.join(', ')}`), {
    Allow: allowed.join(', '),
  });

export const unservedSyncteraRoute = (syncteraRoute: string): GatewayResponse =>
  answer(toApiError(new NotFound(`${syncteraRoute} is a Synctera route that Bankline does not serve; see /docs for the routes it serves`)));
