import type { APIGatewayProxyEvent } from 'aws-lambda';
import { tenantOrganizationOf } from '../../adapters/dynamodb/tenant-organization.js';
import { type Domain, possiblePermissions, routeKey, routesOf, type Route } from '../../routes.js';
import { parseDeviceInfo } from '../../shared/device-info.js';
import { badRequest, unauthorized } from '../../shared/errors.js';
import { ApiError } from '../api-error.js';
import { isUuid } from '../../shared/ids.js';
import { admittingPermissions, checkOperatorRoute, checkTenantInOrganization, requestedTenant, TENANT_HEADER } from '../operator-access.js';
import type { Principal } from '../../tenancy/model.js';
import { lacking } from '../permissions.js';
import { principalFromContext } from '../principal-context.js';
import { header, type ChainMiddleware } from './types.js';

const indexRoutes = (routes: readonly Route[]): Map<string, Route> =>
  new Map(routes.map((route) => [routeKey(route.method, route.path), route]));

const queryOf = (event: APIGatewayProxyEvent): Record<string, string> => {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  // `?id=a&id=b` and `?id=a,b` mean the same list.
  for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) {
    if (values && values.length > 1) query[name] = values.join(',');
  }
  return query;
};

// Every path parameter in the contract is a UUID; checking here keeps junk away from keys.
const pathParametersOf = (event: APIGatewayProxyEvent): Record<string, string> => {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value === undefined) continue;
    if (!isUuid(value)) throw badRequest(`${name} must be a valid UUID`, 'BAD_PATH_PARAMETER');
    params[name] = value.toLowerCase();
  }
  return params;
};

/** The organization of a tenant, undefined when there is no such tenant. */
export type TenantOrganizationLookup = (tenantId: string) => Promise<string | undefined>;

/**
 * The principal the request acts as: a tenant key as the authorizer resolved it; an operator key
 * (http/operator-access.ts) only on GET routes and console actions, with the tenant its
 * X-Bankline-Tenant names once that tenant is checked to be in the key's organization.
 */
const actingPrincipal = async (
  authorized: Principal,
  route: Route,
  event: APIGatewayProxyEvent,
  organizationOf: TenantOrganizationLookup,
): Promise<Principal> => {
  if (authorized.operator) checkOperatorRoute(authorized, route);
  const admitting = admittingPermissions(authorized, route, possiblePermissions(route.permission));
  if (!admitting.some((p) => authorized.permissions.includes(p))) throw lacking(admitting);
  const tenantId = requestedTenant(authorized, route, header(event, TENANT_HEADER));
  if (!authorized.operator || tenantId === undefined) return authorized;
  checkTenantInOrganization(authorized, tenantId, await organizationOf(tenantId));
  return { ...authorized, tenantId };
};

/**
 * Resolves route and principal, checks the route's permission, and parses path, query and
 * headers. A route whose permission depends on the request admits a key holding any of its
 * possible permissions; the operation checks the one that applies (../permissions.ts).
 */
export const requestContext = (
  domain: Domain,
  domainRoutes: readonly Route[] = routesOf(domain),
  organizationOf: TenantOrganizationLookup = tenantOrganizationOf,
): ChainMiddleware => {
  const routes = indexRoutes(domainRoutes);
  return {
    before: async (request) => {
      const { event } = request;
      const route = routes.get(routeKey(event.httpMethod, event.resource));
      if (!route) throw new ApiError(404, 'NOT_FOUND', 'no such route');
      const authorized = principalFromContext(event.requestContext?.authorizer);
      if (!authorized) throw unauthorized();
      const principal = await actingPrincipal(authorized, route, event, organizationOf);
      const deviceInfo = parseDeviceInfo(header(event, 'customer-device-info'));
      Object.assign(request.context.bankline.apiRequest, {
        route,
        principal,
        pathParameters: pathParametersOf(event),
        query: queryOf(event),
        audit: {
          request_id: event.requestContext?.requestId ?? request.context.awsRequestId,
          api_key_id: principal.keyId,
          method: event.httpMethod,
          path: event.path,
          ...(event.requestContext?.identity?.sourceIp ? { source_ip: event.requestContext.identity.sourceIp } : {}),
          ...(deviceInfo ? { device_info: deviceInfo } : {}),
        },
      });
    },
  };
};
