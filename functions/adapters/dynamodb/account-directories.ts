import type { TenantDirectory } from '../../accounts/ports.js';
import { dynamoTenancyStore } from './tenancy-repository.js';

// What the accounts domain reads of the tenancy domain's items, through its own store. (Its
// holders come from the customers store, mapped in functions/wiring/holder-directory.ts.)

// A tenant's routing number never changes, so a warm container reads it once per tenant.
const routingByTenant = new Map<string, string>();

export const dynamoTenantDirectory: TenantDirectory = {
  async bankRouting(tenantId) {
    const cached = routingByTenant.get(tenantId);
    if (cached) return cached;
    const tenant = await dynamoTenancyStore.getTenant(tenantId);
    if (tenant) routingByTenant.set(tenantId, tenant.bank_routing);
    return tenant?.bank_routing;
  },
};
