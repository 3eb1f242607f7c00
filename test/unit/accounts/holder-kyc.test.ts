import { describe, expect, it } from 'vitest';
import { accountChangesForVerification, type HeldAccount, type KycHookPorts } from '../../../functions/accounts/holder-kyc.js';
import type { VerificationStatus } from '../../../functions/customers/model.js';
import { accountRecord, NOW, relationshipRecord } from './records.js';

const ctx = { tenantId: 'tenant_a', clock: { now: () => new Date(NOW) }, audit: { request_id: 'r', api_key_id: 'k', method: 'POST', path: '/v0/verifications/verify' } };
const HOLDER = 'c0000000-0000-4000-8000-000000000001';
const CO_OWNER = 'c0000000-0000-4000-8000-000000000002';

const held = (overrides: Parameters<typeof accountRecord>[0], coOwner = false): HeldAccount => ({
  account: accountRecord(overrides),
  relationships: [
    relationshipRecord({ holder_id: HOLDER }),
    ...(coOwner ? [relationshipRecord({ id: 'f2', relationship_type: 'JOINT_ACCOUNT_HOLDER' as const, holder_id: CO_OWNER })] : []),
  ],
});

const ports = (accounts: HeldAccount[], statuses: Record<string, VerificationStatus> = {}): KycHookPorts => ({
  accountsHeldBy: async () => accounts,
  verificationStatusOf: async (_t, _k, id) => statuses[id] ?? 'ACCEPTED',
});

describe('accountChangesForVerification', () => {
  it('does nothing (and reads nothing) unless ACCEPTED is left or regained', async () => {
    const failing: KycHookPorts = { accountsHeldBy: () => Promise.reject(new Error('read')), verificationStatusOf: () => Promise.reject(new Error('read')) };
    expect(await accountChangesForVerification(failing, ctx, HOLDER, 'ACCEPTED', 'ACCEPTED')).toEqual([]);
    expect(await accountChangesForVerification(failing, ctx, HOLDER, 'REVIEW', 'REJECTED')).toEqual([]);
  });

  it('restricts open accounts, remembering their status, and leaves closing and closed ones', async () => {
    const accounts = [
      held({ id: 'a1', status: 'ACTIVE_OR_DISBURSED', version: 3 }),
      held({ id: 'a2', status: 'SUSPENDED' }),
      held({ id: 'a3', status: 'IN_CLOSING' }),
      held({ id: 'a4', status: 'CLOSED' }),
      held({ id: 'a5', status: 'RESTRICTED' }),
    ];
    const changes = await accountChangesForVerification(ports(accounts), ctx, HOLDER, 'ACCEPTED', 'REVIEW');
    expect(changes.map((c) => c.account.id)).toEqual(['a1', 'a2']);
    expect(changes[0]).toMatchObject({
      expectedVersion: 3,
      account: { status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED', version: 4, last_updated_time: NOW },
      event: { type: 'ACCOUNT.UPDATED', resource_id: 'a1', event_resource_changed_fields: { status: 'ACTIVE_OR_DISBURSED' } },
    });
  });

  it('restores the remembered status once every owner and signer is ACCEPTED', async () => {
    const solo = held({ id: 'a1', status: 'RESTRICTED', status_before_restriction: 'SUSPENDED', version: 5 });
    const joint = held({ id: 'a2', status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED' }, true);
    const closedByFintech = held({ id: 'a3', status: 'IN_CLOSING' });
    const stillReview = await accountChangesForVerification(ports([solo, joint, closedByFintech], { [CO_OWNER]: 'REVIEW' }), ctx, HOLDER, 'REJECTED', 'ACCEPTED');
    expect(stillReview.map((c) => c.account.id)).toEqual(['a1']);
    expect(stillReview[0]!.account).toMatchObject({ status: 'SUSPENDED', version: 6 });
    expect(stillReview[0]!.account.status_before_restriction).toBeUndefined();
    const allClear = await accountChangesForVerification(ports([joint]), ctx, HOLDER, 'REJECTED', 'ACCEPTED');
    expect(allClear.map((c) => c.account.status)).toEqual(['ACTIVE_OR_DISBURSED']);
  });
});
