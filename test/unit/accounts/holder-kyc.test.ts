import { describe, expect, it } from 'vitest';
import { acceptanceGuards, type KycPorts, reconcileAccounts, reconcileHolderAccounts } from '../../../functions/accounts/holder-kyc.js';
import type { AccountRecord, HolderRole } from '../../../functions/accounts/model.js';
import { KYC_BATCH_ITEMS, type KycWriteBatch } from '../../../functions/accounts/ports.js';
import type { VerificationStatus } from '../../../functions/customers/model.js';
import { VersionConflict } from '../../../functions/shared/page.js';
import { personHolder } from '../../../functions/wiring/holder-directory.js';
import { personRecord } from '../customers/records.js';
import { accountRecord, NOW, TENANT } from './records.js';

const ctx = {
  tenantId: TENANT,
  clock: { now: () => new Date(NOW) },
  audit: { request_id: 'r', api_key_id: 'k', method: 'POST', path: '/v0/verifications/verify' },
};
const HOLDER = 'c0000000-0000-4000-8000-000000000001';
const CO_OWNER = 'c0000000-0000-4000-8000-000000000002';
const USER = 'c0000000-0000-4000-8000-000000000003';

const role = (id: string, relationship_type: HolderRole['relationship_type'] = 'PRIMARY_ACCOUNT_HOLDER'): HolderRole => ({
  kind: 'PERSON',
  id,
  relationship_type,
});
const held = (overrides: Partial<AccountRecord>, roles: HolderRole[] = [role(HOLDER)]) =>
  accountRecord({ holder_roles: roles, ...overrides });

/** In-memory ports: accounts by id, statuses by person id, a log of batches; `failWrites` conflicts that many times. */
const world = (accounts: AccountRecord[], statuses: Record<string, VerificationStatus>, failWrites = 0) => {
  const stored = new Map(accounts.map((a) => [a.id, a]));
  const batches: KycWriteBatch[] = [];
  let failures = failWrites;
  const ports: KycPorts = {
    accounts: {
      getAccount: async (_t, id) => stored.get(id),
      relationshipsOf: async () => {
        throw new Error('holder_roles is on every account here');
      },
      heldAccountIds: async () => [...stored.keys()],
      saveKycChanges: async (batch) => {
        if (failures > 0) {
          failures -= 1;
          throw new VersionConflict('account');
        }
        batches.push(batch);
        for (const write of batch.writes) {
          expect(stored.get(write.account.id)!.version).toBe(write.expectedVersion);
          stored.set(write.account.id, write.account);
        }
      },
    },
    holders: {
      getHolder: async (_t, kind, id) =>
        kind === 'PERSON' ? personHolder(personRecord({ id, tenant: TENANT, verification_status: statuses[id] ?? 'ACCEPTED' })) : undefined,
    },
  };
  return { ports, stored, batches };
};

