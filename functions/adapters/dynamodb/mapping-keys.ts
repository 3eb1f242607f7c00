// Key patterns of migration mappings and tradeline transfers (kept beside keys.ts so the
// mappings domain could land without touching the shared file; same conventions).
//
// A mapping has one copy per tenant, each under that tenant's own prefix, so either tenant
// reads it with a key built from its own id (a third tenant's key can address neither):
//   pk TENANT#<t>#MIGRATION_MAPPING#<id>  sk MIGRATION_MAPPING     (t = tenant: the authoritative copy;
//                                                                   t = old_tenant: its replica, same transaction)
//     gsi1 TENANT#<t>#MIGRATION_MAPPINGS                    <creation_time>#<id>      every mapping of t
//     gsi4 TENANT#<t>#MIGRATION_MAPPINGS#AS_NEW|AS_OLD      <creation_time>#<id>      t's mappings on one side
//     gsi5 TENANT#<t>#MIGRATION_MAPPINGS#LAST_UPDATED       <last_updated_time>#<id>
//     gsi2 TENANT#<t>#MIGRATION_MAPPINGS#RESOURCE#<resource_id>      <creation_time>#<id>
//     gsi3 TENANT#<t>#MIGRATION_MAPPINGS#RESOURCE#<old_resource_id>  <creation_time>#<id>
// Uniqueness of live mappings, claimed and released in the mapping's transactions:
//   pk TENANT#<tenant>#MIGRATION_MAPPING_CLAIM#<resource_id>          sk NEW
//   pk TENANT#<old_tenant>#MIGRATION_MAPPING_CLAIM#<old_resource_id>  sk OLD
// Tradeline transfer records, one per side:
//   pk TENANT#<t>#TRADELINE_TRANSFER#<id>  sk TRADELINE_TRANSFER
//     gsi1 TENANT#<t>#TRADELINE_TRANSFERS                               <creation_time>#<id>
//     gsi2 TENANT#<t>#ACCOUNT#<account_id>#TRADELINE_TRANSFERS          <creation_time>#<id>
// The guided migration's journal (npm run migrate), under the new tenant: the ids a re-creation
// chose, written before each create, so a re-run finds what a killed run made:
//   pk TENANT#<new tenant>#MIGRATION_JOURNAL#<old tenant>  sk <PERSON|BUSINESS|ACCOUNT>#<old id>

export type MappingSide = 'NEW' | 'OLD';

export const MAPPING_KEYS = {
  mapping: (tenantId: string, id: string) => ({ pk: `TENANT#${tenantId}#MIGRATION_MAPPING#${id}`, sk: 'MIGRATION_MAPPING' }),
  mappingsIndex: (tenantId: string) => `TENANT#${tenantId}#MIGRATION_MAPPINGS`,
  mappingsBySideIndex: (tenantId: string, side: MappingSide) => `TENANT#${tenantId}#MIGRATION_MAPPINGS#AS_${side}`,
  mappingsByLastUpdatedIndex: (tenantId: string) => `TENANT#${tenantId}#MIGRATION_MAPPINGS#LAST_UPDATED`,
  mappingsOfResourceIndex: (tenantId: string, resourceId: string) => `TENANT#${tenantId}#MIGRATION_MAPPINGS#RESOURCE#${resourceId}`,
  claim: (tenantId: string, resourceId: string, side: MappingSide) => ({
    pk: `TENANT#${tenantId}#MIGRATION_MAPPING_CLAIM#${resourceId}`,
    sk: side,
  }),

  tradeline: (tenantId: string, id: string) => ({ pk: `TENANT#${tenantId}#TRADELINE_TRANSFER#${id}`, sk: 'TRADELINE_TRANSFER' }),
  tradelinesIndex: (tenantId: string) => `TENANT#${tenantId}#TRADELINE_TRANSFERS`,
  accountTradelinesIndex: (tenantId: string, accountId: string) => `TENANT#${tenantId}#ACCOUNT#${accountId}#TRADELINE_TRANSFERS`,

  migrationJournal: (newTenantId: string, oldTenantId: string) => `TENANT#${newTenantId}#MIGRATION_JOURNAL#${oldTenantId}`,
} as const;
