import type { ApiKeyRecord, OperatorKeyRecord, Organization, StoredKeyRecord, Tenant } from './model.js';

/**
 * What other domains give every new tenant (the accounts domain: an enabled template per
 * account type), as records its store writes in the tenant's creation transaction. Declared
 * here and bound by the wiring (functions/wiring/tenancy.ts), so tenancy depends on no other
 * domain: it passes the starter along without looking inside.
 */
export interface TenantProvisioner<Starter> {
  starterFor(tenant: Tenant): Starter;
}

/** `Starter`: the other domains' records a store writes with a new tenant (see TenantProvisioner). */
export interface TenancyStore<Starter = unknown> {
  putOrganization(org: Organization): Promise<void>;
  getOrganization(orgId: string): Promise<Organization | undefined>;
  /** Writes the tenant, its organization membership and its starter records together. */
  putTenant(tenant: Tenant, starter: Starter): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(orgId: string): Promise<Tenant[]>;
  putApiKey(record: ApiKeyRecord): Promise<void>;
  /** Either kind of key: tenant API keys and operator keys share the `APIKEY#<hash>` item. */
  getApiKeyByHash(keyHash: string): Promise<StoredKeyRecord | undefined>;
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(tenantId: string, keyId: string, at: string): Promise<boolean>;
  putOperatorKey(record: OperatorKeyRecord): Promise<void>;
  listOperatorKeys(orgId: string): Promise<OperatorKeyRecord[]>;
  revokeOperatorKey(orgId: string, keyId: string, at: string): Promise<boolean>;
}

/** The authorizer's view of the store: one GetItem by the key's hash. */
export type ApiKeyLookup = Pick<TenancyStore, 'getApiKeyByHash'>;
