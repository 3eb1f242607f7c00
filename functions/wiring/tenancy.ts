import { defaultTemplates } from '../accounts/default-templates.js';
import type { TemplateRecord } from '../accounts/model.js';
import type { Clock } from '../shared/clock.js';
import type { Tenant } from '../tenancy/model.js';
import type { TenancyStore, TenantProvisioner } from '../tenancy/ports.js';
import { createTenant as createTenantWith } from '../tenancy/use-cases.js';

export { createApiKey, createOrganization, type IssuedApiKey } from '../tenancy/use-cases.js';

// The tenancy use-cases with what a new tenant starts with in the other domains: today an
// enabled account template per account type (accounts/default-templates.ts), written in the
// tenant's creation transaction so `POST /v0/accounts` works from the first request.

export const tenantProvisioner: TenantProvisioner<readonly TemplateRecord[]> = {
  starterFor: (tenant) => defaultTemplates(tenant.id, tenant.creation_time),
};

export const createTenant = (
  store: TenancyStore<readonly TemplateRecord[]>,
  input: { organizationId: string; name: string; bankRouting: string },
  clock?: Clock,
): Promise<Tenant> => createTenantWith({ store, provisioner: tenantProvisioner }, input, clock);
