import { clientFor, getItem, KEYS, personBody, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// Which checks a re-run supersedes: exactly the previous run's, as recorded on the person
// (version-conditioned), never what an eventually consistent index happens to show. The index
// is made "stale" here by hiding everything it would return; the current set must not care.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'verification-current' });
  api = clientFor(tenant.key);
});

const verify = async (personId: string) => {
  const res = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: personId });
  expect(res.status, res.rawBody).toBe(201);
  return (res.body.verifications as { id: string }[]).map((v) => v.id).sort();
};

describe('the current verification set', () => {
  it('is exactly the latest run, even when the subject index lags behind', async () => {
    const person = (await api.post('/v0/persons', personBody())).body.id as string;
    const first = await verify(person);
    await api.patch(`/v0/persons/${person}`, { last_name: 'Review' });
    const second = await verify(person);
    const third = await verify(person);

    const current = await api.get('/v0/verifications', { person_id: person });
    expect(current.body.verifications.map((v: { id: string }) => v.id).sort()).toEqual(third);
    const all = await api.get('/v0/verifications', { person_id: person, include_history: 'true' });
    expect(all.body.verifications).toHaveLength(first.length + second.length + third.length);
    for (const id of [...first, ...second]) expect((await getItem(KEYS.verification(tenant.id, id)))?.superseded).toBe(true);
  });

  it('records the current run on the subject, so the next run needs no index read', async () => {
    const person = (await api.post('/v0/persons', personBody())).body.id as string;
    const run = await verify(person);
    expect([...(await getItem(KEYS.person(tenant.id, person)))!.current_verification_ids].sort()).toEqual(run);
    expect((await api.get(`/v0/persons/${person}`)).body).not.toHaveProperty('current_verification_ids');
  });
});
