import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../helpers/api.js';
import { acceptedPerson, createAccount, newWorld, primary, verify } from './helpers.js';

// A holder's verification touches every account they hold, however many: the person is
// committed on its own, then the accounts in bounded follow-up transactions (a DynamoDB
// transaction takes at most 100 items, and each account needs its item and its event).

const ACCOUNTS = 60;

describe('a holder with many accounts', () => {
  it(`restricts and releases all ${ACCOUNTS} of them`, async () => {
    const { tenant, api } = await newWorld('kyc-many');
    const person = await acceptedPerson(api);
    const ids: string[] = [];
    for (let start = 0; start < ACCOUNTS; start += 15) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(15, ACCOUNTS - start) }, () =>
          createAccount(api, { account_type: 'CHECKING', relationships: primary(person) }),
        ),
      );
      ids.push(...batch.map((a) => a.id as string));
    }
    const statuses = async () => {
      const listed = await api.get('/v0/accounts', { customer_id: person });
      return new Set(listed.body.accounts.map((a: { status: string }) => a.status));
    };

    await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' });
    expect(await verify(api, { person_id: person })).toBe('REJECTED');
    expect(await statuses()).toEqual(new Set(['RESTRICTED']));
    const restricted = (await eventsOf(tenant.id)).filter(
      (e) => e.type === 'ACCOUNT.UPDATED' && (e.event_resource as { status: string }).status === 'RESTRICTED',
    );
    expect(new Set(restricted.map((e) => e.resource_id))).toEqual(new Set(ids));

    await api.patch(`/v0/persons/${person}`, { last_name: 'Lovelace' });
    expect(await verify(api, { person_id: person })).toBe('ACCEPTED');
    expect(await statuses()).toEqual(new Set(['ACTIVE_OR_DISBURSED']));
  }, 120_000);
});
