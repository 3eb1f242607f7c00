import { badRequest } from '../shared/errors.js';
import type { MappingRecord, ResourceType } from './model.js';
import type { ListSide, MappedResource } from './ports.js';
import type { CreateMappingInput, PatchMappingInput } from './schemas.js';

// Pure rules of migration mappings: who the parties are, what may change, and which of the
// caller's mappings a list can hold.

/** The two tenants of a new mapping, and which of them is not the caller (the one to look up). */
export interface Parties {
  tenant: string;
  oldTenant: string;
  /** The tenant that is not the caller's, with the body field that named it. */
  other: { id: string; field: 'tenant' | 'old_tenant' };
}

/**
 * Create works with either tenant's key (the guide): the new tenant's key may leave `tenant`
 * out; the old tenant's key names it. The caller must be one of the two.
 */
export const partiesOf = (callerTenant: string, input: Pick<CreateMappingInput, 'tenant' | 'old_tenant'>): Parties => {
  const tenant = (input.tenant ?? callerTenant).toLowerCase();
  const oldTenant = input.old_tenant.toLowerCase();
  if (oldTenant === tenant) {
    throw badRequest(
      input.tenant === undefined
        ? "old_tenant must differ from tenant (the API key's tenant when tenant is left out)"
        : 'old_tenant must differ from tenant',
    );
  }
  if (tenant === callerTenant) return { tenant, oldTenant, other: { id: oldTenant, field: 'old_tenant' } };
  if (oldTenant === callerTenant) return { tenant, oldTenant, other: { id: tenant, field: 'tenant' } };
  throw badRequest("tenant or old_tenant must be the API key's tenant");
};

/** An ACCOUNT mapping links two accounts of one account_type (a checking account is not a savings account). */
export const assertSameAccountType = (resource: MappedResource, old: MappedResource): void => {
  const type = resource.account?.account_type;
  const oldType = old.account?.account_type;
  if (type !== oldType) {
    throw badRequest(
      `resource_id and old_resource_id must be accounts of the same account_type; resource_id is ${type}, old_resource_id is ${oldType}`,
    );
  }
};

export const newMapping = (
  parties: Parties,
  input: Pick<CreateMappingInput, 'resource_type' | 'resource_id' | 'old_resource_id'>,
  meta: { id: string; now: string },
): MappingRecord => ({
  id: meta.id,
  tenant: parties.tenant,
  resource_id: input.resource_id.toLowerCase(),
  old_tenant: parties.oldTenant,
  old_resource_id: input.old_resource_id.toLowerCase(),
  resource_type: input.resource_type,
  creation_time: meta.now,
  last_updated_time: meta.now,
  version: 1,
});

/** The fields a PATCH may change (contract §10.4). */
export const MUTABLE_FIELDS = ['resource_type', 'resource_id', 'old_tenant', 'old_resource_id'] as const;
export type MutableField = (typeof MUTABLE_FIELDS)[number];

export interface PatchOutcome {
  next: MappingRecord;
  /** Changed fields with their previous values (the event's changed fields). */
  changed: Partial<Record<MutableField, string>>;
}

/**
 * Applies a PATCH. `tenant` is where the mapping lives and cannot change (echoing the current
 * value is fine). Only the new tenant's key may move the mapping to another old tenant, so a
 * caller never edits itself out of a mapping it could then no longer read.
 */
export const patchMapping = (
  current: MappingRecord,
  input: PatchMappingInput,
  meta: { callerTenant: string; now: string },
): PatchOutcome => {
  if (input.tenant !== undefined && input.tenant.toLowerCase() !== current.tenant)
    throw badRequest('tenant cannot be changed; create a new mapping instead');
  const wanted: Record<MutableField, string> = {
    resource_type: input.resource_type ?? current.resource_type,
    resource_id: input.resource_id?.toLowerCase() ?? current.resource_id,
    old_tenant: input.old_tenant?.toLowerCase() ?? current.old_tenant,
    old_resource_id: input.old_resource_id?.toLowerCase() ?? current.old_resource_id,
  };
  const changed: Partial<Record<MutableField, string>> = {};
  for (const field of MUTABLE_FIELDS) if (wanted[field] !== current[field]) changed[field] = current[field];
  if (changed.old_tenant !== undefined) {
    if (meta.callerTenant !== current.tenant) throw badRequest('old_tenant can only be changed with an API key of the new tenant');
    if (wanted.old_tenant === current.tenant) throw badRequest('old_tenant must differ from tenant');
  }
  if (Object.keys(changed).length === 0) return { next: current, changed };
  const next: MappingRecord = {
    ...current,
    resource_type: wanted.resource_type as ResourceType,
    resource_id: wanted.resource_id,
    old_tenant: wanted.old_tenant,
    old_resource_id: wanted.old_resource_id,
    last_updated_time: meta.now,
    version: current.version + 1,
  };
  return { next, changed };
};

export const deletedMapping = (current: MappingRecord, now: string): MappingRecord => ({
  ...current,
  deletion_time: now,
  last_updated_time: now,
  version: current.version + 1,
});

/**
 * Every mapping a caller can list has the caller as `tenant` or as `old_tenant`. The tenant
 * filters narrow that to one side, or to nothing (then no read is needed).
 */
export const listSideOf = (callerTenant: string, tenants?: readonly string[], oldTenants?: readonly string[]): ListSide => {
  const canBeNew = tenants === undefined || tenants.includes(callerTenant);
  const canBeOld = oldTenants === undefined || oldTenants.includes(callerTenant);
  // A mapping never has the same tenant on both sides, so "new" also needs an old tenant other than the caller.
  const newPossible = canBeNew && (oldTenants === undefined || oldTenants.some((t) => t !== callerTenant));
  const oldPossible = canBeOld && (tenants === undefined || tenants.some((t) => t !== callerTenant));
  if (newPossible && oldPossible) return 'EITHER';
  if (newPossible) return 'NEW';
  if (oldPossible) return 'OLD';
  return 'NONE';
};

/** Which resource types' permission a type needs, for messages and the HTTP layer. */
export const permissionFamilyOf = (type: ResourceType): 'customer' | 'account' => (type === 'ACCOUNT' ? 'account' : 'customer');
