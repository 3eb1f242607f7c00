import { afterEach, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { pauseCall, type Pause } from '../../helpers/pause.js';
import { dynamoAccountStore } from '../../../functions/adapters/dynamodb/account-store.js';
import { dynamoCustomerStore } from '../../../functions/adapters/dynamodb/customer-store.js';
import { acceptedPerson, createAccount, newWorld, primary } from './helpers.js';

// The KYC hook under deterministic interleavings: a store method is paused at the exact point a
// race would open, the competing request runs to completion, then the paused one resumes. No
// sleeps: every step waits on a promise the test controls.

let pauses: Pause[] = [];
const pause = <T extends object, K extends keyof T>(target: T, method: K, options?: Parameters<typeof pauseCall>[2]) => {
  const p = pauseCall(target, method, options);
  pauses.push(p);
  return p;
};

afterEach(() => {
  for (const p of pauses) {
    p.release();
    p.restore();
  }
  pauses = [];
});

const joint = (first: string, second: string) => [...primary(first), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: second }];
const verifyBody = (person: string) => ({ customer_consent: true, person_id: person });

describe('an account opened while a rejection is being committed', () => {
  it('is restricted by the verification run that rejects its holder', async () => {
    const { api } = await newWorld('kyc-race-open');
    const person = await acceptedPerson(api);
    await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' });

    // The run has decided its outcome (and, before the fix, which accounts to restrict) and
    // is about to commit the person; a new account is opened right then.
    const commit = pause(dynamoCustomerStore, 'saveVerificationRun');
    const verifying = api.post('/v0/verifications/verify', verifyBody(person));
    await commit.reached;
    const opened = await api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) });
    expect(opened.status).toBe(201);
    commit.release();

    expect((await verifying).body.verification_status).toBe('REJECTED');
    expect((await api.get(`/v0/accounts/${opened.body.id}`)).body.status).toBe('RESTRICTED');
    const statuses = (await api.get('/v0/accounts', { customer_id: person })).body.accounts.map((a: { status: string }) => a.status);
    expect(statuses).toEqual(['RESTRICTED', 'RESTRICTED']);
  });

  it('cannot commit once the rejection has committed (the holder is checked ACCEPTED at commit)', async () => {
    const { api } = await newWorld('kyc-race-open-late');
    const person = await acceptedPerson(api);
    await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' });

    // The create has judged the holder ACCEPTED and is about to write; the rejection lands first.
    const write = pause(dynamoAccountStore, 'createAccount');
    const opening = api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) });
    await write.reached;
    expect((await api.post('/v0/verifications/verify', verifyBody(person))).body.verification_status).toBe('REJECTED');
    write.release();

    expectProblem(await opening, 422, 'UNPROCESSABLE_ENTITY', 'verification_status REJECTED');
    const statuses = (await api.get('/v0/accounts', { customer_id: person })).body.accounts.map((a: { status: string }) => a.status);
    expect(statuses).toEqual(['RESTRICTED']);
  });
});

describe('lifting a restriction while a co-holder is being rejected', () => {
  /** P1 + P2 joint account, restricted because P1 was rejected; P1 is fixed, P2 about to be rejected. */
  const restrictedJoint = async (label: string) => {
    const world = await newWorld(label);
    const { api } = world;
    const [p1, p2] = await Promise.all([acceptedPerson(api), acceptedPerson(api)]);
    const account = await createAccount(api, { account_type: 'CHECKING', relationships: joint(p1, p2) });
    await api.patch(`/v0/persons/${p1}`, { last_name: 'Rejected' });
    await api.post('/v0/verifications/verify', verifyBody(p1));
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('RESTRICTED');
    await api.patch(`/v0/persons/${p1}`, { last_name: 'Lovelace' });
    await api.patch(`/v0/persons/${p2}`, { last_name: 'Rejected' });
    return { ...world, p1, p2, account };
  };

  it("keeps the account RESTRICTED when P2's rejection commits before P1's acceptance", async () => {
    const { api, p1, p2, account } = await restrictedJoint('kyc-race-lift');
    const commit = pause(dynamoCustomerStore, 'saveVerificationRun');
    const accepting = api.post('/v0/verifications/verify', verifyBody(p1));
    await commit.reached;
    expect((await api.post('/v0/verifications/verify', verifyBody(p2))).body.verification_status).toBe('REJECTED');
    commit.release();
    expect((await accepting).body.verification_status).toBe('ACCEPTED');
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('RESTRICTED');
  });

  it('keeps it RESTRICTED when the rejection commits after the lift read the co-holder as ACCEPTED', async () => {
    const { api, p1, p2, account } = await restrictedJoint('kyc-race-lift-late');
    // P1's run has committed ACCEPTED, read P2 as ACCEPTED and is about to lift the account.
    const lift = pause(dynamoAccountStore, 'saveKycChanges');
    const accepting = api.post('/v0/verifications/verify', verifyBody(p1));
    await lift.reached;
    expect((await api.post('/v0/verifications/verify', verifyBody(p2))).body.verification_status).toBe('REJECTED');
    lift.release();
    expect((await accepting).body.verification_status).toBe('ACCEPTED');
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('RESTRICTED');
  });

  it("fails the lift on the co-holder's status alone, before the rejection run reaches the account", async () => {
    const { api, p1, p2, account } = await restrictedJoint('kyc-race-lift-check');
    // Call 1 is P1's lift; call 2 is P2's own pass over the account, held back so the only
    // thing that can stop the lift is its ConditionCheck on P2's verification_status.
    const lift = pause(dynamoAccountStore, 'saveKycChanges');
    const reassert = pause(dynamoAccountStore, 'saveKycChanges', { nth: 2 });
    const accepting = api.post('/v0/verifications/verify', verifyBody(p1));
    await lift.reached;
    const rejecting = api.post('/v0/verifications/verify', verifyBody(p2));
    await reassert.reached;
    lift.release();
    expect((await accepting).body.verification_status).toBe('ACCEPTED');
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('RESTRICTED');
    reassert.release();
    expect((await rejecting).body.verification_status).toBe('REJECTED');
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('RESTRICTED');
  });

  it('lifts once both are ACCEPTED again, restoring the remembered status with one event', async () => {
    const { tenant, api, p1, p2, account } = await restrictedJoint('kyc-race-lift-ok');
    await api.patch(`/v0/persons/${p2}`, { last_name: 'Lovelace' });
    await Promise.all([api.post('/v0/verifications/verify', verifyBody(p1)), api.post('/v0/verifications/verify', verifyBody(p2))]);
    expect((await api.get(`/v0/accounts/${account.id}`)).body.status).toBe('ACTIVE_OR_DISBURSED');
    const lifts = (await eventsOf(tenant.id)).filter(
      (e) =>
        e.type === 'ACCOUNT.UPDATED' &&
        e.resource_id === account.id &&
        (e.event_resource as { status: string }).status === 'ACTIVE_OR_DISBURSED',
    );
    expect(lifts).toHaveLength(1);
  });
});
