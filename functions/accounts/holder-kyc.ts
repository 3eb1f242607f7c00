import type { VerificationStatus } from '../customers/model.js';
import { newEvent, type OutboxEvent } from '../events/model.js';
import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { AccountRecord, RelationshipRecord } from './model.js';
import { KYC_RELATIONSHIPS } from './relationship-rules.js';
import { TERMINAL_STATUSES } from './status-rules.js';
import { accountEventView } from './views.js';

// The platform side of KYC for accounts (contract §2.3 RESTRICTED: "platform-set when holder
// has not passed KYC"). When an owner's or signer's verification leaves ACCEPTED, each
// account they hold becomes RESTRICTED; when it returns to ACCEPTED and every other owner and
// signer is ACCEPTED too, the account gets back the status it had. The customers verification
// use-case calls this and writes the changes in the same transaction as the verification run.

export interface HeldAccount {
  account: AccountRecord;
  relationships: RelationshipRecord[];
}

export interface KycHookPorts {
  /** Accounts where the holder is an owner or signer, with all their relationships. */
  accountsHeldBy(tenantId: string, holderId: string): Promise<HeldAccount[]>;
  verificationStatusOf(tenantId: string, kind: 'PERSON' | 'BUSINESS', id: string): Promise<VerificationStatus | undefined>;
}

export interface AccountStatusChange {
  account: AccountRecord;
  expectedVersion: number;
  event: OutboxEvent;
}

interface HookContext {
  tenantId: string;
  clock: Clock;
  audit: AuditContext;
}

/** Statuses the platform leaves alone: finished accounts, and closings already under way. */
const UNTOUCHED = [...TERMINAL_STATUSES, 'IN_CLOSING', 'RESTRICTED'];

const change = (ctx: HookContext, current: AccountRecord, next: AccountRecord): AccountStatusChange => ({
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

const restrict = (ctx: HookContext, account: AccountRecord, now: string): AccountStatusChange | undefined => {
  if (UNTOUCHED.includes(account.status)) return undefined;
  return change(ctx, account, {
    ...account,
    status: 'RESTRICTED',
    status_before_restriction: account.status,
    last_updated_time: now,
    version: account.version + 1,
  });
};

const lift = async (ports: KycHookPorts, ctx: HookContext, held: HeldAccount, holderId: string, now: string): Promise<AccountStatusChange | undefined> => {
  const { account } = held;
  if (account.status !== 'RESTRICTED' || !account.status_before_restriction) return undefined;
  const others = held.relationships.filter((r) => KYC_RELATIONSHIPS.includes(r.relationship_type) && r.holder_id !== holderId);
  const statuses = await Promise.all(others.map((r) => ports.verificationStatusOf(ctx.tenantId, r.holder_kind, r.holder_id)));
  if (statuses.some((s) => s !== 'ACCEPTED')) return undefined;
  const { status_before_restriction: restored, ...rest } = account;
  return change(ctx, account, { ...rest, status: restored, last_updated_time: now, version: account.version + 1 });
};

/** The account changes a verification outcome causes (none unless ACCEPTED is left or regained). */
export const accountChangesForVerification = async (
  ports: KycHookPorts,
  ctx: HookContext,
  holderId: string,
  before: VerificationStatus,
  after: VerificationStatus,
): Promise<AccountStatusChange[]> => {
  const leaving = before === 'ACCEPTED' && after !== 'ACCEPTED';
  const regaining = before !== 'ACCEPTED' && after === 'ACCEPTED';
  if (!leaving && !regaining) return [];
  const held = await ports.accountsHeldBy(ctx.tenantId, holderId);
  const now = ctx.clock.now().toISOString();
  const changes = leaving
    ? held.map((h) => restrict(ctx, h.account, now))
    : await Promise.all(held.map((h) => lift(ports, ctx, h, holderId, now)));
  return changes.filter((c): c is AccountStatusChange => c !== undefined);
};
