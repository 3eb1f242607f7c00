import { hashApiKey, looksLikeApiKey } from './api-keys.js';
import { isOperatorKey, type Principal } from './model.js';
import { OPERATOR_PERMISSIONS } from './operator-rules.js';
import type { ApiKeyLookup } from './ports.js';

// Apart from the other tenancy use-cases so the authorizer bundle carries only this.

/**
 * The authorizer's question: who is this key, if anyone? One GetItem, no key ever logged. An
 * operator key resolves to its organization with no tenant yet: the handler chain picks the
 * tenant from X-Bankline-Tenant per request, so this answer (cached per Authorization header)
 * never depends on that header.
 */
export const resolvePrincipal = async (store: ApiKeyLookup, candidate: string | undefined): Promise<Principal | undefined> => {
  if (!candidate || !looksLikeApiKey(candidate)) return undefined;
  const record = await store.getApiKeyByHash(hashApiKey(candidate));
  if (!record || record.revoked_time) return undefined;
  if (isOperatorKey(record)) {
    return {
      tenantId: '',
      organizationId: record.organization_id,
      keyId: record.key_id,
      permissions: OPERATOR_PERMISSIONS,
      operator: true,
    };
  }
  return {
    tenantId: record.tenant_id,
    organizationId: record.organization_id,
    keyId: record.key_id,
    permissions: record.permissions,
  };
};
