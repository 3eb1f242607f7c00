import { businessView, personView } from '../customers/views.js';
import { newEvent } from '../events/model.js';
import { badRequest } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AccountsContext } from './context.js';
import type { RelationshipRecord } from './model.js';
import type { Holder, HolderGuard } from './ports.js';
import { assertEligible, assertOnePrimary, holderRefOf, loadHolder, newRelationship } from './relationship-rules.js';
import type { RelationshipInput } from './schemas.js';

// Resolves the relationships of a new account: every holder loaded (one read each), judged
// (KYC or OFAC), and guarded in the create transaction at the version that was judged.

export interface ResolvedRelationships {
  relationships: RelationshipRecord[];
  holders: HolderGuard[];
}

/**
 * Guards the holder at the version that was judged; a holder's first account also sets its
 * `has_accounts` (with its own *.UPDATED event, since the customer resource changes).
 */
export const guardOf = (ctx: AccountsContext, holder: Holder): HolderGuard => {
  if (holder.record.has_accounts) return { holder, markHasAccounts: false };
  const now = ctx.clock.now().toISOString();
  const changed = { has_accounts: true, last_updated_time: now, version: holder.record.version + 1 };
  const [type, resource] =
    holder.kind === 'PERSON'
      ? (['PERSON.UPDATED', personView({ ...holder.record, ...changed })] as const)
      : (['BUSINESS.UPDATED', businessView({ ...holder.record, ...changed })] as const);
  const event = newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: holder.record.id,
    event_resource: resource,
    event_resource_changed_fields: { has_accounts: false },
    audit: ctx.audit,
  });
  return { holder, markHasAccounts: true, event };
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
  return { relationships, holders: holders.map((holder) => guardOf(ctx, holder)) };
};
