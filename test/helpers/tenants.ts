// Isolated tenancy for integration tests: every test file makes its own organization, tenants
// and API keys (random names and ids) through the real use-cases and the real DynamoDB store,
// so files running in parallel against the one shared table never see each other's data.

import { TEST_TABLE } from './api.js'; // first: points the functions at the test table
import { randomUUID } from 'node:crypto';
import { dynamoTenancyStore } from '../../functions/adapters/dynamodb/tenancy-repository.js';
import { PERMISSIONS, type Permission } from '../../functions/routes.js';
import { parsePermissions } from '../../functions/tenancy/api-keys.js';
import type { Organization, Tenant } from '../../functions/tenancy/model.js';
import { createApiKey, createOrganization, createTenant } from '../../functions/wiring/tenancy.js';

void TEST_TABLE;

export const ALL_PERMISSIONS: Permission[] = [...PERMISSIONS];

export interface TestKey {
  /** The bearer secret (shown once by createApiKey). */
  apiKey: string;
  keyId: string;
  permissions: Permission[];
}

export interface TestTenant {
  tenant: Tenant;
  id: string;
  organizationId: string;
  /** A key holding every permission. */
  key: string;
  keyId: string;
  /** Issues another key for this tenant. */
  issueKey(permissions: Permission[] | string, description?: string): Promise<TestKey>;
  revokeKey(keyId: string): Promise<boolean>;
}

const suffix = () => randomUUID().slice(0, 8);

/** `customer:read,customers:write` (plural aliases and `*` allowed) or a Permission list. */
const toPermissions = (permissions: Permission[] | string): Permission[] =>
  typeof permissions === 'string' ? parsePermissions(permissions) : permissions;

export async function createTestOrganization(label = 'org'): Promise<Organization> {
  return createOrganization(dynamoTenancyStore, `it-${label}-${suffix()}`);
}

export async function issueKey(tenantId: string, permissions: Permission[] | string, description?: string): Promise<TestKey> {
  const issued = await createApiKey(dynamoTenancyStore, {
    tenantId,
    permissions: toPermissions(permissions),
    description: description ?? `integration test key ${suffix()}`,
  });
  return { apiKey: issued.api_key, keyId: issued.record.key_id, permissions: issued.record.permissions };
}

export async function revokeKey(tenantId: string, keyId: string): Promise<boolean> {
  return dynamoTenancyStore.revokeApiKey(tenantId, keyId, new Date().toISOString());
}

export async function createTestTenant(
  options: { organizationId?: string; label?: string; permissions?: Permission[] | string } = {},
): Promise<TestTenant> {
  const organizationId = options.organizationId ?? (await createTestOrganization(options.label)).id;
  const tenant = await createTenant(dynamoTenancyStore, {
    organizationId,
    name: `it-${options.label ?? 'tenant'}-${suffix()}`,
    bankRouting: '021000021',
  });
  const main = await issueKey(tenant.id, options.permissions ?? ALL_PERMISSIONS, 'integration test main key');
  return {
    tenant,
    id: tenant.id,
    organizationId,
    key: main.apiKey,
    keyId: main.keyId,
    issueKey: (permissions, description) => issueKey(tenant.id, permissions, description),
    revokeKey: (keyId) => revokeKey(tenant.id, keyId),
  };
}

/** `count` tenants of one new organization (bank partners of one fintech), as a tuple. */
export async function createTestTenants<N extends number>(count: N, label = 'tenant'): Promise<TenantTuple<N>> {
  const org = await createTestOrganization(label);
  const tenants = await Promise.all(
    Array.from({ length: count }, (_, i) => createTestTenant({ organizationId: org.id, label: `${label}${i + 1}` })),
  );
  return tenants as TenantTuple<N>;
}

type TenantTuple<N extends number, Acc extends TestTenant[] = []> = number extends N
  ? TestTenant[]
  : Acc['length'] extends N
    ? Acc
    : TenantTuple<N, [...Acc, TestTenant]>;
