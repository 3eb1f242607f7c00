import { AlreadyExists, badRequest, notFound, RuleViolation } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { accountEvent, accountToChange, getAccountRecord, kycPortsOf, loaded, repairingKyc } from './accounts.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { AccountsContext } from './context.js';
import type { RelationshipType } from './enums.js';
import { acceptanceGuards, reconcileAccounts } from './holder-kyc.js';
import { holderRolesOf } from './holder-roles.js';
import { guardOf, mergeGuards } from './holders.js';
import type { AccountRecord, RelationshipRecord } from './model.js';
import type { HolderGuard, ListCriteria } from './ports.js';
import { assertEligible, holderIdsOf, holderRefOf, isPrimary, loadHolder, newRelationship } from './relationship-rules.js';
import type { RelationshipInput } from './schemas.js';
import { assertNotTerminal } from './status-rules.js';
import { relationshipView } from './views.js';

// `/accounts/{account_id}/relationships` (contract §4). Every change rewrites the account in
// the same transaction (derived customer_ids / business_ids / holder_roles, version), so
// concurrent changes to one account serialise on its version and "exactly one primary holder"
// cannot be raced; the holder's membership of the account (its KYC hook index) is written or
// removed in that transaction too.

const unprocessable = (detail: string) => new RuleViolation(detail);

/**
 * At most this many relationships per account, as at creation: every owner and signer is
 * checked in the transactions that write the account (holder-kyc.ts), which must stay small.
 */
export const MAX_RELATIONSHIPS = 10;

/** An account whose relationships may change: open, and not frozen by its customer. */
const mutableAccount = async (ctx: AccountsContext, accountId: string): Promise<AccountRecord> => {
  const account = await accountToChange(ctx, accountId);
  assertNotTerminal(account);
  if (account.access_status === 'FROZEN')
    throw unprocessable('the account is FROZEN: its relationships cannot change until access_status is ACTIVE');
  return account;
};

interface Change {
  account: AccountRecord;
  before: RelationshipRecord[];
  after: RelationshipRecord[];
  put?: RelationshipRecord;
  remove?: RelationshipRecord;
  holders: HolderGuard[];
}

const save = async (ctx: AccountsContext, change: Change): Promise<void> => {
  const now = ctx.clock.now().toISOString();
  const roles = holderRolesOf(change.after);
  const next: AccountRecord = {
    ...change.account,
    ...holderIdsOf(change.after),
    holder_roles: roles,
    last_updated_time: now,
    version: change.account.version + 1,
  };
  const event = accountEvent(ctx, 'ACCOUNT.UPDATED', await loaded(ctx, next), {
    before: change.account,
    // Relationships are not a field of the account resource; their prior state is recorded too.
    changed: { relationships: change.before.map(relationshipView) },
  });
  await repairingKyc(ctx, next.id, () =>
    ctx.accounts.saveRelationshipChange({
      account: next,
      expectedVersion: change.account.version,
      events: [event],
      holders: mergeGuards([...change.holders, ...acceptanceGuards(next, roles)]),
      ...(change.put ? { put: change.put } : {}),
      ...(change.remove ? { remove: change.remove } : {}),
    }),
  );
  // Removing or demoting the one holder who was not ACCEPTED ends the reason for a restriction.
  if (next.status === 'RESTRICTED') await reconcileAccounts(kycPortsOf(ctx), ctx, [next.id]);
};

const assertSinglePrimary = (others: readonly RelationshipRecord[], type: RelationshipType): void => {
  if (isPrimary(type) && others.some((r) => isPrimary(r.relationship_type))) {
    throw unprocessable('the account already has a PRIMARY_ACCOUNT_HOLDER; an account has exactly one');
  }
};

