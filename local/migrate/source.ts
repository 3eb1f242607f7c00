import { listAccounts } from '../../functions/accounts/accounts.js';
import { storedHolderRoles } from '../../functions/accounts/holder-roles.js';
import { listBusinesses } from '../../functions/customers/businesses.js';
import { listPersons } from '../../functions/customers/persons.js';
import type { MigrationJournal } from '../../functions/adapters/dynamodb/migration-journal.js';
import { listMappings } from '../../functions/mappings/mappings.js';
import type { MappingRecord } from '../../functions/mappings/model.js';
import type { AuditContext } from '../../functions/shared/audit.js';
import type { Cursor, Page } from '../../functions/shared/page.js';
import { accountsContextFor, cliPrincipal, customersContextFor, mappingsContextFor } from './contexts.js';
import type { MigrationSource, OldAccount, TenantRef } from './model.js';

// Step 1 of the guide: list what the old tenant holds (persons, businesses, accounts with their
// holders), through the same list use-cases the API serves, page by page; and what earlier runs
// left (live mappings to the new tenant, journal entries).

const PAGE = 100;

const everyPage = async <T>(read: (cursor: Cursor | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const all: T[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
};

const paging = (cursor: Cursor | undefined) => ({ ascending: true, limit: PAGE, ...(cursor ? { cursor } : {}) });

export async function readSource(input: {
  from: TenantRef;
  to: TenantRef;
  organizationId: string;
  audit: AuditContext;
  journal: MigrationJournal;
}): Promise<MigrationSource> {
  const customers = customersContextFor(input.from.id, input.audit);
  const accountsCtx = accountsContextFor(input.from.id, input.audit);
  const mappingsCtx = mappingsContextFor(cliPrincipal(input.to.id, input.organizationId), input.audit);
  const [persons, businesses, loaded, mappings, journal] = await Promise.all([
    everyPage((cursor) => listPersons(customers, { filters: {}, ...paging(cursor) })),
    everyPage((cursor) => listBusinesses(customers, { filters: {}, ...paging(cursor) })),
    everyPage((cursor) => listAccounts(accountsCtx, paging(cursor))),
    everyPage((cursor) =>
      listMappings(mappingsCtx, {
        tenants: [input.to.id],
        oldTenants: [input.from.id],
        includeDeleted: false,
        sortBy: 'creation_time',
        ...paging(cursor),
      }),
    ),
    input.journal.load(),
  ]);
  const accounts: OldAccount[] = [];
  for (const { account } of loaded) accounts.push({ account, roles: await storedHolderRoles(accountsCtx.accounts, account) });
  return { persons, businesses, accounts, mapped: new Map(mappings.map((m: MappingRecord) => [m.old_resource_id, m])), journal };
}
