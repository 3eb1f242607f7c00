import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { RESOURCE_TYPES, type MappingRecord, type TradelineTransferRecord } from '../../mappings/model.js';
import { MappingClaimTaken, type MappingListCriteria, type MappingStore, type MappingWrite } from '../../mappings/ports.js';
import { badRequest } from '../../shared/errors.js';
import type { Condition } from '../../shared/list-criteria.js';
import type { Cursor, Page } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { stripKeys, timeOrdered } from './keys.js';
import { claimDelete, claimPut, claimsOf, mappingItem, toMappingRecord, toTradelineRecord, tradelinePut } from './mapping-items.js';
import { MAPPING_KEYS } from './mapping-keys.js';
import { outboxPut } from './outbox.js';
import { queryAll as queryItems, queryPage } from './query-page.js';
import type { IndexName } from './table-definition.js';
import { type Claims, transact, type TransactItems, versionedPut } from './transact.js';

// Strongly consistent: a create then an immediate GET, PATCH or DELETE must find the mapping.
const getItem = async (key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<Record<string, unknown>>(Item) : undefined;
};

const table = () => tableName();

/** Claims to take and release between two states of a mapping, with the error a lost claim raises. */
const claimItems = (offset: number, previous: MappingRecord | undefined, next: MappingRecord) => {
  const id = (key: { pk: string; sk: string }) => `${key.pk}|${key.sk}`;
  const before = claimsOf(previous);
  const after = claimsOf(next);
  const items: TransactItems = [];
  const claims = new Map<number, () => Error>();
  for (const claim of before) if (!after.some((c) => id(c.key) === id(claim.key))) items.push(claimDelete(previous!, claim.key));
  for (const claim of after) {
    if (before.some((c) => id(c.key) === id(claim.key))) continue;
    claims.set(offset + items.length, () => new MappingClaimTaken(claim.field));
    items.push(claimPut(next, claim.key));
  }
  return { items, claims };
};

const tail = (write: MappingWrite): TransactItems => [...write.tradelines.map(tradelinePut), ...write.events.map(outboxPut)];

// ---------------------------------------------------------------------------------------------
// Lists. Without a resource filter a list is one Query of an index of the caller's tenant, the
// other filters pushed down. With one, each id is a Query of its own (tiny) partition, read
// whole, merged, ordered and paged in memory: a resource has at most one live mapping per side,
// so these partitions hold a handful of items.

const conditionsOf = (c: MappingListCriteria, sideByIndex: boolean): Condition[] => {
  const where: Condition[] = [];
  if (!c.includeDeleted) where.push({ op: 'eq', field: 'is_deleted', value: false });
  if (c.types.length < RESOURCE_TYPES.length) where.push({ op: 'in', field: 'resource_type', values: c.types });
  if (c.tenants) where.push({ op: 'in', field: 'tenant', values: c.tenants });
  if (c.oldTenants) where.push({ op: 'in', field: 'old_tenant', values: c.oldTenants });
  if (!sideByIndex && (c.side === 'NEW' || c.side === 'OLD')) where.push({ op: 'eq', field: 'side', value: c.side });
  return where;
};

const listByIndex = async (tenantId: string, c: MappingListCriteria): Promise<Page<MappingRecord>> => {
  const bySide = c.sortBy === 'creation_time' && (c.side === 'NEW' || c.side === 'OLD');
  const [index, partitionValue]: [IndexName, string] =
    c.sortBy === 'last_updated_time'
      ? ['gsi5', MAPPING_KEYS.mappingsByLastUpdatedIndex(tenantId)]
      : bySide
        ? ['gsi4', MAPPING_KEYS.mappingsBySideIndex(tenantId, c.side as 'NEW' | 'OLD')]
        : ['gsi1', MAPPING_KEYS.mappingsIndex(tenantId)];
  const page = await queryPage<Record<string, unknown>>({
    index,
    partitionValue,
    where: conditionsOf(c, bySide),
    limit: c.limit,
    ascending: c.ascending,
    ...(c.cursor ? { cursor: c.cursor } : {}),
  });
  return { items: page.items.map(toMappingRecord), ...(page.cursor ? { cursor: page.cursor } : {}) };
};

/** Every item of one small index partition matching the conditions. */
const queryEvery = async (index: 'gsi2' | 'gsi3', partitionValue: string, where: Condition[]): Promise<MappingRecord[]> =>
  (await queryItems<Record<string, unknown>>({ index, partitionValue, where })).map((item) => toMappingRecord(item));

// At most this many partition Queries in flight for one list request.
const PARALLEL_LOOKUPS = 8;

const inBatches = async <T, R>(inputs: readonly T[], run: (input: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let i = 0; i < inputs.length; i += PARALLEL_LOOKUPS)
    results.push(...(await Promise.all(inputs.slice(i, i + PARALLEL_LOOKUPS).map(run))));
  return results;
};

