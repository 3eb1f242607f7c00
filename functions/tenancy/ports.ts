import type { ApiKeyRecord, Organization, Tenant } from './model.js';

export interface TenancyStore {
  putOrganization(org: Organization): Promise<void>;
  getOrganization(orgId: string): Promise<Organization | undefined>;
  /** Writes the tenant and its organization membership together. */
  putTenant(tenant: Tenant): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(orgId: string): Promise<Tenant[]>;
  putApiKey(record: ApiKeyRecord): Promise<void>;
  getApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(tenantId: string, keyId: string, at: string): Promise<boolean>;
}
