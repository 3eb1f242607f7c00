// One row of the route table and the two ways to write one: a single route, or the same operation
// under /v0 and /v2. Pure data: the route table must never pull handler code.
import type { RoutePermission } from './permissions.js';

export const DOMAINS = [
  'customers',
  'accounts',
  'mappings',
  'external_accounts',
  'external_accounts_vendor',
  'webhooks',
  'ledger',
  'closures',
  'operator',
] as const;
export type Domain = (typeof DOMAINS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource path, `{name}` for path parameters. */
  readonly path: string;
  readonly domain: Domain;
  readonly operation: string;
  readonly permission: RoutePermission;
  /** Whether an `Idempotency-Key` header is honoured (every POST, and PATCH where Synctera declares it). */
  readonly idempotent: boolean;
  /**
   * Top-level response fields that are bearer credentials: the response stored for Idempotency-Key
   * replay holds them only encrypted, by the sealer the domain's handler must supply.
   */
  readonly sealedResponseFields?: readonly string[];
  /**
   * A console action (issue 13): besides tenant keys holding the route's permission, an operator
   * key holding `console:act` may call it. Every other write route is closed to operator keys.
   */
  readonly consoleAction?: true;
  /**
   * Served for the caller's organization, not one tenant: no X-Bankline-Tenant, no tenant scope.
   * Only operator keys hold `organization:read`.
   */
  readonly organizationScoped?: true;
}

interface RouteOptions {
  readonly sealedResponseFields?: readonly string[];
  readonly consoleAction?: true;
  readonly organizationScoped?: true;
}

export const route = (
  method: HttpMethod,
  path: string,
  domain: Domain,
  operation: string,
  permission: RoutePermission,
  options: RouteOptions = {},
): Route => ({
  method,
  path,
  domain,
  operation,
  permission,
  idempotent: method === 'POST' || method === 'PATCH',
  ...options,
});

/**
 * The same operation under `/v0` and `/v2` (contract §1.1, §2.13): the v2 route's operation
 * name carries a `V2` suffix, and the handler answers with the v2 superset fields.
 */
export const bothVersions = (
  method: HttpMethod,
  path: string,
  domain: Domain,
  operation: string,
  permission: RoutePermission,
  options: RouteOptions = {},
): Route[] => [
  route(method, `/v0${path}`, domain, operation, permission, options),
  route(method, `/v2${path}`, domain, `${operation}V2`, permission, options),
];
