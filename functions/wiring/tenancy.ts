import { defaultTemplates } from '../accounts/default-templates.js';
import type { TemplateRecord } from '../accounts/model.js';
import { type InternalAccountRecord, tenantGlRecords } from '../ledger/gl.js';
import type { Clock } from '../shared/clock.js';
import type { Tenant } from '../tenancy/model.js';
import type { TenancyStore, TenantProvisioner } from '../tenancy/ports.js';
import { createTenant as createTenantWith } from '../tenancy/use-cases.js';

export { createApiKey, createOperatorKey, createOrganization, type IssuedApiKey, type IssuedOperatorKey } from '../tenancy/use-cases.js';

// The tenancy use-cases with what a new tenant starts with in the other domains: today an
// enabled account template per account type (accounts/default-templates.ts), written in the
// tenant's creation transaction so `POST /v0/accounts` works from the first request; and the
// ledger's platform GLs (ledger/gl.ts), so money can move from the first request too. Tenants
// created before the ledger get their GLs on first use (ledger/post.ts).

export interface TenantStarter {
  templates: readonly TemplateRecord[];
  gls: readonly InternalAccountRecord[];
}

export const tenantProvisioner: TenantProvisioner<TenantStarter> = {
  starterFor: (tenant) => ({
    templates: defaultTemplates(tenant.id, tenant.creation_time),
    gls: tenantGlRecords(tenant.id, tenant.creation_time),
  }),
};

export const createTenant = (
  store: TenancyStore<TenantStarter>,
  input: { organizationId: string; name: string; bankRouting: string },
  clock?: Clock,
): Promise<Tenant> => createTenantWith({ store, provisioner: tenantProvisioner }, input, clock);
