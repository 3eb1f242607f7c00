import type { AccountRecord } from '../../accounts/model.js';
import { isCreditAccountType } from '../../mappings/model.js';
import type { MappedResource, ResourceDirectory, TenantDirectory, TenantFacts } from '../../mappings/ports.js';
import { dynamoAccountStore } from './account-store.js';
import { dynamoCustomerStore } from './customer-store.js';
import { dynamoTenancyStore } from './tenancy-repository.js';

// What the mappings domain reads from the customers, accounts and tenancy items, through their
// own stores (one strongly consistent GetItem per resource), as the snapshots its ports define.

const accountFacts = (a: AccountRecord): MappedResource['account'] => ({
  account_type: a.account_type,
  open_date: a.open_date,
  currency: a.currency,
  ...(a.credit_limit !== undefined ? { credit_limit: a.credit_limit } : {}),
  amount_owed: isCreditAccountType(a.account_type) ? a.account_balance : 0,
});

export const dynamoResourceDirectory: ResourceDirectory = {
  async find(tenantId, type, id) {
    if (type === 'PERSON') return (await dynamoCustomerStore.getPerson(tenantId, id)) ? { type, id, tenant: tenantId } : undefined;
    if (type === 'BUSINESS') return (await dynamoCustomerStore.getBusiness(tenantId, id)) ? { type, id, tenant: tenantId } : undefined;
    const account = await dynamoAccountStore.getAccount(tenantId, id);
    return account ? { type, id, tenant: tenantId, account: accountFacts(account) } : undefined;
  },
};

// A tenant's organization and name do not change, so a warm container reads each tenant once.
const tenants = new Map<string, TenantFacts>();

export const dynamoMappingTenantDirectory: TenantDirectory = {
  async getTenant(tenantId) {
    const cached = tenants.get(tenantId);
    if (cached) return cached;
    const tenant = await dynamoTenancyStore.getTenant(tenantId);
    if (!tenant) return undefined;
    const facts = { id: tenant.id, organization_id: tenant.organization_id, bank_name: tenant.name };
    tenants.set(tenantId, facts);
    return facts;
  },
};
