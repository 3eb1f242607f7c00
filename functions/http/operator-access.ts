import { CONSOLE_ACT, type Permission, type Route } from '../routes.js';
import { badRequest, forbidden } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import type { Principal } from '../tenancy/model.js';

// How the HTTP chain treats an operator key (issue 13): it reads every tenant of its
// organization (the tenant named per request in X-Bankline-Tenant), reads the organization
// itself, and takes the console's few actions; it never calls any other write route. Every HTTP
// function runs these checks, so they live with the chain, not in the tenancy domain.

/** The header that names the tenant an operator key's request acts in. */
export const TENANT_HEADER = 'X-Bankline-Tenant';

/**
 * 403 unless an operator key may call this route at all: GET routes, and the routes marked as
 * console actions (with console:act). The route's own permission is checked afterwards.
 */
export const checkOperatorRoute = (principal: Principal, route: Route): void => {
  if (route.method === 'GET') return;
  if (route.consoleAction) {
    if (!principal.permissions.includes(CONSOLE_ACT)) throw forbidden(`this operator key lacks the ${CONSOLE_ACT} permission`);
    return;
  }
  throw forbidden(
    `operator keys are read-only: ${route.method} ${route.path} is a tenant write route; an operator key may call GET routes and the console actions (${CONSOLE_ACT})`,
  );
};

/** The permissions that admit this principal to the route: a console action admits console:act instead of its write permission. */
export const admittingPermissions = (principal: Principal, route: Route, routePermissions: readonly Permission[]): readonly Permission[] =>
  principal.operator && route.consoleAction ? [CONSOLE_ACT] : routePermissions;

/**
 * Which tenant a request acts in, before the organization check: `undefined` for an
 * organization-scoped route, the header's tenant for an operator key (400 when it is missing or
 * not a UUID), the key's own tenant otherwise (403 when the header names another one).
 */
export const requestedTenant = (principal: Principal, route: Route, headerValue: string | undefined): string | undefined => {
  const named = headerValue?.trim() || undefined;
  if (route.organizationScoped) return undefined;
  if (!principal.operator) {
    if (named && named.toLowerCase() !== principal.tenantId.toLowerCase()) {
      throw forbidden(`this API key acts only in its own tenant; ${TENANT_HEADER} names another tenant`);
    }
    return principal.tenantId;
  }
  if (!named) throw badRequest(`${TENANT_HEADER} is required with an operator key: name the tenant to act in`, 'BAD_HEADER');
  if (!isUuid(named)) throw badRequest(`${TENANT_HEADER} must be a tenant id (UUID)`, 'BAD_HEADER');
  return named.toLowerCase();
};

/** 403 unless the tenant (undefined: unknown) belongs to the operator key's organization. */
export const checkTenantInOrganization = (principal: Principal, tenantId: string, tenantOrganization: string | undefined): void => {
  if (tenantOrganization !== principal.organizationId) {
    // Unknown and foreign tenants answer alike, so the header cannot probe other organizations.
    throw forbidden(`tenant ${tenantId} (${TENANT_HEADER}) is not a tenant of this operator key's organization`);
  }
};
