// The one route table. CDK builds API Gateway resources from it, the local twin matches
// requests against it, and each domain handler dispatches on it. Pure data: no imports, so
// reading it never pulls handler code into the CDK app or the other way round.

export const PERMISSIONS = [
  'customer:read',
  'customer:write',
  'account:read',
  'account:write',
  'external_account:read',
  'external_account:write',
  'webhook:read',
  'webhook:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const DOMAINS = ['customers'] as const;
export type Domain = (typeof DOMAINS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource path, `{name}` for path parameters. */
  readonly path: string;
  readonly domain: Domain;
  readonly operation: string;
  readonly permission: Permission;
  /** Whether an `Idempotency-Key` header is honoured (every POST, and PATCH where Synctera declares it). */
  readonly idempotent: boolean;
}

const route = (
  method: HttpMethod,
  path: string,
  domain: Domain,
  operation: string,
  permission: Permission,
): Route => ({ method, path, domain, operation, permission, idempotent: method === 'POST' || method === 'PATCH' });

export const ROUTES: readonly Route[] = [
  route('POST', '/v0/customers', 'customers', 'createCustomer', 'customer:write'),
  route('GET', '/v0/customers', 'customers', 'listCustomers', 'customer:read'),
  route('GET', '/v0/customers/{customer_id}', 'customers', 'getCustomer', 'customer:read'),
  route('PATCH', '/v0/customers/{customer_id}', 'customers', 'patchCustomer', 'customer:write'),
  route('POST', '/v0/customers/{customer_id}/verify', 'customers', 'verifyCustomer', 'customer:write'),
  route('GET', '/v0/customers/{customer_id}/verifications', 'customers', 'listCustomerVerifications', 'customer:read'),

  route('POST', '/v0/persons', 'customers', 'createPerson', 'customer:write'),
  route('GET', '/v0/persons', 'customers', 'listPersons', 'customer:read'),
  route('GET', '/v0/persons/{person_id}', 'customers', 'getPerson', 'customer:read'),
  route('PATCH', '/v0/persons/{person_id}', 'customers', 'patchPerson', 'customer:write'),

  route('POST', '/v0/businesses', 'customers', 'createBusiness', 'customer:write'),
  route('GET', '/v0/businesses', 'customers', 'listBusinesses', 'customer:read'),
  route('GET', '/v0/businesses/{business_id}', 'customers', 'getBusiness', 'customer:read'),
  route('PATCH', '/v0/businesses/{business_id}', 'customers', 'patchBusiness', 'customer:write'),

  route('POST', '/v0/verifications/verify', 'customers', 'runVerification', 'customer:write'),
  route('GET', '/v0/verifications', 'customers', 'listVerifications', 'customer:read'),
  route('GET', '/v0/verifications/{verification_id}', 'customers', 'getVerification', 'customer:read'),
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export const routesOf = (domain: Domain): readonly Route[] => ROUTES.filter((r) => r.domain === domain);