export const addRelationship = (ctx: AccountsContext, accountId: string, input: RelationshipInput): Promise<RelationshipRecord> =>
  retryOnConflict(async () => {
    const account = await mutableAccount(ctx, accountId);
    const ref = holderRefOf(input, '');
    const before = await ctx.accounts.relationshipsOf(ctx.tenantId, accountId);
    if (before.some((r) => r.holder_kind === ref.kind && r.holder_id === ref.id)) {
      throw new AlreadyExists(`${ref.field}: ${ref.id} already has a relationship with this account`);
    }
    if (before.length >= MAX_RELATIONSHIPS)
      throw unprocessable(`the account already has ${MAX_RELATIONSHIPS} relationships, the most an account can have`);
    assertSinglePrimary(before, input.relationship_type);
    const holder = await loadHolder(ctx, ref);
    assertEligible(holder, input.relationship_type, ref);
    const relationship = newRelationship(
      { id: newId(), tenant: ctx.tenantId, accountId, now: ctx.clock.now().toISOString() },
      input.relationship_type,
      holder,
    );
    const after = [...before, relationship];
    await save(ctx, { account, before, after, put: relationship, holders: [guardOf(ctx, holder, input.relationship_type)] });
    return relationship;
  });

export const getRelationship = async (ctx: AccountsContext, accountId: string, id: string): Promise<RelationshipRecord> => {
  const relationship = await ctx.accounts.getRelationship(ctx.tenantId, accountId, id);
  if (!relationship) throw notFound('relationship');
  return relationship;
};

/** PUT: only `relationship_type` may change (contract §4.3). */
export const updateRelationship = (
  ctx: AccountsContext,
  accountId: string,
  id: string,
  input: RelationshipInput,
): Promise<RelationshipRecord> =>
  retryOnConflict(async () => {
    const account = await mutableAccount(ctx, accountId);
    const current = await getRelationship(ctx, accountId, id);
    if (input.customer_id !== undefined || input.business_id !== undefined || input.person_id !== undefined) {
      const ref = holderRefOf(input, '');
      if (ref.kind !== current.holder_kind || ref.id !== current.holder_id) {
        throw badRequest(`${ref.field} cannot change; only relationship_type can be updated`);
      }
    }
    const type = input.relationship_type;
    if (type === current.relationship_type) return current;
    const before = await ctx.accounts.relationshipsOf(ctx.tenantId, accountId);
    if (isPrimary(current.relationship_type) && !isPrimary(type)) {
      throw unprocessable('the PRIMARY_ACCOUNT_HOLDER cannot be changed to another type: an account has exactly one');
    }
    if (!isPrimary(current.relationship_type)) assertSinglePrimary(before, type);
    const ref = {
      kind: current.holder_kind,
      id: current.holder_id,
      field: current.holder_kind === 'PERSON' ? 'customer_id' : 'business_id',
    };
    const holder = await loadHolder(ctx, ref);
    assertEligible(holder, type, ref);
    const updated = newRelationship({ id, tenant: ctx.tenantId, accountId, now: ctx.clock.now().toISOString() }, type, holder);
    const next: RelationshipRecord = { ...updated, created_at: current.created_at };
    const after = before.map((r) => (r.id === id ? next : r));
    // The primary holder never changes, so neither does customer_type.
    await save(ctx, { account, before, after, put: next, holders: [guardOf(ctx, holder, type)] });
    return next;
  });

export const deleteRelationship = (ctx: AccountsContext, accountId: string, id: string): Promise<RelationshipRecord> =>
  retryOnConflict(async () => {
    const account = await mutableAccount(ctx, accountId);
    const current = await getRelationship(ctx, accountId, id);
    if (isPrimary(current.relationship_type)) {
      throw unprocessable('the last PRIMARY_ACCOUNT_HOLDER cannot be removed: an account has exactly one');
    }
    const before = await ctx.accounts.relationshipsOf(ctx.tenantId, accountId);
    await save(ctx, { account, before, after: before.filter((r) => r.id !== id), remove: current, holders: [] });
    return current;
  });

export const listRelationships = async (
  ctx: AccountsContext,
  accountId: string,
  criteria: ListCriteria<RelationshipRecord>,
): Promise<Page<RelationshipRecord>> => {
  await getAccountRecord(ctx, accountId);
  return ctx.accounts.listRelationships(ctx.tenantId, accountId, criteria);
};
