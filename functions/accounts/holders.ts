import { newEvent } from '../events/model.js';
import { badRequest } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AccountsContext } from './context.js';
import type { RelationshipType } from './enums.js';
import type { RelationshipRecord } from './model.js';
import type { Holder, HolderGuard } from './ports.js';
import { assertEligible, assertOnePrimary, holderRefOf, KYC_RELATIONSHIPS, loadHolder, newRelationship } from './relationship-rules.js';
import type { RelationshipInput } from './schemas.js';

// Resolves the relationships of a new account: every holder loaded (one read each), judged
// (KYC or OFAC), and guarded in the create transaction on what was judged.

export interface ResolvedRelationships {
  relationships: RelationshipRecord[];
  holders: HolderGuard[];
}

/**
 * What the write relies on about a holder it just judged for `type`: an owner or signer still
 * ACCEPTED at commit; an AUTHORIZED_USER unchanged since its OFAC screen. A holder's first
 * account also sets its `has_accounts` (with its own *.UPDATED event, since the customer
 * resource changes).
 */
export const guardOf = (ctx: AccountsContext, holder: Holder, type: RelationshipType): HolderGuard => {
  const { record } = holder;
  const guard: HolderGuard = {
    tenant: record.tenant,
    kind: holder.kind,
    id: record.id,
    ...(KYC_RELATIONSHIPS.includes(type) ? { acceptance: 'ACCEPTED' as const } : { expectedVersion: record.version }),
  };
  if (record.has_accounts) return guard;
  const now = ctx.clock.now().toISOString();
  const event = newEvent(ctx.clock, {
    type: holder.kind === 'PERSON' ? 'PERSON.UPDATED' : 'BUSINESS.UPDATED',
    tenant: ctx.tenantId,
    resource_id: record.id,
    event_resource: holder.resourceWith({ has_accounts: true, last_updated_time: now, version: record.version + 1 }),
    event_resource_changed_fields: { has_accounts: false },
    audit: ctx.audit,
  });
  return { ...guard, expectedVersion: record.version, hasAccountsEvent: event };
};

/** One guard per holder: a transaction may name an item once, so guards on one holder combine. */
export const mergeGuards = (guards: readonly HolderGuard[]): HolderGuard[] => {
  const merged = new Map<string, HolderGuard>();
  for (const guard of guards) {
    const key = `${guard.kind}#${guard.id}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, ...guard } : guard);
  }
  return [...merged.values()];
};

export const resolveRelationships = async (
  ctx: AccountsContext,
  inputs: readonly RelationshipInput[],
  meta: { accountId: string; now: string },
): Promise<ResolvedRelationships> => {
  const refs = inputs.map((input, i) => holderRefOf(input, `relationships.${i}`));
  refs.forEach((ref, i) => {
    const first = refs.findIndex((other) => other.kind === ref.kind && other.id === ref.id);
    if (first !== i) throw badRequest(`${ref.field} names the same holder as relationships.${first}; each holder may appear once`);
  });
  assertOnePrimary(inputs, 'relationships', 400);
  const holders = await Promise.all(refs.map((ref) => loadHolder(ctx, ref)));
  holders.forEach((holder, i) => assertEligible(holder, inputs[i]!.relationship_type, refs[i]!));
  const relationships = holders.map((holder, i) =>
    newRelationship({ id: newId(), tenant: ctx.tenantId, accountId: meta.accountId, now: meta.now }, inputs[i]!.relationship_type, holder),
  );
  return { relationships, holders: holders.map((holder, i) => guardOf(ctx, holder, inputs[i]!.relationship_type)) };
};
