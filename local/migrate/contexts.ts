import type { AccountsContext } from '../../functions/accounts/context.js';
import type { AccountStore } from '../../functions/accounts/ports.js';
import type { CustomersContext } from '../../functions/customers/context.js';
import type { CustomerStore } from '../../functions/customers/ports.js';
import type { MappingsContext } from '../../functions/mappings/context.js';
import { RESOURCE_TYPES } from '../../functions/mappings/model.js';
import type { MappingAccess } from '../../functions/mappings/ports.js';
import { PERMISSIONS } from '../../functions/routes.js';
import type { AuditContext } from '../../functions/shared/audit.js';
import { systemClock } from '../../functions/shared/clock.js';
import type { UseCaseScope } from '../../functions/shared/scope.js';
import type { Principal } from '../../functions/tenancy/model.js';
import { accountsContext } from '../../functions/wiring/accounts.js';
import { customersContext } from '../../functions/wiring/customers.js';
import { mappingsContext } from '../../functions/wiring/mappings.js';

// The use-case contexts the migration acts through, one tenant at a time: the same composition
// roots (functions/wiring/) the Lambdas use. Only the create ports are wrapped, so the migration
// can journal the id each create chose before it commits.

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

export const cliAudit = (runId: string): AuditContext => ({
  request_id: `migrate-${runId}`,
  api_key_id: 'cli:migrate',
  method: 'CLI',
  path: 'npm run migrate',
});

const scope = (tenantId: string, audit: AuditContext): UseCaseScope => ({ tenantId, audit, clock: systemClock });

const journaledCustomers = (store: CustomerStore, hooks: InsertHooks): CustomerStore => ({
  ...store,
  async insertPerson(person, event) {
    await hooks.before(person.id);
    await store.insertPerson(person, event);
    hooks.after();
  },
  async insertBusiness(business, event) {
    await hooks.before(business.id);
    await store.insertBusiness(business, event);
    hooks.after();
  },
});

const journaledAccounts = (store: AccountStore, hooks: InsertHooks): AccountStore => ({
  ...store,
  async createAccount(creation) {
    await hooks.before(creation.account.id);
    await store.createAccount(creation);
    hooks.after();
  },
});

export const customersContextFor = (tenantId: string, audit: AuditContext, hooks?: InsertHooks): CustomersContext => {
  const wired = customersContext(scope(tenantId, audit));
  return hooks ? { ...wired, store: journaledCustomers(wired.store, hooks) } : wired;
};

export const accountsContextFor = (tenantId: string, audit: AuditContext, hooks?: InsertHooks): AccountsContext => {
  const wired = accountsContext(scope(tenantId, audit));
  return hooks ? { ...wired, accounts: journaledAccounts(wired.accounts, hooks) } : wired;
};

/** The CLI holds the table's credentials: every mapping type is its to read and write. */
const operatorAccess: MappingAccess = { require: () => undefined, readableTypes: () => [...RESOURCE_TYPES] };

export const mappingsContextFor = (principal: Principal, audit: AuditContext): MappingsContext =>
  mappingsContext({ ...scope(principal.tenantId, audit), organizationId: principal.organizationId, access: operatorAccess });
