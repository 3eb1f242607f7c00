// What the operator console's organization-scoped read path needs, declared here and bound by
// functions/wiring/operator.ts: the organization with its tenants, and mapping counts per tenant.

export interface OrganizationFacts {
  id: string;
  name: string;
  creation_time: string;
}

export interface TenantFacts {
  id: string;
  name: string;
  bank_routing: string;
  creation_time: string;
}

export interface OrganizationDirectory {
  getOrganization(orgId: string): Promise<OrganizationFacts | undefined>;
  listTenants(orgId: string): Promise<TenantFacts[]>;
}

export type MappingStatus = 'ACTIVE' | 'DELETED';

/** How many mappings of one old tenant, resource type and status name a tenant as their new side. */
export interface MappingCount {
  old_tenant: string;
  resource_type: string;
  status: MappingStatus;
  count: number;
}

export interface MappingCounter {
  /** Counted with Queries of the tenant's own "as new" mapping index, never a Scan. */
  countAsNewTenant(tenantId: string): Promise<MappingCount[]>;
}

export interface OperatorContext {
  organizations: OrganizationDirectory;
  mappings: MappingCounter;
}
