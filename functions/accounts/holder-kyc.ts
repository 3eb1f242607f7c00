import { newEvent } from '../events/model.js';
import { retryOnConflict } from '../shared/page.js';
import type { UseCaseScope } from '../shared/scope.js';
import type { AccountStatus } from './enums.js';
import { holderKeyOf, kycHoldersOf, storedHolderRoles } from './holder-roles.js';
import type { AccountRecord, HolderRole } from './model.js';
import {
  type AccountStore,
  type HolderDirectory,
  type HolderGuard,
  type HolderKey,
  KYC_BATCH_ITEMS,
  type KycAccountWrite,
  type KycWriteBatch,
} from './ports.js';
import { TERMINAL_STATUSES } from './status-rules.js';
import { accountEventView } from './views.js';

// The platform side of KYC for accounts (contract §2.3 RESTRICTED: "platform-set when holder
// has not passed KYC"). The state kept: an account that is not closing or closed is RESTRICTED
// exactly when one of its owners or signers is not ACCEPTED; restricting remembers the status,
// lifting restores it.
//
// `reconcileAccounts` moves accounts to that state from strongly consistent reads (the account,
// each owner's and signer's verification_status) and commits each change with a check that
// those standings still hold, so a standing that changes meanwhile makes it re-read and decide
// again. It depends only on what it reads, so running it again is harmless: that is what makes
// a verification run's account step repairable (docs/api-notes.md, Accounts, KYC), and why any account
// mutation can run it first. It writes in small batches, so a holder may hold any number of
// accounts.

export interface KycPorts {
  accounts: Pick<AccountStore, 'getAccount' | 'relationshipsOf' | 'heldAccountIds' | 'saveKycChanges'>;
  holders: HolderDirectory;
}

export type KycContext = UseCaseScope;

export interface ReconcileOptions {
  /**
   * Set by a verification run whose outcome is not ACCEPTED: accounts already RESTRICTED are
   * re-asserted (their version bumped), so a lift decided concurrently on the old standing
   * fails its version condition and re-reads. The lift's own checks of every holder's standing
   * already stop it; this makes the two writes meet on the account item as well.
   */
  reassert: boolean;
}

/** Statuses the platform leaves alone: finished accounts, and closings already under way. */
const UNTOUCHED: readonly AccountStatus[] = [...TERMINAL_STATUSES, 'IN_CLOSING'];

/** Accounts whose owners and signers must all be ACCEPTED: not restricted, closing or closed. */
export const mustHaveAcceptedHolders = (status: AccountStatus): boolean => status !== 'RESTRICTED' && !UNTOUCHED.includes(status);

/** For a write that leaves `account` in that set: each owner and signer still ACCEPTED at commit. */
export const acceptanceGuards = (account: AccountRecord, roles: readonly HolderRole[]): HolderGuard[] =>
  mustHaveAcceptedHolders(account.status)
    ? kycHoldersOf(roles).map((role) => ({ ...holderKeyOf(account.tenant, role), acceptance: 'ACCEPTED' as const }))
    : [];

const keyOf = (holder: Pick<HolderKey, 'kind' | 'id'>): string => `${holder.kind}#${holder.id}`;

interface Planned {
  write: KycAccountWrite;
  holders: HolderGuard[];
}

const statusChange = (ctx: KycContext, current: AccountRecord, next: AccountRecord): KycAccountWrite => ({
  account: next,
  expectedVersion: current.version,
  event: newEvent(ctx.clock, {
    type: 'ACCOUNT.UPDATED',
    tenant: ctx.tenantId,
    resource_id: current.id,
    event_resource: accountEventView(next),
    event_resource_changed_fields: { status: current.status },
    audit: ctx.audit,
  }),
});

/** What one account needs, given who of its owners and signers is ACCEPTED. */
const plan = (
  ctx: KycContext,
  account: AccountRecord,
  roles: readonly HolderRole[],
  accepted: ReadonlySet<string>,
  options: ReconcileOptions,
): Planned | undefined => {
  if (UNTOUCHED.includes(account.status)) return undefined;
  const kyc = kycHoldersOf(roles);
  const holders = kyc.map(
    (role): HolderGuard => ({ ...holderKeyOf(account.tenant, role), acceptance: accepted.has(keyOf(role)) ? 'ACCEPTED' : 'NOT_ACCEPTED' }),
  );
  const allAccepted = holders.every((h) => h.acceptance === 'ACCEPTED');
  const now = ctx.clock.now().toISOString();
  const version = account.version + 1;
  if (account.status !== 'RESTRICTED') {
    if (allAccepted) return undefined;
    return {
      write: statusChange(ctx, account, {
        ...account,
        status: 'RESTRICTED',
        status_before_restriction: account.status,
        last_updated_time: now,
        version,
      }),
      holders,
    };
  }
  if (allAccepted) {
    const { status_before_restriction: restored, ...rest } = account;
    // Only the platform restricts, always remembering the status; without one there is nothing to restore.
    if (!restored) return undefined;
    return { write: statusChange(ctx, account, { ...rest, status: restored, last_updated_time: now, version }), holders };
  }
  return options.reassert ? { write: { account: { ...account, version }, expectedVersion: account.version }, holders } : undefined;
};

