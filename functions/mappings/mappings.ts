import { newEvent, type EventType, type OutboxEvent } from '../events/model.js';
import { conflict, notFound, unprocessable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { MappingsContext } from './context.js';
import { isCreditAccountType, type MappingRecord, type ResourceType, type TradelineLink, type TradelineTransferRecord } from './model.js';
import { MappingClaimTaken, type MappedResource, type MappingListCriteria, type TenantFacts } from './ports.js';
import { assertSameAccountType, deletedMapping, newMapping, partiesOf, patchMapping, listSideOf } from './rules.js';
import type { CreateMappingInput, PatchMappingInput } from './schemas.js';
import { reversalRecord, transferRecords } from './tradelines.js';
import { mappingView } from './views.js';

// Migration mapping use-cases (contract §10). A create reads the other tenant (organization
// check, cached per container) and the two resources, then commits ONE transaction: both
// tenants' copies, the two uniqueness claims, the tradeline records of a credit mapping and the
// events for both tenants.

const tenantOf = async (ctx: MappingsContext, id: string, field: 'tenant' | 'old_tenant'): Promise<TenantFacts> => {
  const tenant = await ctx.tenants.getTenant(id);
  // A tenant of another organization is as unknown to the caller as one that does not exist.
  if (!tenant || tenant.organization_id !== ctx.organizationId) throw notFound(`${field} ${id}`);
  return tenant;
};

const resourceOf = async (
  ctx: MappingsContext,
  tenant: string,
  type: ResourceType,
  id: string,
  field: 'resource_id' | 'old_resource_id',
): Promise<MappedResource> => {
  const resource = await ctx.resources.find(tenant, type, id);
  if (!resource) throw notFound(`${field} (${type} ${id} in tenant ${tenant})`);
  return resource;
};

/** Both linked resources, each in its tenant with the mapping's type; accounts of one account_type. */
const linkedResources = async (ctx: MappingsContext, m: MappingRecord): Promise<[MappedResource, MappedResource]> => {
  const [resource, old] = await Promise.all([
    resourceOf(ctx, m.tenant, m.resource_type, m.resource_id, 'resource_id'),
    resourceOf(ctx, m.old_tenant, m.resource_type, m.old_resource_id, 'old_resource_id'),
  ]);
  if (m.resource_type === 'ACCOUNT') assertSameAccountType(resource, old);
  return [resource, old];
};

/** The SALE and PURCHASE records when the mapping links two credit accounts; none otherwise. */
const transferFor = async (ctx: MappingsContext, m: MappingRecord, [resource, old]: [MappedResource, MappedResource], now: string) => {
  if (m.resource_type !== 'ACCOUNT' || !old.account || !resource.account || !isCreditAccountType(old.account.account_type))
    return undefined;
  const [seller, buyer] = await Promise.all([ctx.tenants.getTenant(m.old_tenant), ctx.tenants.getTenant(m.tenant)]);
  const records = transferRecords({
    mapping: m,
    oldAccount: old.account,
    newAccount: resource.account,
    sellerBankName: seller?.bank_name ?? m.old_tenant,
    buyerBankName: buyer?.bank_name ?? m.tenant,
    ids: { sale: newId(), purchase: newId() },
    now,
  });
  return { records, link: { sale_id: records[0].id, purchase_id: records[1].id } satisfies TradelineLink };
};

/** Reversals of the transfer a mapping currently carries (its two original records, read back). */
const reversalsOf = async (ctx: MappingsContext, m: MappingRecord, now: string): Promise<TradelineTransferRecord[]> => {
  if (!m.tradeline) return [];
  const originals = await Promise.all([
    ctx.mappings.getTradeline(m.old_tenant, m.tradeline.sale_id),
    ctx.mappings.getTradeline(m.tenant, m.tradeline.purchase_id),
  ]);
  return originals
    .filter((r): r is TradelineTransferRecord => r !== undefined)
    .map((original) => reversalRecord(original, { id: newId(), now }));
};

/** One event per tenant concerned: the new tenant, the old one, and any old tenant the change left. */
const mappingEvents = (
  ctx: MappingsContext,
  type: EventType,
  m: MappingRecord,
  extra: { changed?: Record<string, unknown>; alsoTo?: string } = {},
): OutboxEvent[] =>
  [...new Set([m.tenant, m.old_tenant, ...(extra.alsoTo ? [extra.alsoTo] : [])])].map((tenant) =>
    newEvent(ctx.clock, {
      type,
      tenant,
      resource_id: m.id,
      event_resource: mappingView(m),
      ...(extra.changed ? { event_resource_changed_fields: extra.changed } : {}),
      audit: ctx.audit,
    }),
  );

const claimConflict = (error: MappingClaimTaken, m: MappingRecord) =>
  error.side === 'resource_id'
    ? conflict(`resource_id ${m.resource_id} of tenant ${m.tenant} is already mapped by a live migration mapping`, 'ALREADY_EXISTS')
    : conflict(
        `old_resource_id ${m.old_resource_id} of tenant ${m.old_tenant} is already mapped by a live migration mapping`,
        'ALREADY_EXISTS',
      );

const claiming = async (m: MappingRecord, write: () => Promise<void>): Promise<void> => {
  try {
    await write();
  } catch (error) {
    if (error instanceof MappingClaimTaken) throw claimConflict(error, m);
    throw error;
  }
};

export const createMapping = async (ctx: MappingsContext, input: CreateMappingInput): Promise<MappingRecord> => {
  ctx.access.require([input.resource_type], 'write');
  const parties = partiesOf(ctx.tenantId, input);
  await tenantOf(ctx, parties.other.id, parties.other.field);
  const now = ctx.clock.now().toISOString();
  const candidate = newMapping(parties, input, { id: newId(), now });
  const resources = await linkedResources(ctx, candidate);
  const transfer = await transferFor(ctx, candidate, resources, now);
  const mapping: MappingRecord = transfer ? { ...candidate, tradeline: transfer.link } : candidate;
  const events = mappingEvents(ctx, 'RESOURCE_MAPPING.CREATED', mapping);
  // No retry: the only conditions are the claims (a duplicate is a 409) and the new item.
  await claiming(mapping, () => ctx.mappings.insertMapping({ mapping, tradelines: transfer?.records ?? [], events }));
  return mapping;
};

/** The caller's copy; 404 for an unknown id and for a mapping the caller's tenant is no party to. */
const loadMapping = async (ctx: MappingsContext, id: string): Promise<MappingRecord> => {
  const mapping = await ctx.mappings.getMapping(ctx.tenantId, id);
  if (!mapping) throw notFound('migration mapping');
  return mapping;
};

export const getMapping = async (ctx: MappingsContext, id: string): Promise<MappingRecord> => {
  const mapping = await loadMapping(ctx, id);
  ctx.access.require([mapping.resource_type], 'read');
  return mapping;
};

/**
 * PATCH (contract §10.4), allowed with either tenant's key like create. Whatever changes, the
 * new link is judged like a create (existence, type, account_type, uniqueness) and a tradeline
 * transfer follows it: the old one is reversed, a new one recorded for a new credit pair.
 */
export const updateMapping = (ctx: MappingsContext, id: string, input: PatchMappingInput): Promise<MappingRecord> =>
  retryOnConflict(async () => {
    const current = await loadMapping(ctx, id);
    ctx.access.require([...new Set([current.resource_type, input.resource_type ?? current.resource_type])], 'write');
    if (current.deletion_time) throw unprocessable('this migration mapping is deleted and cannot be changed; create a new one');
    const now = ctx.clock.now().toISOString();
    const { next: patched, changed } = patchMapping(current, input, { callerTenant: ctx.tenantId, now });
    if (Object.keys(changed).length === 0) return current;
    if (changed.old_tenant !== undefined) await tenantOf(ctx, patched.old_tenant, 'old_tenant');
    const resources = await linkedResources(ctx, patched);
    const [reversals, transfer] = await Promise.all([reversalsOf(ctx, current, now), transferFor(ctx, patched, resources, now)]);
    const next: MappingRecord = { ...patched };
    delete next.tradeline;
    if (transfer) next.tradeline = transfer.link;
    const events = mappingEvents(ctx, 'RESOURCE_MAPPING.UPDATED', next, {
      changed,
      ...(changed.old_tenant !== undefined ? { alsoTo: current.old_tenant } : {}),
    });
    await claiming(next, () =>
      ctx.mappings.saveMapping({ mapping: next, previous: current, tradelines: [...reversals, ...(transfer?.records ?? [])], events }),
    );
    return next;
  });

/** Soft delete: `deletion_time` is set, both resources are free again, a tradeline transfer is reversed. */
export const deleteMapping = (ctx: MappingsContext, id: string): Promise<MappingRecord> =>
  retryOnConflict(async () => {
    const current = await loadMapping(ctx, id);
    ctx.access.require([current.resource_type], 'write');
    // Deleting twice changes nothing (DELETE takes no Idempotency-Key; a retry must be safe).
    if (current.deletion_time) return current;
    const now = ctx.clock.now().toISOString();
    const next = deletedMapping(current, now);
    delete next.tradeline;
    const reversals = await reversalsOf(ctx, current, now);
    const events = mappingEvents(ctx, 'RESOURCE_MAPPING.DELETED', next);
    await ctx.mappings.saveMapping({ mapping: next, previous: current, tradelines: reversals, events });
    return next;
  });

/** A list request as the HTTP layer parsed it; the tenant side and permitted types are decided here. */
export type MappingListRequest = Omit<MappingListCriteria, 'side' | 'types'> & { types?: readonly ResourceType[] };

/**
 * A list filtered to some types needs read permission on each; an unfiltered list holds only
 * the types the key may read.
 */
export const listMappings = async (ctx: MappingsContext, request: MappingListRequest): Promise<Page<MappingRecord>> => {
  if (request.types) ctx.access.require(request.types, 'read');
  const types = request.types ?? ctx.access.readableTypes();
  const side = listSideOf(ctx.tenantId, request.tenants, request.oldTenants);
  if (side === 'NONE') return { items: [] };
  return ctx.mappings.listMappings(ctx.tenantId, { ...request, side, types });
};
