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
  /**
   * The tenant the request acts in. For an operator key the authorizer leaves it empty: the
   * handler chain sets it from `X-Bankline-Tenant` once it has checked the organization.
   */
  tenantId: string;
  organizationId: string;
  keyId: string;
  permissions: readonly Permission[];
  /** Present on operator keys (issue 13): organization-wide reads, the console's actions, no tenant writes. */
  operator?: true;
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

/**
 * Stored form of an operator key (issue 13): the hash only, under the same `APIKEY#<hash>` item
 * as tenant keys, so the authorizer's one GetItem finds either. It belongs to an organization and
 * carries no permissions: what an operator key may do is a rule (operator-rules.ts), not data.
 */
export interface OperatorKeyRecord {
  kind: 'operator';
  key_id: string;
  key_hash: string;
  key_prefix: string;
  organization_id: string;
  description?: string;
  creation_time: string;
  revoked_time?: string;
}

/** Whatever `APIKEY#<hash>` holds: a tenant's API key, or an operator key (kind 'operator'). */
export type StoredKeyRecord = ApiKeyRecord | OperatorKeyRecord;

export const isOperatorKey = (record: StoredKeyRecord): record is OperatorKeyRecord => 'kind' in record && record.kind === 'operator';
