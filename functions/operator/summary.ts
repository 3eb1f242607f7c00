import { notFound } from '../shared/errors.js';
import type { MappingCount, OperatorContext, TenantFacts } from './ports.js';
import { type MigrationPairView, type MigrationSummaryView, type OrganizationView, organizationView, type StatusCounts } from './views.js';

// The organization overview and the migration progress per (old tenant, new tenant) pair.

/** Resource types a mapping can have (contract §10), listed even at zero so the console shows a stable grid. */
const RESOURCE_TYPES = ['PERSON', 'BUSINESS', 'ACCOUNT'] as const;

const zero = (): StatusCounts => ({ ACTIVE: 0, DELETED: 0 });

export const organizationOverview = async (ctx: OperatorContext, organizationId: string): Promise<OrganizationView> => {
  const [org, tenants] = await Promise.all([
    ctx.organizations.getOrganization(organizationId),
    ctx.organizations.listTenants(organizationId),
  ]);
  if (!org) throw notFound('organization');
  return organizationView(org, tenants);
};

/** Folds one new tenant's counts into pairs keyed by old tenant. */
export const pairsOf = (
  newTenant: TenantFacts,
  counts: readonly MappingCount[],
  nameOf: (tenantId: string) => string,
): MigrationPairView[] => {
  const pairs = new Map<string, MigrationPairView>();
  for (const c of counts) {
    let pair = pairs.get(c.old_tenant);
    if (!pair) {
      pair = {
        old_tenant: c.old_tenant,
        old_tenant_name: nameOf(c.old_tenant),
        tenant: newTenant.id,
        tenant_name: newTenant.name,
        by_resource_type: Object.fromEntries(RESOURCE_TYPES.map((t) => [t, zero()])),
        total: zero(),
      };
      pairs.set(c.old_tenant, pair);
    }
    const byType = (pair.by_resource_type[c.resource_type] ??= zero());
    byType[c.status] += c.count;
    pair.total[c.status] += c.count;
  }
  return [...pairs.values()];
};

/**
 * Every tenant of the organization counts the mappings it is the new side of (each mapping is
 * counted once, under its new tenant); pairs without any mapping are left out.
 */
export const migrationSummary = async (ctx: OperatorContext, organizationId: string): Promise<MigrationSummaryView> => {
  const tenants = await ctx.organizations.listTenants(organizationId);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const perTenant = await Promise.all(tenants.map(async (t) => pairsOf(t, await ctx.mappings.countAsNewTenant(t.id), nameOf)));
  const pairs = perTenant
    .flat()
    .sort((a, b) => a.old_tenant_name.localeCompare(b.old_tenant_name) || a.tenant_name.localeCompare(b.tenant_name));
  return { organization_id: organizationId, pairs };
};