/** Packs changes into batches of at most KYC_BATCH_ITEMS items (2 per account, 1 per distinct holder). */
const batchesOf = (planned: readonly Planned[]): KycWriteBatch[] => {
  const batches: { writes: KycAccountWrite[]; holders: Map<string, HolderGuard> }[] = [];
  for (const { write, holders } of planned) {
    let batch = batches[batches.length - 1];
    const added = holders.filter((h) => !batch?.holders.has(keyOf(h))).length;
    if (!batch || 2 * (batch.writes.length + 1) + batch.holders.size + added > KYC_BATCH_ITEMS) {
      batch = { writes: [], holders: new Map() };
      batches.push(batch);
    }
    batch.writes.push(write);
    // One read per holder per pass, so every account in the batch was judged on the same standing.
    for (const h of holders) batch.holders.set(keyOf(h), h);
  }
  return batches.map((b) => ({ writes: b.writes, holders: [...b.holders.values()] }));
};

/** The owners and signers, of those given, that are ACCEPTED now (one consistent read each). */
const acceptedAmong = async (ports: KycPorts, tenantId: string, roles: readonly HolderRole[]): Promise<Set<string>> => {
  const distinct = [...new Map(roles.map((r) => [keyOf(r), r])).values()];
  const statuses = await Promise.all(
    distinct.map(async (r) => (await ports.holders.getHolder(tenantId, r.kind, r.id))?.record.verification_status),
  );
  return new Set(distinct.filter((_, i) => statuses[i] === 'ACCEPTED').map(keyOf));
};

/** Brings these accounts to their KYC state; idempotent, retried on any concurrent change. */
export const reconcileAccounts = (
  ports: KycPorts,
  ctx: KycContext,
  accountIds: readonly string[],
  options: ReconcileOptions = { reassert: false },
): Promise<void> =>
  retryOnConflict(async () => {
    const found = await Promise.all(accountIds.map((id) => ports.accounts.getAccount(ctx.tenantId, id)));
    const accounts = found.filter((a): a is AccountRecord => a !== undefined);
    const roles = await Promise.all(accounts.map((a) => storedHolderRoles(ports.accounts, a)));
    const accepted = await acceptedAmong(ports, ctx.tenantId, roles.flatMap(kycHoldersOf));
    const planned = accounts.flatMap((account, i) => plan(ctx, account, roles[i]!, accepted, options) ?? []);
    for (const batch of batchesOf(planned)) await ports.accounts.saveKycChanges(batch);
  });

/** Accounts read (and retried) together; bounds the reads in flight for a holder of many accounts. */
const ACCOUNTS_PER_PASS = 20;

/** Every account the person or business owns or signs for, found through its memberships. */
export const reconcileHolderAccounts = async (
  ports: KycPorts,
  ctx: KycContext,
  holder: Pick<HolderKey, 'kind' | 'id'>,
  options: ReconcileOptions,
): Promise<void> => {
  const ids = await ports.accounts.heldAccountIds({ tenant: ctx.tenantId, ...holder });
  for (let start = 0; start < ids.length; start += ACCOUNTS_PER_PASS) {
    await reconcileAccounts(ports, ctx, ids.slice(start, start + ACCOUNTS_PER_PASS), options);
  }
};

/**
 * The accounts' side of a verification outcome (bound by the wiring to the customers domain's
 * VerificationOutcomeListener): every account the person or business owns or signs for is
 * brought to its KYC state. An outcome other than ACCEPTED also re-asserts restrictions already
 * in place, so a lift decided concurrently on the old standing retries.
 */
export const applyVerificationOutcome = (
  ports: KycPorts,
  ctx: KycContext,
  holder: Pick<HolderKey, 'kind' | 'id'>,
  status: string,
): Promise<void> => reconcileHolderAccounts(ports, ctx, holder, { reassert: status !== 'ACCEPTED' });
