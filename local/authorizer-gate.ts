import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { GatewayResponseType } from './gateway-errors.js';
import { isPolicyDocument, policyAllows } from './iam-policy.js';

// The REQUEST authorizer step of API Gateway: identity source check, Lambda call, result cache
// keyed by the identity source (the Authorization header), policy evaluation. As on AWS, a
// revoked API key keeps working until its cached decision expires (cacheTtlSeconds).

export type AuthorizerFunction = (event: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

/** What the integration sees as `requestContext.authorizer`: the context plus principalId. */
export type AuthorizerContext = Record<string, string | number | boolean>;

export type AuthorizationOutcome =
  | { readonly allowed: true; readonly authorizer: AuthorizerContext }
  | { readonly allowed: false; readonly response: GatewayResponseType };

export interface AuthorizerGateOptions {
  readonly authorizer: () => Promise<AuthorizerFunction>;
  /** 0 disables caching (each request calls the authorizer). */
  readonly cacheTtlSeconds: number;
  readonly now?: () => number;
}

const IDENTITY_SOURCE = 'authorization';

const identityOf = (event: APIGatewayRequestAuthorizerEvent): string | undefined => {
  const { headers } = event;
  for (const name in headers) if (name.toLowerCase() === IDENTITY_SOURCE) return headers[name] || undefined;
  return undefined;
};

const isValidResult = (result: unknown): result is APIGatewayAuthorizerResult =>
  typeof result === 'object' &&
  result !== null &&
  typeof (result as APIGatewayAuthorizerResult).principalId === 'string' &&
  isPolicyDocument((result as APIGatewayAuthorizerResult).policyDocument);

/** API Gateway forwards only scalar context values; null/undefined entries are dropped. */
const integrationContext = (result: APIGatewayAuthorizerResult, latencyMs: number): AuthorizerContext => {
  const context: AuthorizerContext = {};
  for (const [key, value] of Object.entries(result.context ?? {})) {
    if (value !== null && value !== undefined) context[key] = value;
  }
  return { ...context, principalId: result.principalId, integrationLatency: latencyMs };
};

export const createAuthorizerGate = (options: AuthorizerGateOptions) => {
  const now = options.now ?? Date.now;
  // The integration context is derived once per decision, not per request that reuses it.
  const cache = new Map<string, { result: APIGatewayAuthorizerResult; expiresAt: number; context: AuthorizerContext }>();

  const evaluate = async (identity: string, event: APIGatewayRequestAuthorizerEvent) => {
    const hit = cache.get(identity);
    if (hit && hit.expiresAt > now()) return hit;
    cache.delete(identity);
    const started = now();
    const authorizer = await options.authorizer();
    const result: unknown = await authorizer(event);
    if (!isValidResult(result)) return undefined;
    const latencyMs = now() - started;
    const entry = { result, expiresAt: now() + options.cacheTtlSeconds * 1000, context: integrationContext(result, latencyMs) };
    if (options.cacheTtlSeconds > 0) cache.set(identity, entry);
    return entry;
  };

  return async (event: APIGatewayRequestAuthorizerEvent): Promise<AuthorizationOutcome> => {
    // A missing identity source is refused by API Gateway itself; the authorizer never runs.
    const identity = identityOf(event);
    if (!identity) return { allowed: false, response: 'UNAUTHORIZED' };
    let entry;
    try {
      entry = await evaluate(identity, event);
    } catch (error) {
      // Exactly "Unauthorized" is API Gateway's convention for 401; any other error is a 500.
      const unauthorized = error instanceof Error && error.message === 'Unauthorized';
      return { allowed: false, response: unauthorized ? 'UNAUTHORIZED' : 'AUTHORIZER_FAILURE' };
    }
    if (!entry) return { allowed: false, response: 'AUTHORIZER_CONFIGURATION_ERROR' };
    if (!policyAllows(entry.result.policyDocument, event.methodArn)) return { allowed: false, response: 'ACCESS_DENIED' };
    // A copy: the integration writes it into the request's event.
    return { allowed: true, authorizer: { ...entry.context } };
  };
};

export type AuthorizerGate = ReturnType<typeof createAuthorizerGate>;
