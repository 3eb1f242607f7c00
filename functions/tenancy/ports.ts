import type { TemplateRecord } from '../accounts/model.js';
import type { ApiKeyRecord, Organization, Tenant } from './model.js';

export interface TenancyStore {
  putOrganization(org: Organization): Promise<void>;
  getOrganization(orgId: string): Promise<Organization | undefined>;
  /** Writes the tenant, its organization membership and its default account templates together. */
  putTenant(tenant: Tenant, accountTemplates?: readonly TemplateRecord[]): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(orgId: string): Promise<Tenant[]>;
  putApiKey(record: ApiKeyRecord): Promise<void>;
  getApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(tenantId: string, keyId: string, at: string): Promise<boolean>;
}

/** The authorizer's view of the store: one GetItem by the key's hash. */
export type ApiKeyLookup = Pick<TenancyStore, 'getApiKeyByHash'>;
