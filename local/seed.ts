import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { PERMISSIONS } from '../functions/routes.js';
import type { TenancyStore } from '../functions/tenancy/ports.js';
import { resolvePrincipal } from '../functions/tenancy/resolve-principal.js';
import { createApiKey, createOperatorKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import type { LocalOperator, LocalState, LocalTenant } from './state-file.js';

// The demo data a fresh twin starts with: one fintech organization with two bank-partner
// tenants (the migration-mapping story needs an "old" and a "new" bank), each with an all-powerful
// API key, and an operator key of the organization for the console. Created through the real
// tenancy use-cases, never by writing items directly.

export const DEMO_ORGANIZATION_NAME = 'Demo Fintech';
// 9-digit numbers that pass the ABA checksum but belong to no real bank.
export const DEMO_TENANTS = [
  { name: 'old bank', bankRouting: '123456780' },
  { name: 'new bank', bankRouting: '876543212' },
] as const;

export interface DemoData {
  readonly organization: { id: string; name: string };
  readonly tenants: LocalTenant[];
  readonly operator: LocalOperator;
}

const issueDemoOperatorKey = async (store: TenancyStore, organizationId: string): Promise<LocalOperator> => {
  const { api_key, record } = await createOperatorKey(store, { organizationId, description: 'local twin demo operator key' });
  return { key_id: record.key_id, api_key };
};

export async function seedDemoData(store: TenancyStore = dynamoTenancyStore, organizationName = DEMO_ORGANIZATION_NAME): Promise<DemoData> {
  const organization = await createOrganization(store, organizationName);
  const tenants: LocalTenant[] = [];
  for (const demo of DEMO_TENANTS) {
    const tenant = await createTenant(store, { organizationId: organization.id, name: demo.name, bankRouting: demo.bankRouting });
    const { api_key } = await createApiKey(store, {
      tenantId: tenant.id,
      permissions: [...PERMISSIONS],
      description: 'local twin demo key',
    });
    tenants.push({ id: tenant.id, name: tenant.name, bank_routing: tenant.bank_routing, api_key });
  }
  const operator = await issueDemoOperatorKey(store, organization.id);
  return { organization: { id: organization.id, name: organization.name }, tenants, operator };
}

/** Whether the recorded operator key still resolves to an operator of the organization. */
const operatorStillValid = async (state: Pick<LocalState, 'organization' | 'operator'>, store: TenancyStore): Promise<boolean> => {
  if (!state.operator || !state.organization) return false;
  const principal = await resolvePrincipal(store, state.operator.api_key);
  return principal?.operator === true && principal.organizationId === state.organization.id;
};

/** True when the organization, every demo tenant and every recorded key are still in the table. */
export const stillValid = async (state: Pick<LocalState, 'organization' | 'tenants'>, store: TenancyStore): Promise<boolean> => {
  if (!state.organization || !(await store.getOrganization(state.organization.id))) return false;
  for (const demo of DEMO_TENANTS) {
    const recorded = state.tenants.find((t) => t.name === demo.name);
    if (!recorded || !(await store.getTenant(recorded.id))) return false;
    const principal = await resolvePrincipal(store, recorded.api_key);
    if (principal?.tenantId !== recorded.id) return false;
  }
  return true;
};

/**
 * Reuses the demo data recorded in local.json when the table still holds it (a persisted twin
 * restarting), and seeds afresh otherwise (first start, --in-memory, a wiped data directory).
 */
export async function ensureDemoData(
  recorded: Pick<LocalState, 'organization' | 'tenants' | 'operator'> | undefined,
  store: TenancyStore = dynamoTenancyStore,
): Promise<DemoData & { readonly seeded: boolean }> {
  if (recorded?.organization && (await stillValid(recorded, store))) {
    // A local.json from before operator keys gets one, without reseeding the tenants.
    const operator =
      recorded.operator && (await operatorStillValid(recorded, store))
        ? recorded.operator
        : await issueDemoOperatorKey(store, recorded.organization.id);
    return { organization: recorded.organization, tenants: recorded.tenants, operator, seeded: operator !== recorded.operator };
  }
  return { ...(await seedDemoData(store)), seeded: true };
}
