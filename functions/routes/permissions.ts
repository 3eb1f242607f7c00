// What a principal may be granted, and what a route requires: a permission, or one that follows the
// type of the resource the request touches. Pure data and pure functions, like the route table.

export const PERMISSIONS = [
  'customer:read',
  'customer:write',
  'account:read',
  'account:write',
  'external_account:read',
  'external_account:write',
  'webhook:read',
  'webhook:write',
  // Bank-only closure reasons (contract §3.2): held by the bank's keys, not a fintech's.
  'bank:closure',
] as const;
/** What a tenant API key can be granted (`npm run keys -- create --permissions`). */
export type TenantPermission = (typeof PERMISSIONS)[number];

// Operator keys (issue 13) belong to an organization and are never granted these by a tenant key:
// `organization:read` opens the organization-scoped read path (/v0/operator/*), `console:act`
// the few write routes the console may call (routes marked consoleAction).
export const ORGANIZATION_READ = 'organization:read';
export const CONSOLE_ACT = 'console:act';
export const OPERATOR_ONLY_PERMISSIONS = [ORGANIZATION_READ, CONSOLE_ACT] as const;
export type Permission = TenantPermission | (typeof OPERATOR_ONLY_PERMISSIONS)[number];
/** Every permission a principal can carry, tenant key or operator key. */
export const ALL_PERMISSIONS: readonly Permission[] = [...PERMISSIONS, ...OPERATOR_ONLY_PERMISSIONS];

/**
 * A permission that depends on the request: the type of the resource touched (from the body, or
 * the stored record) picks it, as for migration mappings (PERSON and BUSINESS need customer:*,
 * ACCOUNT needs account:*). The chain admits a key holding any of them; the operation then
 * checks the one that applies (functions/http/permissions.ts requirePermissionFor).
 */
export interface PermissionByResourceType {
  readonly byResourceType: Readonly<Record<string, Permission>>;
}

export type RoutePermission = Permission | PermissionByResourceType;

/** Every permission that can let a request through the route; a key holding none gets 403 early. */
export const possiblePermissions = (permission: RoutePermission): readonly Permission[] =>
  typeof permission === 'string' ? [permission] : [...new Set(Object.values(permission.byResourceType))];

/** Whether the operation, not the route alone, decides the permission. */
export const decidedByOperation = (permission: RoutePermission): permission is PermissionByResourceType => typeof permission !== 'string';

/** The permissions that follow a customer or account resource: customer:* for persons and businesses, account:* for accounts. */
export const followsResourceType = (action: 'read' | 'write'): PermissionByResourceType => ({
  byResourceType: { PERSON: `customer:${action}`, BUSINESS: `customer:${action}`, ACCOUNT: `account:${action}` },
});
