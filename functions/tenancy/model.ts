import type { Permission } from '../routes.js';

export interface Organization {
  id: string;
  name: string;
  creation_time: string;
}

export interface Tenant {
  id: string;
  name: string;
  organization_id: string;
  /** ABA routing number of the partner bank; accounts in this tenant carry it. */
  bank_routing: string;
  creation_time: string;
}

/** What the authorizer proves about a caller; every handler works from this, never the raw key. */
export interface Principal {
  tenantId: string;
  organizationId: string;
  keyId: string;
  permissions: readonly Permission[];
}

/** Stored form of an API key: the hash only. The key itself is shown once and never kept. */
export interface ApiKeyRecord {
  key_id: string;
  key_hash: string;
  /** First characters of the key, so an operator can tell keys apart without the secret. */
  key_prefix: string;
  tenant_id: string;
  organization_id: string;
  permissions: Permission[];
  description?: string;
  creation_time: string;
  revoked_time?: string;
}
