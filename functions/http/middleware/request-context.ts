import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type Domain, possiblePermissions, routeKey, routesOf, type Route } from '../../routes.js';
import { parseDeviceInfo } from '../../shared/device-info.js';
import { badRequest, unauthorized } from '../../shared/errors.js';
import { ApiError } from '../api-error.js';
import { isUuid } from '../../shared/ids.js';
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

/**
 * Resolves route and principal, checks the route's permission, and parses path, query and
 * headers. A route whose permission depends on the request admits a key holding any of its
 * possible permissions; the operation checks the one that applies (../permissions.ts).
 */
export const requestContext = (domain: Domain, domainRoutes: readonly Route[] = routesOf(domain)): ChainMiddleware => {
  const routes = indexRoutes(domainRoutes);
  return {
    before: async (request) => {
      const { event } = request;
      const route = routes.get(routeKey(event.httpMethod, event.resource));
      if (!route) throw new ApiError(404, 'NOT_FOUND', 'no such route');
      const principal = principalFromContext(event.requestContext?.authorizer);
      if (!principal) throw unauthorized();
      const admitting = possiblePermissions(route.permission);
      if (!admitting.some((p) => principal.permissions.includes(p))) throw lacking(admitting);
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