describe('reconcileAccounts', () => {
  it('restricts open accounts of a holder who is not ACCEPTED, remembering their status; leaves closing and closed ones', async () => {
    const { ports, stored, batches } = world(
      [
        held({ id: 'a1', status: 'ACTIVE_OR_DISBURSED', version: 3 }),
        held({ id: 'a2', status: 'SUSPENDED' }),
        held({ id: 'a3', status: 'IN_CLOSING' }),
        held({ id: 'a4', status: 'CLOSED' }),
        held({ id: 'a5', status: 'ACTIVE_OR_DISBURSED' }, [role(CO_OWNER), role(HOLDER, 'AUTHORIZED_USER')]),
      ],
      { [HOLDER]: 'REVIEW' },
    );
    await reconcileAccounts(ports, ctx, ['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.writes.map((w) => w.account.id)).toEqual(['a1', 'a2']);
    expect(batches[0]!.writes[0]).toMatchObject({
      expectedVersion: 3,
      account: { status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED', version: 4, last_updated_time: NOW },
      event: { type: 'ACCOUNT.UPDATED', resource_id: 'a1', event_resource_changed_fields: { status: 'ACTIVE_OR_DISBURSED' } },
    });
    // Committed only while the holder is still not ACCEPTED.
    expect(batches[0]!.holders).toEqual([{ tenant: TENANT, kind: 'PERSON', id: HOLDER, acceptance: 'NOT_ACCEPTED' }]);
    expect(stored.get('a5')!.status).toBe('ACTIVE_OR_DISBURSED');
  });

  it('lifts only when every owner and signer is ACCEPTED, checking each at commit', async () => {
    const solo = held({ id: 'a1', status: 'RESTRICTED', status_before_restriction: 'SUSPENDED', version: 5 });
    const joint = held({ id: 'a2', status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED' }, [
      role(HOLDER),
      role(CO_OWNER, 'JOINT_ACCOUNT_HOLDER'),
      role(USER, 'AUTHORIZED_USER'),
    ]);
    const review = world([solo, joint], { [CO_OWNER]: 'REVIEW', [USER]: 'REJECTED' });
    await reconcileAccounts(review.ports, ctx, ['a1', 'a2']);
    expect(review.batches.flatMap((b) => b.writes.map((w) => w.account.id))).toEqual(['a1']);
    expect(review.stored.get('a1')).toMatchObject({ status: 'SUSPENDED', version: 6 });
    expect(review.stored.get('a1')!.status_before_restriction).toBeUndefined();

    const clear = world([joint], { [USER]: 'REJECTED' });
    await reconcileAccounts(clear.ports, ctx, ['a2']);
    expect(clear.stored.get('a2')!.status).toBe('ACTIVE_OR_DISBURSED');
    // The authorized user needs no KYC and is not checked.
    expect(clear.batches[0]!.holders.map((h) => [h.id, h.acceptance])).toEqual([
      [HOLDER, 'ACCEPTED'],
      [CO_OWNER, 'ACCEPTED'],
    ]);
  });

  it('is idempotent: a second pass writes nothing', async () => {
    const { ports, batches } = world(
      [held({ id: 'a1' }), held({ id: 'a2', status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED' })],
      { [HOLDER]: 'REJECTED' },
    );
    await reconcileAccounts(ports, ctx, ['a1', 'a2']);
    await reconcileAccounts(ports, ctx, ['a1', 'a2']);
    expect(batches.flatMap((b) => b.writes.map((w) => w.account.id))).toEqual(['a1']);
  });

  it('re-asserts an existing restriction (version bump, no event) only when asked to', async () => {
    const { ports, stored, batches } = world(
      [held({ id: 'a1', status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED', version: 7 })],
      { [HOLDER]: 'REJECTED' },
    );
    await reconcileAccounts(ports, ctx, ['a1']);
    expect(batches).toEqual([]);
    await reconcileAccounts(ports, ctx, ['a1'], { reassert: true });
    expect(batches[0]!.writes).toEqual([{ account: expect.objectContaining({ status: 'RESTRICTED', version: 8 }), expectedVersion: 7 }]);
    expect(stored.get('a1')!.last_updated_time).toBe('2024-01-01T00:00:00.000Z');
  });

  it('re-reads and decides again after a conflict', async () => {
    const { ports, stored } = world([held({ id: 'a1' })], { [HOLDER]: 'REJECTED' }, 2);
    await reconcileAccounts(ports, ctx, ['a1']);
    expect(stored.get('a1')!.status).toBe('RESTRICTED');
  });
});

describe('reconcileHolderAccounts', () => {
  it(`restricts any number of accounts in batches of at most ${KYC_BATCH_ITEMS} items`, async () => {
    const owners = Array.from({ length: 9 }, (_, i) =>
      role(`c0000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`, 'JOINT_ACCOUNT_HOLDER'),
    );
    const accounts = Array.from({ length: 75 }, (_, i) => held({ id: `a${i}` }, [role(HOLDER), ...owners.slice(0, i % 10)]));
    const { ports, stored, batches } = world(accounts, { [HOLDER]: 'REJECTED' });
    await reconcileHolderAccounts(ports, ctx, { kind: 'PERSON', id: HOLDER }, { reassert: true });
    expect([...stored.values()].every((a) => a.status === 'RESTRICTED')).toBe(true);
    expect(batches.flatMap((b) => b.writes)).toHaveLength(75);
    for (const batch of batches) expect(2 * batch.writes.length + batch.holders.length).toBeLessThanOrEqual(KYC_BATCH_ITEMS);
  });
});

describe('acceptanceGuards', () => {
  it('asks every owner and signer of an account that stays open to be ACCEPTED, and nothing of a restricted one', () => {
    const roles = [role(HOLDER), role(CO_OWNER, 'AUTHORIZED_SIGNER'), role(USER, 'AUTHORIZED_USER')];
    expect(acceptanceGuards(accountRecord(), roles).map((g) => [g.id, g.acceptance])).toEqual([
      [HOLDER, 'ACCEPTED'],
      [CO_OWNER, 'ACCEPTED'],
    ]);
    expect(acceptanceGuards(accountRecord({ status: 'RESTRICTED' }), roles)).toEqual([]);
    expect(acceptanceGuards(accountRecord({ status: 'IN_CLOSING' }), roles)).toEqual([]);
  });
});
