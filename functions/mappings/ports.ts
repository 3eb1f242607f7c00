import type { OutboxEvent } from '../events/model.js';
import type { Cursor, Page } from '../shared/page.js';
import type { MappingRecord, ResourceType, TradelineDirection, TradelineTransferRecord } from './model.js';

// What the mappings use-cases need from outside. The resources a mapping links belong to other
// domains (customers, accounts): they are seen only through ResourceDirectory, as snapshots.

/** What a mapping needs to know about an account: its type, and the terms a tradeline carries. */
export interface AccountFacts {
  account_type: string;
  open_date: string;
  currency: string;
  credit_limit?: number;
  /** Amount owed in minor units (credit types); 0 for deposit accounts. */
  amount_owed: number;
}

export interface MappedResource {
  type: ResourceType;
  id: string;
  tenant: string;
  /** Present for ACCOUNT. */
  account?: AccountFacts;
}

export interface ResourceDirectory {
  /** The resource of that type in that tenant (one strongly consistent GetItem), or undefined. */
  find(tenantId: string, type: ResourceType, id: string): Promise<MappedResource | undefined>;
}

export interface TenantFacts {
  id: string;
  organization_id: string;
  /** The partner bank's name as tradelines report it (the tenant's name: tenants carry no separate bank name). */
  bank_name: string;
}

export interface TenantDirectory {
  getTenant(tenantId: string): Promise<TenantFacts | undefined>;
}

/** The permission a key needs follows the mapped resource's type (PERSON/BUSINESS: customer, ACCOUNT: account). */
export type AccessAction = 'read' | 'write';

export interface MappingAccess {
  /** Throws 403 naming the missing permission unless the caller may `action` every type. */
  require(types: readonly ResourceType[], action: AccessAction): void;
  /** The types whose mappings the caller may read; 403 when there are none. */
  readableTypes(): ResourceType[];
}

/**
 * One change of a mapping, committed as one transaction: the mapping (both tenants' copies),
 * its uniqueness claims, the tradeline records and the events. `previous` is absent on create;
 * otherwise the write is conditioned on its version, and the claims and the old tenant's copy
 * follow the change (a deleted mapping releases both claims).
 */
export interface MappingWrite {
  mapping: MappingRecord;
  previous?: MappingRecord;
  tradelines: TradelineTransferRecord[];
  events: OutboxEvent[];
}

/** A live mapping already holds this resource; `side` names the field. */
export class MappingClaimTaken extends Error {
  constructor(readonly side: 'resource_id' | 'old_resource_id') {
    super(`${side} is already mapped`);
    this.name = 'MappingClaimTaken';
  }
}

export type MappingSortField = 'creation_time' | 'last_updated_time';

/**
 * Which of the caller's mappings a list may hold, from the tenant filters: those where the
 * caller is the new tenant, the old one, either, or none (an empty answer without a read).
 */
export type ListSide = 'NEW' | 'OLD' | 'EITHER' | 'NONE';

export interface MappingListCriteria {
  side: ListSide;
  resourceIds?: readonly string[];
  oldResourceIds?: readonly string[];
  /** Matches resource_id or old_resource_id. */
  anyResourceIds?: readonly string[];
  tenants?: readonly string[];
  oldTenants?: readonly string[];
  /** Always set: the requested types the caller may read. */
  types: readonly ResourceType[];
  includeDeleted: boolean;
  sortBy: MappingSortField;
  ascending: boolean;
  limit: number;
  cursor?: Cursor;
}

export interface TradelineListCriteria {
  accountId?: string;
  direction?: TradelineDirection;
  ascending: boolean;
  limit: number;
  cursor?: Cursor;
}

export interface MappingStore {
  /** The caller's copy (new or old tenant), strongly consistent. */
  getMapping(tenantId: string, id: string): Promise<MappingRecord | undefined>;
  /** Throws MappingClaimTaken when a live mapping holds either resource. */
  insertMapping(write: MappingWrite): Promise<void>;
  /** Update or soft delete; throws VersionConflict when `previous` is stale, MappingClaimTaken as above. */
  saveMapping(write: MappingWrite & { previous: MappingRecord }): Promise<void>;
  listMappings(tenantId: string, criteria: MappingListCriteria): Promise<Page<MappingRecord>>;

  getTradeline(tenantId: string, id: string): Promise<TradelineTransferRecord | undefined>;
  listTradelines(tenantId: string, criteria: TradelineListCriteria): Promise<Page<TradelineTransferRecord>>;
}
