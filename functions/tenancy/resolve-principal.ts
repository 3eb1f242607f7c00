import { hashApiKey, looksLikeApiKey } from './api-keys.js';
import type { Principal } from './model.js';
import type { ApiKeyLookup } from './ports.js';

// Apart from the other tenancy use-cases so the authorizer bundle carries only this.

/** The authorizer's question: who is this key, if anyone? One GetItem, no key ever logged. */
export const resolvePrincipal = async (store: ApiKeyLookup, candidate: string | undefined): Promise<Principal | undefined> => {
  if (!candidate || !looksLikeApiKey(candidate)) return undefined;
  const record = await store.getApiKeyByHash(hashApiKey(candidate));
  if (!record || record.revoked_time) return undefined;
  return {
    tenantId: record.tenant_id,
    organizationId: record.organization_id,
    keyId: record.key_id,
    permissions: record.permissions,
  };
};
