import { clientFor, eventsOf, getItem, KEYS, personBody, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// Optimistic concurrency: parallel read-modify-writes on one record must all land (the version
// condition makes the loser re-read and retry), never silently overwrite each other.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'concurrency' });
  api = clientFor(tenant.key);
});

const version = async (id: string): Promise<number> => (await getItem(KEYS.person(tenant.id, id)))!.version as number;

const updatesOf = async (id: string) => (await eventsOf(tenant.id)).filter((e) => e.resource_id === id && e.type === 'CUSTOMER.UPDATED');

describe('parallel PATCHes on one customer', () => {
  it('two PATCHes of different fields both land; the version goes up by two', async () => {
    const c = (await api.post('/v0/customers', personBody())).body;
    expect(await version(c.id)).toBe(1);
    const [a, b] = await Promise.all([
      api.patch(`/v0/customers/${c.id}`, { first_name: 'Alpha' }),
      api.patch(`/v0/customers/${c.id}`, { email: 'beta@example.com' }),
    ]);
    expect(a.status, a.rawBody).toBe(200);
    expect(b.status, b.rawBody).toBe(200);
    const final = (await api.get(`/v0/customers/${c.id}`)).body;
    expect(final).toMatchObject({ first_name: 'Alpha', email: 'beta@example.com', last_name: 'Doe' });
    expect(await version(c.id)).toBe(3);
    const updates = await updatesOf(c.id);
    expect(updates).toHaveLength(2);
    // Each event names only its own field: neither writer saw a stale record.
    expect(updates.map((e) => Object.keys(e.event_resource_changed_fields).sort().join(',')).sort()).toEqual(['email', 'first_name']);
  });

  // Three customers at once, ten writers each: a single round passes only by luck when the
  // retry budget is too small, so this makes an exhausted retry show up on every run.
  it('ten PATCHes of ten different fields all land (no lost update, no 500), one event each', async () => {
    const patches: Record<string, unknown>[] = [
      { first_name: 'F' },
      { middle_name: 'M' },
      { last_name: 'L' },
      { dob: '1980-01-02' },
      { email: 'ten@example.com' },
      { phone_number: '+14155550177' },
      { ssn: '123-45-0000' },
      { status: 'ACTIVE' },
      { metadata: { ten: true } },
      { legal_address: personBody().legal_address },
    ];
    const customers = await Promise.all([1, 2, 3].map(async () => (await api.post('/v0/customers', { status: 'PROSPECT' })).body));
    const results = await Promise.all(customers.flatMap((c) => patches.map((p) => api.patch(`/v0/customers/${c.id}`, p))));
    const failures = results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.rawBody}`);
    expect(failures, `${failures.length} of ${results.length} PATCHes failed`).toEqual([]);
    for (const c of customers) {
      const final = (await api.get(`/v0/customers/${c.id}`)).body;
      expect(final).toMatchObject({
        first_name: 'F',
        middle_name: 'M',
        last_name: 'L',
        dob: '1980-01-02',
        email: 'ten@example.com',
        phone_number: '+14155550177',
        ssn: '0000',
        status: 'ACTIVE',
        metadata: { ten: true },
      });
      expect(final.legal_address.address_line_1).toBe('1 Main St');
      expect(final.shipping_address.address_line_1).toBe('1 Main St');
      expect(await version(c.id)).toBe(1 + patches.length);
      const updates = await updatesOf(c.id);
      expect(updates).toHaveLength(patches.length);
      // Every event reports its own field as changed, exactly once: no writer worked from a stale read.
      for (const patch of patches) {
        const field = Object.keys(patch)[0]!;
        expect(
          updates.filter((e) => field in e.event_resource_changed_fields),
          field,
        ).toHaveLength(1);
      }
    }
  });

  it('whatever the contention, an update is never lost: every 200 is in the final record', async () => {
    const c = (await api.post('/v0/customers', { status: 'PROSPECT' })).body;
    const fields = ['first_name', 'middle_name', 'last_name'] as const;
    const results = await Promise.all(
      fields.flatMap((f) => [1, 2, 3, 4].map((i) => api.patch(`/v0/customers/${c.id}`, { [f]: `${f}-${i}` }))),
    );
    const final = (await api.get(`/v0/customers/${c.id}`)).body;
    const succeeded = results.filter((r) => r.status === 200).length;
    // The stored version counts the writes that committed; each 200 is one of them.
    expect(await version(c.id)).toBe(1 + succeeded);
    expect((await updatesOf(c.id)).length).toBe(succeeded);
    for (const f of fields) expect(final[f]).toMatch(new RegExp(`^${f}-[1-4]$`));
  });

  it('a verification and a PATCH in parallel both land', async () => {
    const p = (await api.post('/v0/persons', personBody())).body;
    const [verify, patch] = await Promise.all([
      api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id }),
      api.patch(`/v0/persons/${p.id}`, { chosen_name: 'Racer' }),
    ]);
    expect(verify.status, verify.rawBody).toBe(201);
    expect(patch.status, patch.rawBody).toBe(200);
    const final = (await api.get(`/v0/persons/${p.id}`)).body;
    expect(final).toMatchObject({ chosen_name: 'Racer', verification_status: 'ACCEPTED' });
    expect(await version(p.id)).toBe(3);
  });

  it('two verifications in parallel leave exactly one current run', async () => {
    const p = (await api.post('/v0/persons', personBody())).body;
    const runs = await Promise.all([1, 2].map(() => api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id })));
    expect(
      runs.map((r) => r.status),
      runs.map((r) => r.rawBody).join('\n'),
    ).toEqual([201, 201]);
    const current = await api.get('/v0/verifications', { person_id: p.id });
    expect(current.body.verifications).toHaveLength(2);
    const all = await api.get('/v0/verifications', { person_id: p.id, include_history: 'true' });
    expect(all.body.verifications).toHaveLength(4);
  });

  it('parallel PATCHes on a business all land', async () => {
    const b = (await api.post('/v0/businesses', { status: 'PROSPECT', is_customer: true })).body;
    const patches = [
      { entity_name: 'E' },
      { website: 'https://e.example.com' },
      { email: 'e@example.com' },
      { structure: 'LLC' },
      { status: 'ACTIVE' },
    ];
    const results = await Promise.all(patches.map((p) => api.patch(`/v0/businesses/${b.id}`, p)));
    expect(
      results.map((r) => r.status),
      results.map((r) => r.rawBody).join('\n'),
    ).toEqual(patches.map(() => 200));
    expect((await api.get(`/v0/businesses/${b.id}`)).body).toMatchObject(Object.assign({}, ...patches));
    expect((await getItem(KEYS.business(tenant.id, b.id)))!.version).toBe(1 + patches.length);
  });
});
