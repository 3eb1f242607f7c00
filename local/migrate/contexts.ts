import { dynamoHolderDirectory, dynamoTenantDirectory } from '../../functions/adapters/dynamodb/account-directories.js';
import { dynamoProductStore } from '../../functions/adapters/dynamodb/account-product-store.js';
import { dynamoAccountStore } from '../../functions/adapters/dynamodb/account-store.js';
import { dynamoTemplateStore } from '../../functions/adapters/dynamodb/account-template-store.js';
import { dynamoCustomerStore } from '../../functions/adapters/dynamodb/customer-store.js';
import type { AccountsContext } from '../../functions/accounts/context.js';
import { randomAccountNumbers } from '../../functions/accounts/numbers.js';
import type { AccountStore } from '../../functions/accounts/ports.js';
import type { CustomersContext } from '../../functions/customers/context.js';
import type { CustomerStore } from '../../functions/customers/ports.js';
import { mappingAccessOf } from '../../functions/http/mappings/permissions.js';
import type { MappingsContext } from '../../functions/mappings/context.js';
import { PERMISSIONS } from '../../functions/routes.js';
import type { AuditContext } from '../../functions/shared/audit.js';
import { systemClock } from '../../functions/shared/clock.js';
import type { Principal } from '../../functions/tenancy/model.js';
import { mappingsContext } from '../../functions/wiring/mappings.js';

// The use-case contexts the migration acts through, one tenant at a time, on the same adapters
// the Lambdas use. The customers and accounts ones mirror functions/http/*/context.ts (to be
// replaced by their functions/wiring/ roots once those exist).

/** Called with the id a create chose, before the create's transaction (the migration journal). */
export type BeforeInsert = (newId: string) => Promise<void>;
/** Called once a create has committed (progress, and the test hook that kills the process). */
export type AfterInsert = () => void;

export interface InsertHooks {
  before: BeforeInsert;
  after: AfterInsert;
}

/** The operator running the CLI acts with every permission, in one tenant of the organization. */
export const cliPrincipal = (tenantId: string, organizationId: string): Principal => ({
  tenantId,
  organizationId,
  keyId: 'cli:migrate',
  permissions: [...PERMISSIONS],
});

export const cliAudit = (runId: string): AuditContext => ({ request_id: `migrate-${runId}`, api_key_id: 'cli:migrate', method: 'CLI', path: 'npm run migrate' });

const journaledCustomers = (hooks: InsertHooks): CustomerStore => ({
  ...dynamoCustomerStore,
  async insertPerson(person, event) {
    await hooks.before(person.id);
    await dynamoCustomerStore.insertPerson(person, event);
    hooks.after();
  },
  async insertBusiness(business, event) {
    await hooks.before(business.id);
    await dynamoCustomerStore.insertBusiness(business, event);
    hooks.after();
  },
});

const journaledAccounts = (hooks: InsertHooks): AccountStore => ({
  ...dynamoAccountStore,
  async createAccount(creation) {
    await hooks.before(creation.account.id);
    await dynamoAccountStore.createAccount(creation);
    hooks.after();
  },
});

export const customersContextFor = (tenantId: string, audit: AuditContext, hooks?: InsertHooks): CustomersContext => ({
  tenantId,
  audit,
  clock: systemClock,
  store: hooks ? journaledCustomers(hooks) : dynamoCustomerStore,
  accounts: { accounts: dynamoAccountStore, holders: dynamoHolderDirectory },
});

export const accountsContextFor = (tenantId: string, audit: AuditContext, hooks?: InsertHooks): AccountsContext => ({
  tenantId,
  audit,
  clock: systemClock,
  accounts: hooks ? journaledAccounts(hooks) : dynamoAccountStore,
  templates: dynamoTemplateStore,
  products: dynamoProductStore,
  holders: dynamoHolderDirectory,
  tenants: dynamoTenantDirectory,
  numbers: randomAccountNumbers,
});

export const mappingsContextFor = (principal: Principal, audit: AuditContext): MappingsContext =>
  mappingsContext({ principal, audit, clock: systemClock, access: mappingAccessOf(principal) });
