import type { MappingStatus, OrganizationFacts, TenantFacts } from './ports.js';

// Response bodies of the organization-scoped read path (Bankline extension, issue 13).

export interface OrganizationView {
  id: string;
  name: string;
  creation_time: string;
  tenants: TenantFacts[];
}

export type StatusCounts = Record<MappingStatus, number>;

export interface MigrationPairView {
  old_tenant: string;
  old_tenant_name: string;
  tenant: string;
  tenant_name: string;
  by_resource_type: Record<string, StatusCounts>;
  total: StatusCounts;
}

export interface MigrationSummaryView {
  organization_id: string;
  pairs: MigrationPairView[];
}

export const organizationView = (org: OrganizationFacts, tenants: readonly TenantFacts[]): OrganizationView => ({
  id: org.id,
  name: org.name,
  creation_time: org.creation_time,
  tenants: [...tenants]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map(({ id, name, bank_routing, creation_time }) => ({ id, name, bank_routing, creation_time })),
});