const invalidCursor = () => badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');

const listByResource = async (tenantId: string, c: MappingListCriteria): Promise<Page<MappingRecord>> => {
  // Read the smallest set of partitions that covers the filters; the rest is checked per item.
  const lookups: Array<{ index: 'gsi2' | 'gsi3'; id: string }> = c.anyResourceIds
    ? c.anyResourceIds.flatMap((id) => [
        { index: 'gsi2' as const, id },
        { index: 'gsi3' as const, id },
      ])
    : c.resourceIds && (!c.oldResourceIds || c.resourceIds.length <= c.oldResourceIds.length)
      ? c.resourceIds.map((id) => ({ index: 'gsi2' as const, id }))
      : c.oldResourceIds!.map((id) => ({ index: 'gsi3' as const, id }));
  const where = conditionsOf(c, false);
  const found = (await inBatches(lookups, (l) => queryEvery(l.index, MAPPING_KEYS.mappingsOfResourceIndex(tenantId, l.id), where))).flat();
  const byId = new Map<string, MappingRecord>();
  for (const m of found) {
    if (c.resourceIds && !c.resourceIds.includes(m.resource_id)) continue;
    if (c.oldResourceIds && !c.oldResourceIds.includes(m.old_resource_id)) continue;
    if (c.anyResourceIds && !c.anyResourceIds.some((id) => id === m.resource_id || id === m.old_resource_id)) continue;
    byId.set(m.id, m);
  }
  const sortKey = (m: MappingRecord) => timeOrdered(c.sortBy === 'last_updated_time' ? m.last_updated_time : m.creation_time, m.id);
  const ordered = [...byId.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  if (!c.ascending) ordered.reverse();
  let start = 0;
  if (c.cursor) {
    const { after, ...rest } = c.cursor;
    if (after === undefined || Object.keys(rest).length > 0) throw invalidCursor();
    start = ordered.findIndex((m) => (c.ascending ? sortKey(m) > after : sortKey(m) < after));
    if (start < 0) start = ordered.length;
  }
  const items = ordered.slice(start, start + c.limit);
  const last = items[items.length - 1];
  const more = start + c.limit < ordered.length;
  return { items, ...(more && last ? { cursor: { after: sortKey(last) } as Cursor } : {}) };
};

export const dynamoMappingStore: MappingStore = {
  async getMapping(tenantId, id) {
    const item = await getItem(MAPPING_KEYS.mapping(tenantId, id));
    return item ? toMappingRecord(item) : undefined;
  },

  async insertMapping(write) {
    const { mapping } = write;
    const head: TransactItems = [versionedPut(table(), mappingItem(mapping, 'NEW')), versionedPut(table(), mappingItem(mapping, 'OLD'))];
    const claimed = claimItems(head.length, undefined, mapping);
    await transact('migration mapping', [...head, ...claimed.items, ...tail(write)], claimed.claims);
  },

  async saveMapping(write) {
    const { mapping, previous } = write;
    // The new tenant's copy carries the version; the old tenant's replica follows it in the same transaction.
    const head: TransactItems = [versionedPut(table(), mappingItem(mapping, 'NEW'), previous.version)];
    if (previous.old_tenant === mapping.old_tenant) {
      head.push({ Put: { TableName: table(), Item: mappingItem(mapping, 'OLD') } });
    } else {
      head.push({ Delete: { TableName: table(), Key: MAPPING_KEYS.mapping(previous.old_tenant, previous.id) } });
      head.push(versionedPut(table(), mappingItem(mapping, 'OLD')));
    }
    const claimed = claimItems(head.length, previous, mapping);
    const claims: Claims = claimed.claims;
    await transact('migration mapping', [...head, ...claimed.items, ...tail(write)], claims);
  },

  listMappings: (tenantId, criteria) =>
    criteria.resourceIds || criteria.oldResourceIds || criteria.anyResourceIds
      ? listByResource(tenantId, criteria)
      : listByIndex(tenantId, criteria),

  async getTradeline(tenantId, id) {
    const item = await getItem(MAPPING_KEYS.tradeline(tenantId, id));
    return item ? toTradelineRecord(item) : undefined;
  },

  async listTradelines(tenantId, criteria) {
    const page = await queryPage<Record<string, unknown>>({
      index: criteria.accountId ? 'gsi2' : 'gsi1',
      partitionValue: criteria.accountId
        ? MAPPING_KEYS.accountTradelinesIndex(tenantId, criteria.accountId)
        : MAPPING_KEYS.tradelinesIndex(tenantId),
      where: criteria.direction ? [{ op: 'eq', field: 'direction', value: criteria.direction }] : [],
      limit: criteria.limit,
      ascending: criteria.ascending,
      ...(criteria.cursor ? { cursor: criteria.cursor } : {}),
    });
    return { items: page.items.map(toTradelineRecord) as TradelineTransferRecord[], ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};
