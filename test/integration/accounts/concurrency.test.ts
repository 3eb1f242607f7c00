import { describe, expect, it } from 'vitest';
import { getItem, KEYS } from '../../helpers/api.js';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedPerson, createAccount, newWorld, primary } from './helpers.js';

// Races: account numbers stay unique, no PATCH overwrites another, and a holder's
// has_accounts survives a concurrent customer PATCH.

describe('concurrency', () => {
  it('gives 50 parallel creations for one holder 50 distinct account numbers', async () => {
    const { tenant, api } = await newWorld('race-create');
    const holder = await acceptedPerson(api);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder) })),
    );
    const failures = responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.rawBody}`);
    expect(failures).toEqual([]);
    const numbers = responses.map((r) => accountResponseSchema.parse(r.body).account_number);
    expect(new Set(numbers).size).toBe(50);
    const claims = await Promise.all(responses.map((r) => getItem(KEYS.accountNumberClaim(r.body.bank_routing, r.body.account_number))));
    expect(claims.map((c) => c?.account_id)).toEqual(responses.map((r) => r.body.id));
    expect((await api.get('/v0/accounts', { customer_id: holder })).body.accounts).toHaveLength(50);
    expect((await getItem(KEYS.person(tenant.id, holder)))?.has_accounts).toBe(true);
  }, 60_000);

  it('never loses an update when two PATCHes race on one account', async () => {
    const { api } = await newWorld('race-patch');
    const holder = await acceptedPerson(api);
    for (let round = 0; round < 5; round++) {
      const account = await createAccount(api, { account_type: 'CHECKING', relationships: primary(holder) });
      const [a, b] = await Promise.all([
        api.patch(`/v0/accounts/${account.id}`, { nickname: `round ${round}` }),
        api.patch(`/v0/accounts/${account.id}`, { is_wire_enabled: true, metadata: { round } }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const final = (await api.get(`/v0/accounts/${account.id}`)).body;
      expect(final).toMatchObject({ nickname: `round ${round}`, is_wire_enabled: true, metadata: { round } });
    }
  }, 60_000);

  it('keeps every one of several racing PATCHes', async () => {
    const { api } = await newWorld('race-patch-many');
    const holder = await acceptedPerson(api);
    const account = await createAccount(api, { account_type: 'CHECKING', relationships: primary(holder) });
    const changes = [
      { nickname: 'n' },
      { is_wire_enabled: true },
      { is_p2p_enabled: false },
      { account_purpose: 'bills' },
      { iban: 'GB82WEST12345698765432' },
      { metadata: { a: 1 } },
    ];
    const responses = await Promise.all(changes.map((body) => api.patch(`/v0/accounts/${account.id}`, body)));
    expect(responses.map((r) => r.status)).toEqual(changes.map(() => 200));
    const final = (await api.get(`/v0/accounts/${account.id}`)).body;
    for (const change of changes) expect(final).toMatchObject(change);
  }, 60_000);

  it('adds racing relationships without losing one from customer_ids', async () => {
    const { api } = await newWorld('race-relationships');
    const holder = await acceptedPerson(api);
    const joints = await Promise.all([acceptedPerson(api), acceptedPerson(api), acceptedPerson(api)]);
    const account = await createAccount(api, { account_type: 'CHECKING', relationships: primary(holder) });
    const added = await Promise.all(
      joints.map((id) =>
        api.post(`/v0/accounts/${account.id}/relationships`, { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: id }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual([201, 201, 201]);
    const final = (await api.get(`/v0/accounts/${account.id}`)).body;
    expect([...final.customer_ids].sort()).toEqual([holder, ...joints].sort());
  }, 60_000);

  it("keeps has_accounts when a customer PATCH races the holder's first account", async () => {
    const { tenant, api } = await newWorld('race-has-accounts');
    for (let round = 0; round < 5; round++) {
      const person = await acceptedPerson(api);
      const [patched, created] = await Promise.all([
        api.patch(`/v0/persons/${person}`, { email: `changed${round}@example.com` }),
        api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) }),
      ]);
      expect([patched.status, created.status]).toEqual([200, 201]);
      const stored = await getItem(KEYS.person(tenant.id, person));
      expect(stored).toMatchObject({ has_accounts: true, email: `changed${round}@example.com` });
    }
  }, 60_000);
});
