import { PERMISSIONS, type Permission } from '../routes.js';
import type { Principal } from '../tenancy/model.js';

// API Gateway authorizer context values must be flat strings, numbers or booleans.
export interface PrincipalContext {
  [key: string]: string;
  tenant_id: string;
  organization_id: string;
  key_id: string;
  permissions: string;
}

export const principalToContext = (p: Principal): PrincipalContext => ({
  tenant_id: p.tenantId,
  organization_id: p.organizationId,
  key_id: p.keyId,
  permissions: p.permissions.join(','),
});

export const principalFromContext = (context: Record<string, unknown> | null | undefined): Principal | undefined => {
  const tenantId = context?.tenant_id;
  const organizationId = context?.organization_id;
  const keyId = context?.key_id;
  const permissions = context?.permissions;
  if (typeof tenantId !== 'string' || typeof organizationId !== 'string' || typeof keyId !== 'string' || typeof permissions !== 'string') {
    return undefined;
  }
  const granted = permissions.split(',').filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));
  return { tenantId, organizationId, keyId, permissions: granted };
};
