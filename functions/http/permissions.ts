import { decidedByOperation, type Permission } from '../routes.js';
import { forbidden } from '../shared/errors.js';
import type { ApiRequest } from './api-request.js';

// Permission checks an operation makes itself, when its route's permission depends on the
// request (routes.ts PermissionByResourceType). The chain has already turned away a key that
// holds none of the route's possible permissions; these pick the one that applies, with the
// same 403 body as the chain's check.

const decided = new WeakSet<ApiRequest>();

export const lacking = (permissions: readonly Permission[]) => forbidden(`this API key lacks the ${permissions.join(' or ')} permission`);

/** 403 unless the caller's key holds at least one of `permissions`. */
export const requireAnyOf = (request: ApiRequest, permissions: readonly Permission[]): void => {
  if (!permissions.some((p) => request.principal.permissions.includes(p))) throw lacking(permissions);
  decided.add(request);
};

/** 403 unless the caller's key holds `permission`. */
export const requirePermission = (request: ApiRequest, permission: Permission): void => requireAnyOf(request, [permission]);

const permissionFor = (request: ApiRequest, resourceType: string): Permission => {
  const { permission } = request.route;
  if (!decidedByOperation(permission)) return permission;
  const needed = permission.byResourceType[resourceType];
  // The operation validates the type before asking; an unknown one here is a bug, not bad input.
  if (needed === undefined) throw new Error(`${request.route.operation} names no permission for resource type ${resourceType}`);
  return needed;
};

/**
 * 403 unless the key holds the route's permission for every resource type touched: a PATCH
 * that moves a mapping from PERSON to ACCOUNT needs both customer:write and account:write.
 */
export const requirePermissionFor = (request: ApiRequest, ...resourceTypes: [string, ...string[]]): void => {
  for (const type of resourceTypes) requirePermission(request, permissionFor(request, type));
};

/** The resource types this key may see or touch on this route, for lists that show only those. */
export const permittedResourceTypes = (request: ApiRequest): string[] => {
  const { permission } = request.route;
  if (!decidedByOperation(permission)) throw new Error(`${request.route.operation} has no per-resource-type permission`);
  decided.add(request);
  return Object.entries(permission.byResourceType)
    .filter(([, needed]) => request.principal.permissions.includes(needed))
    .map(([type]) => type);
};

/**
 * Whether an operation of a request-dependent route made its check. The chain calls this after
 * a successful operation, so a forgotten check fails every test of the route instead of
 * quietly letting an account key act on customers.
 */
export const permissionWasDecided = (request: ApiRequest): boolean => !decidedByOperation(request.route.permission) || decided.has(request);
