import { ALL_PERMISSIONS, type Permission } from '../routes/permissions.js';
import type { Principal } from '../tenancy/model.js';

// API Gateway authorizer context values must be flat strings, numbers or booleans.
export interface PrincipalContext {
  [key: string]: string;
  tenant_id: string;
  organization_id: string;
  key_id: string;
  permissions: string;
}

/** `principal_kind` is set for operator keys only, so a tenant key's context is unchanged. */
const OPERATOR_KIND = 'operator';

export const principalToContext = (p: Principal): PrincipalContext => ({
  tenant_id: p.tenantId,
  organization_id: p.organizationId,
  key_id: p.keyId,
  permissions: p.permissions.join(','),
  ...(p.operator ? { principal_kind: OPERATOR_KIND } : {}),
});

export const principalFromContext = (context: Record<string, unknown> | null | undefined): Principal | undefined => {
  const operator = context?.principal_kind === OPERATOR_KIND;
  // Only an operator principal comes without a tenant (it names one per request); its empty
  // tenant_id is not relied upon to survive the trip through API Gateway.
  const tenantId = operator ? '' : context?.tenant_id;
  const organizationId = context?.organization_id;
  const keyId = context?.key_id;
  const permissions = context?.permissions;
  if (typeof tenantId !== 'string' || typeof organizationId !== 'string' || typeof keyId !== 'string' || typeof permissions !== 'string') {
    return undefined;
  }
  if (!operator && tenantId === '') return undefined;
  const granted = permissions.split(',').filter((p): p is Permission => (ALL_PERMISSIONS as readonly string[]).includes(p));
  return { tenantId, organizationId, keyId, permissions: granted, ...(operator ? { operator: true as const } : {}) };
};
