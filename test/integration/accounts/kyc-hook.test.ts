import { describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { acceptedPerson, createAccount, createPerson, newWorld, primary, verify } from './helpers.js';

// The platform side of KYC: an owner or signer whose verification leaves ACCEPTED gets their
// accounts RESTRICTED, right after the verification's own transaction, with ACCOUNT.UPDATED events;
// regaining ACCEPTED (with every co-owner ACCEPTED) restores the previous status.

describe('verification leaving ACCEPTED', () => {
  it('restricts the accounts the holder owns or signs for, and releases them on re-verification', async () => {
    const { tenant, api } = await newWorld('kyc-hook');
    const person = await acceptedPerson(api);
    const other = await acceptedPerson(api);
    const owned = await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    const pending = await createAccount(api, { account_type: 'SAVING', relationships: primary(person), status: 'ACCOUNT_NEVER_ACTIVE' });
    const signed = await createAccount(api, {
      account_type: 'CHECKING',
      relationships: [...primary(other), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: person }],
    });
    const usedOnly = await createAccount(api, {
      account_type: 'CHECKING',
      relationships: [...primary(other), { relationship_type: 'AUTHORIZED_USER', customer_id: person }],
    });
    const closed = await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    await api.patch(`/v0/accounts/${closed.id}`, { status: 'CLOSED' });

    expect((await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' })).status).toBe(200);
    const verification = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: person });
    expect(verification.body.verification_status).toBe('REJECTED');
    // The run commits the person (one transaction), then its accounts in bounded batches: one here.
    expect(verification.dynamoCalls.TransactWriteItemsCommand).toBe(2);

    const status = async (id: string) => (await api.get(`/v0/accounts/${id}`)).body.status;
    expect(await status(owned.id)).toBe('RESTRICTED');
    expect(await status(pending.id)).toBe('RESTRICTED');
    expect(await status(signed.id)).toBe('RESTRICTED');
    expect(await status(usedOnly.id)).toBe('ACTIVE_OR_DISBURSED');
    expect(await status(closed.id)).toBe('CLOSED');

    const updates = (await eventsOf(tenant.id)).filter(
      (e) => e.type === 'ACCOUNT.UPDATED' && (e.event_resource as { status: string }).status === 'RESTRICTED',
    );
    expect(updates.map((e) => e.resource_id).sort()).toEqual([owned.id, pending.id, signed.id].sort());
    expect(updates.find((e) => e.resource_id === pending.id)!.event_resource_changed_fields).toEqual({ status: 'ACCOUNT_NEVER_ACTIVE' });

    // RESTRICTED belongs to the platform: an integrator can close, but not lift it.
    expectProblem(
      await api.patch(`/v0/accounts/${owned.id}`, { status: 'ACTIVE_OR_DISBURSED' }),
      422,
      'INVALID_STATUS_TRANSITION',
      'RESTRICTED is lifted by the platform',
    );
    // A REJECTED customer cannot be added to another account either.
    expectProblem(
      await api.post(`/v0/accounts/${usedOnly.id}/relationships`, {
        relationship_type: 'JOINT_ACCOUNT_HOLDER',
        customer_id: await createPerson(api),
      }),
      422,
    );

    expect((await api.patch(`/v0/persons/${person}`, { last_name: 'Lovelace' })).status).toBe(200);
    expect(await verify(api, { person_id: person })).toBe('ACCEPTED');
    expect(await status(owned.id)).toBe('ACTIVE_OR_DISBURSED');
    expect(await status(pending.id)).toBe('ACCOUNT_NEVER_ACTIVE');
    expect(await status(signed.id)).toBe('ACTIVE_OR_DISBURSED');
  });

  it('keeps a joint account restricted until every owner is ACCEPTED again', async () => {
    const { api } = await newWorld('kyc-joint');
    const first = await acceptedPerson(api);
    const second = await acceptedPerson(api);
    const joint = await createAccount(api, {
      account_type: 'CHECKING',
      relationships: [...primary(first), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: second }],
    });
    for (const person of [first, second]) {
      await api.patch(`/v0/persons/${person}`, { last_name: 'Review' });
      expect(await verify(api, { person_id: person })).toBe('REVIEW');
    }
    expect((await api.get(`/v0/accounts/${joint.id}`)).body.status).toBe('RESTRICTED');
    await api.patch(`/v0/persons/${first}`, { last_name: 'Lovelace' });
    expect(await verify(api, { person_id: first })).toBe('ACCEPTED');
    expect((await api.get(`/v0/accounts/${joint.id}`)).body.status).toBe('RESTRICTED');
    await api.patch(`/v0/persons/${second}`, { last_name: 'Lovelace' });
    expect(await verify(api, { person_id: second })).toBe('ACCEPTED');
    expect((await api.get(`/v0/accounts/${joint.id}`)).body.status).toBe('ACTIVE_OR_DISBURSED');
  });

  it('lets an integrator close a restricted account at zero balance', async () => {
    const { api } = await newWorld('kyc-close');
    const person = await acceptedPerson(api);
    const account = await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' });
    await verify(api, { person_id: person });
    const closing = await api.patch(`/v0/accounts/${account.id}`, { status: 'IN_CLOSING' });
    expect(closing.status).toBe(200);
    expect(closing.body.status).toBe('IN_CLOSING');
  });
});
