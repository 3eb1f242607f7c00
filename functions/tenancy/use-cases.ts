import type { Permission } from '../routes.js';
import { type Clock, isoNow, systemClock } from '../shared/clock.js';
import { InvalidInput, NotFound } from '../shared/domain-errors.js';
import { newId } from '../shared/ids.js';
import { displayPrefix, generateApiKey, hashApiKey } from './api-keys.js';
import type { ApiKeyRecord, OperatorKeyRecord, Organization, Tenant } from './model.js';
import type { TenancyStore, TenantProvisioner } from './ports.js';

export const createOrganization = async (store: TenancyStore, name: string, clock: Clock = systemClock): Promise<Organization> => {
  const org: Organization = { id: newId(), name, creation_time: isoNow(clock) };
  await store.putOrganization(org);
  return org;
};

export const createTenant = async <Starter>(
  { store, provisioner }: { store: TenancyStore<Starter>; provisioner: TenantProvisioner<Starter> },
  input: { organizationId: string; name: string; bankRouting: string },
  clock: Clock = systemClock,
): Promise<Tenant> => {
  if (!/^\d{9}$/.test(input.bankRouting)) {
    throw new InvalidInput('bank routing must be a 9-digit ABA routing number', { field: 'bank_routing' });
  }
  const org = await store.getOrganization(input.organizationId);
  if (!org) throw new NotFound(`organization ${input.organizationId} does not exist`);
  const tenant: Tenant = {
    id: newId(),
    name: input.name,
    organization_id: org.id,
    bank_routing: input.bankRouting,
    creation_time: isoNow(clock),
  };
  // Written with what other domains start every tenant with, in one transaction.
  await store.putTenant(tenant, provisioner.starterFor(tenant));
  return tenant;
};

export interface IssuedApiKey {
  /** The only time the key exists outside the caller's hands. */
  api_key: string;
  record: ApiKeyRecord;
}

export const createApiKey = async (
  store: TenancyStore,
  input: { tenantId: string; permissions: Permission[]; description?: string },
  clock: Clock = systemClock,
): Promise<IssuedApiKey> => {
  const tenant = await store.getTenant(input.tenantId);
  if (!tenant) throw new NotFound(`tenant ${input.tenantId} does not exist`);
  const apiKey = generateApiKey();
  const record: ApiKeyRecord = {
    key_id: newId(),
    key_hash: hashApiKey(apiKey),
    key_prefix: displayPrefix(apiKey),
    tenant_id: tenant.id,
    organization_id: tenant.organization_id,
    permissions: input.permissions,
    ...(input.description ? { description: input.description } : {}),
    creation_time: isoNow(clock),
  };
  await store.putApiKey(record);
  return { api_key: apiKey, record };
};

export interface IssuedOperatorKey {
  /** The only time the key exists outside the caller's hands. */
  api_key: string;
  record: OperatorKeyRecord;
}

/** An operator key of an organization (issue 13): same form and hashing as API keys, no tenant. */
export const createOperatorKey = async (
  store: TenancyStore,
  input: { organizationId: string; description?: string },
  clock: Clock = systemClock,
): Promise<IssuedOperatorKey> => {
  const org = await store.getOrganization(input.organizationId);
  if (!org) throw new NotFound(`organization ${input.organizationId} does not exist`);
  const apiKey = generateApiKey();
  const record: OperatorKeyRecord = {
    kind: 'operator',
    key_id: newId(),
    key_hash: hashApiKey(apiKey),
    key_prefix: displayPrefix(apiKey),
    organization_id: org.id,
    ...(input.description ? { description: input.description } : {}),
    creation_time: isoNow(clock),
  };
  await store.putOperatorKey(record);
  return { api_key: apiKey, record };
};
