import type { HolderDirectory, TenantDirectory } from '../../accounts/ports.js';
import { dynamoCustomerStore } from './customer-store.js';
import { dynamoTenancyStore } from './tenancy-repository.js';

// What the accounts domain reads from other domains' items, through their own stores.

export const dynamoHolderDirectory: HolderDirectory = {
  getPerson: (tenantId, id) => dynamoCustomerStore.getPerson(tenantId, id),
  getBusiness: (tenantId, id) => dynamoCustomerStore.getBusiness(tenantId, id),
};

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
