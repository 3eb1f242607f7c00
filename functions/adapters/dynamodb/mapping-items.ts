import type { MappingRecord, TradelineTransferRecord } from '../../mappings/model.js';
import { tableName } from './client.js';
import { timeOrdered } from './keys.js';
import { MAPPING_KEYS, type MappingSide } from './mapping-keys.js';

// Item shapes of migration mappings and tradeline transfers (key patterns in mapping-keys.ts).

/** Attributes the items carry for the store's own use; never part of a record. */
const INTERNAL = ['entity', 'side', 'is_deleted'] as const;

export const tenantOfSide = (m: MappingRecord, side: MappingSide): string => (side === 'NEW' ? m.tenant : m.old_tenant);

/** One tenant's copy of a mapping, with every index that tenant lists it by. */
export const mappingItem = (m: MappingRecord, side: MappingSide) => {
  const tenant = tenantOfSide(m, side);
  const created = timeOrdered(m.creation_time, m.id);
  return {
    ...MAPPING_KEYS.mapping(tenant, m.id),
    gsi1pk: MAPPING_KEYS.mappingsIndex(tenant),
    gsi1sk: created,
    gsi2pk: MAPPING_KEYS.mappingsOfResourceIndex(tenant, m.resource_id),
    gsi2sk: created,
    gsi3pk: MAPPING_KEYS.mappingsOfResourceIndex(tenant, m.old_resource_id),
    gsi3sk: created,
    gsi4pk: MAPPING_KEYS.mappingsBySideIndex(tenant, side),
    gsi4sk: created,
    gsi5pk: MAPPING_KEYS.mappingsByLastUpdatedIndex(tenant),
    gsi5sk: timeOrdered(m.last_updated_time, m.id),
    entity: 'MIGRATION_MAPPING',
    side,
    // A plain attribute, so "live only" is an equality filter pushed down to the Query.
    is_deleted: m.deletion_time !== undefined,
    ...m,
  };
};

export const toMappingRecord = (stored: Record<string, unknown>): MappingRecord => {
  const copy = { ...stored };
  for (const name of INTERNAL) delete copy[name];
  return copy as unknown as MappingRecord;
};

/** The claims a mapping holds while live: its new resource in its tenant, its old resource in the old tenant. */
export const claimsOf = (m: MappingRecord | undefined) =>
  !m || m.deletion_time
    ? []
    : [
        { key: MAPPING_KEYS.claim(m.tenant, m.resource_id, 'NEW'), field: 'resource_id' as const },
        { key: MAPPING_KEYS.claim(m.old_tenant, m.old_resource_id, 'OLD'), field: 'old_resource_id' as const },
      ];

export const claimPut = (m: MappingRecord, key: { pk: string; sk: string }) => ({
  Put: {
    TableName: tableName(),
    Item: { ...key, entity: 'MIGRATION_MAPPING_CLAIM', mapping_id: m.id, tenant: m.tenant, creation_time: m.last_updated_time },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Released only by the mapping that holds it. */
export const claimDelete = (m: MappingRecord, key: { pk: string; sk: string }) => ({
  Delete: {
    TableName: tableName(),
    Key: key,
    ConditionExpression: 'mapping_id = :id',
    ExpressionAttributeValues: { ':id': m.id },
  },
});

export const tradelineItem = (t: TradelineTransferRecord) => {
  const created = timeOrdered(t.creation_time, t.id);
  return {
    ...MAPPING_KEYS.tradeline(t.tenant, t.id),
    gsi1pk: MAPPING_KEYS.tradelinesIndex(t.tenant),
    gsi1sk: created,
    gsi2pk: MAPPING_KEYS.accountTradelinesIndex(t.tenant, t.account_id),
    gsi2sk: created,
    entity: 'TRADELINE_TRANSFER',
    ...t,
  };
};

export const toTradelineRecord = (stored: Record<string, unknown>): TradelineTransferRecord => {
  const copy = { ...stored };
  delete copy.entity;
  return copy as unknown as TradelineTransferRecord;
};

export const tradelinePut = (t: TradelineTransferRecord) => ({
  Put: { TableName: tableName(), Item: tradelineItem(t), ConditionExpression: 'attribute_not_exists(pk)' },
});
