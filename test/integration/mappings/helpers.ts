// Shared setup for the migration-mapping suites: two tenants of one organization (the old and
// the new bank) and a third tenant of another organization, with clients, and resources created
// through the real API.
import { clientFor, type ApiClient } from '../../helpers/api.js';
import { createTestOrganization, createTestTenant, type TestTenant } from '../../helpers/tenants.js';
import { acceptedBusiness, acceptedPerson, createAccount, primary } from '../accounts/helpers.js';

export interface Bank {
  tenant: TestTenant;
  id: string;
  api: ApiClient;
}

export interface MigrationWorld {
  old: Bank;
  new: Bank;
  /** A tenant of another organization. */
  stranger: Bank;
}

const bank = (tenant: TestTenant): Bank => ({ tenant, id: tenant.id, api: clientFor(tenant.key) });

export const newMigrationWorld = async (label = 'mappings'): Promise<MigrationWorld> => {
  const org = await createTestOrganization(label);
  const [oldBank, newBank, stranger] = await Promise.all([
    createTestTenant({ organizationId: org.id, label: `${label}-old` }),
    createTestTenant({ organizationId: org.id, label: `${label}-new` }),
    createTestTenant({ label: `${label}-stranger` }),
  ]);
  return { old: bank(oldBank), new: bank(newBank), stranger: bank(stranger) };
};

/** A client of `bank` holding only these permissions. */
export const keyWith = async (b: Bank, permissions: string): Promise<ApiClient> => clientFor((await b.tenant.issueKey(permissions)).apiKey);

export const person = (b: Bank) => acceptedPerson(b.api);
export const business = (b: Bank) => acceptedBusiness(b.api);

/** An account of `type` held by a new ACCEPTED person of the bank. */
export const account = async (b: Bank, type = 'CHECKING', extra: Record<string, unknown> = {}): Promise<any> =>
  createAccount(b.api, { account_type: type, relationships: primary(await acceptedPerson(b.api)), ...extra });

export const mappingBody = (
  world: MigrationWorld,
  type: string,
  resourceId: string,
  oldResourceId: string,
  extra: Record<string, unknown> = {},
) => ({
  resource_type: type,
  resource_id: resourceId,
  old_tenant: world.old.id,
  old_resource_id: oldResourceId,
  ...extra,
});

/** A PERSON mapping created with the new tenant's key; returns its body. */
export const personMapping = async (world: MigrationWorld): Promise<any> => {
  const [oldPerson, newPerson] = await Promise.all([person(world.old), person(world.new)]);
  const response = await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'PERSON', newPerson, oldPerson));
  if (response.status !== 201) throw new Error(`mapping create failed: ${response.status} ${response.rawBody}`);
  return response.body;
};
