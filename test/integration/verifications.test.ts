import { businessBody, clientFor, expectProblem, personBody, tenantCounts, type ApiClient } from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// Sandbox KYC / KYB (contract §7.3, §8): prerequisites, consent, scripted outcomes, the
// verification list and the legacy /v0/customers/{id}/verify shape.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'verifications' });
  api = clientFor(tenant.key);
});

const newPerson = async (overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/persons', personBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

const newBusiness = async (overrides: Record<string, unknown> = {}) => {
  const res = await api.post('/v0/businesses', businessBody(overrides));
  expect(res.status, res.rawBody).toBe(201);
  return res.body;
};

const verify = (body: Record<string, unknown>) => api.post('/v0/verifications/verify', body);

describe('POST /v0/verifications/verify: preconditions', () => {
  it('names every missing prerequisite of a person, writes nothing, and leaves the person UNVERIFIED', async () => {
    const res = await api.post('/v0/persons', { status: 'PROSPECT', first_name: 'Partial' });
    const id = res.body.id;
    const before = await tenantCounts(tenant.id);
    const problem = expectProblem(await verify({ customer_consent: true, person_id: id }), 400, 'PREREQUISITES_MISSING');
    expect(problem.detail).toContain('last_name, dob, email, phone_number, legal_address, ssn');
    expect(problem.detail).not.toContain('first_name');
    expect(await tenantCounts(tenant.id)).toEqual(before);
    expect((await api.get(`/v0/persons/${id}`)).body.verification_status).toBe('UNVERIFIED');
  });

  it('names a single missing prerequisite, and runs once it is supplied', async () => {
    const p = await newPerson({ ssn: undefined });
    expectProblem(await verify({ customer_consent: true, person_id: p.id }), 400, 'PREREQUISITES_MISSING', 'ssn');
    expect((await api.patch(`/v0/persons/${p.id}`, { ssn: '321-54-9876' })).status).toBe(200);
    const ok = await verify({ customer_consent: true, person_id: p.id });
    expect(ok.status).toBe(201);
  });

  it('requires entity_name and legal_address for a business', async () => {
    const b = await api.post('/v0/businesses', { status: 'PROSPECT', is_customer: true });
    expectProblem(
      await verify({ customer_consent: true, business_id: b.body.id }),
      400,
      'PREREQUISITES_MISSING',
      'entity_name, legal_address',
    );
    const named = await newBusiness({ legal_address: undefined });
    const problem = expectProblem(
      await verify({ customer_consent: true, business_id: named.id }),
      400,
      'PREREQUISITES_MISSING',
      'legal_address',
    );
    expect(problem.detail).not.toContain('entity_name');
  });

  it('requires customer_consent to be true', async () => {
    const p = await newPerson();
    const before = await tenantCounts(tenant.id);
    expectProblem(await verify({ customer_consent: false, person_id: p.id }), 400, 'BAD_REQUEST_BODY', 'customer_consent');
    expectProblem(await verify({ person_id: p.id }), 400, 'BAD_REQUEST_BODY', 'customer_consent is required');
    expectProblem(
      await verify({ customer_consent: 'yes', person_id: p.id }),
      400,
      'BAD_REQUEST_BODY',
      'customer_consent must be a boolean',
    );
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('requires exactly one of person_id and business_id, as a UUID', async () => {
    const p = await newPerson();
    const b = await newBusiness();
    expectProblem(await verify({ customer_consent: true }), 400, 'BAD_REQUEST_BODY', 'person_id');
    expectProblem(
      await verify({ customer_consent: true, person_id: p.id, business_id: b.id }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of person_id or business_id',
    );
    expectProblem(await verify({ customer_consent: true, person_id: 'jane' }), 400, 'BAD_REQUEST_BODY', 'person_id must be a valid UUID');
    expectProblem(await verify({ customer_consent: true, business_id: 42 }), 400, 'BAD_REQUEST_BODY', 'business_id');
  });

  it('404s an unknown person or business, and a person id sent as business_id', async () => {
    const p = await newPerson();
    expectProblem(await verify({ customer_consent: true, person_id: randomUUID() }), 404, 'NOT_FOUND', 'person not found');
    expectProblem(await verify({ customer_consent: true, business_id: randomUUID() }), 404, 'NOT_FOUND', 'business not found');
    expectProblem(await verify({ customer_consent: true, business_id: p.id }), 404, 'NOT_FOUND', 'business not found');
  });
});

describe('POST /v0/verifications/verify: sandbox outcomes', () => {
  it.each([
    ['Doe', 'ACCEPTED', { IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' }],
    ['Rejected', 'REJECTED', { IDENTITY: 'REJECTED', WATCHLIST: 'ACCEPTED' }],
    ['Review', 'REVIEW', { IDENTITY: 'REVIEW', WATCHLIST: 'ACCEPTED' }],
  ] as const)('person with last_name %s -> %s, stored on the person and the customer view', async (lastName, status, results) => {
    const p = await newPerson({ last_name: lastName });
    const res = await verify({ customer_consent: true, person_id: p.id, customer_ip_address: '203.0.113.9' });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body.verification_status).toBe(status);
    expect(res.body.verifications).toHaveLength(2);
    for (const v of res.body.verifications) {
      expect(v).toMatchObject({ person_id: p.id, result: results[v.verification_type as keyof typeof results] });
      expect(v).not.toHaveProperty('business_id');
      expect(v).not.toHaveProperty('superseded');
      expect(v).not.toHaveProperty('tenant');
      expect(v.vendor_info).toMatchObject({ content_type: 'application/json' });
      expect(v.details[0]).toMatchObject({ result: v.result });
      expect(v.verification_time).toBe(v.creation_time);
    }
    expect(res.body.verifications.map((v: any) => v.verification_type).sort()).toEqual(['IDENTITY', 'WATCHLIST']);
    const person = (await api.get(`/v0/persons/${p.id}`)).body;
    expect(person.verification_status).toBe(status);
    expect(person.verification_last_run).toBe(res.body.verifications[0].verification_time);
    const customer = (await api.get(`/v0/customers/${p.id}`)).body;
    expect(customer.kyc_status).toBe(status);
    expect(customer.kyc_last_run).toBe(person.verification_last_run);
  });

  it.each([
    ['Unregistered Business', 'REJECTED'],
    ['Similar Name Business', 'REVIEW'],
    ['Acme Widgets LLC', 'ACCEPTED'],
  ] as const)('business %s -> %s, stored on the business', async (entityName, status) => {
    const b = await newBusiness({ entity_name: entityName });
    const res = await verify({ customer_consent: true, business_id: b.id });
    expect(res.status, res.rawBody).toBe(201);
    expect(res.body.verification_status).toBe(status);
    for (const v of res.body.verifications) {
      expect(v.business_id).toBe(b.id);
      expect(v).not.toHaveProperty('person_id');
    }
    const stored = (await api.get(`/v0/businesses/${b.id}`)).body;
    expect(stored.verification_status).toBe(status);
    expect(stored.verification_last_run).toBeTruthy();
  });
});

describe('GET /v0/verifications and /v0/verifications/{id}', () => {
  let lists: ApiClient;
  let accepted: any;
  let rejected: any;
  let business: any;
  let firstRun: any[];
  let secondRun: any[];

  beforeAll(async () => {
    const listTenant = await createTestTenant({ label: 'verification-lists' });
    lists = clientFor(listTenant.key);
    accepted = (await lists.post('/v0/persons', personBody())).body;
    rejected = (await lists.post('/v0/persons', personBody({ last_name: 'Rejected' }))).body;
    business = (await lists.post('/v0/businesses', businessBody({ entity_name: 'Similar Name Business' }))).body;
    firstRun = (await lists.post('/v0/verifications/verify', { customer_consent: true, person_id: accepted.id })).body.verifications;
    await lists.post('/v0/verifications/verify', { customer_consent: true, person_id: rejected.id });
    await lists.post('/v0/verifications/verify', { customer_consent: true, business_id: business.id });
    // Re-run for `accepted` after a change: the first run becomes history.
    await lists.patch(`/v0/persons/${accepted.id}`, { last_name: 'Review' });
    secondRun = (await lists.post('/v0/verifications/verify', { customer_consent: true, person_id: accepted.id })).body.verifications;
  });

  const ids = (res: { body: any }) => res.body.verifications.map((v: any) => v.id).sort();

  it('lists the current results of the tenant', async () => {
    const res = await lists.get('/v0/verifications');
    expect(res.status).toBe(200);
    expect(res.body.verifications).toHaveLength(6);
    expect(res.body).not.toHaveProperty('next_page_token');
  });

  it('filters by person_id and business_id', async () => {
    expect(ids(await lists.get('/v0/verifications', { person_id: accepted.id }))).toEqual(secondRun.map((v) => v.id).sort());
    const forBusiness = await lists.get('/v0/verifications', { business_id: business.id });
    expect(forBusiness.body.verifications).toHaveLength(2);
    expect(forBusiness.body.verifications.every((v: any) => v.business_id === business.id)).toBe(true);
    const both = await lists.get('/v0/verifications', { person_id: rejected.id, business_id: business.id });
    expect(both.body.verifications).toHaveLength(4);
    expect((await lists.get('/v0/verifications', { person_id: randomUUID() })).body.verifications).toEqual([]);
  });

  it('filters by result and verification_type', async () => {
    const rejectedOnly = await lists.get('/v0/verifications', { result: 'REJECTED' });
    expect(rejectedOnly.body.verifications).toHaveLength(1);
    expect(rejectedOnly.body.verifications[0]).toMatchObject({ person_id: rejected.id, verification_type: 'IDENTITY', result: 'REJECTED' });
    const reviews = await lists.get('/v0/verifications', { result: 'REVIEW,REJECTED' });
    expect(reviews.body.verifications).toHaveLength(3);
    const watchlist = await lists.get('/v0/verifications', { verification_type: 'WATCHLIST' });
    expect(watchlist.body.verifications).toHaveLength(3);
    expect(watchlist.body.verifications.every((v: any) => v.verification_type === 'WATCHLIST')).toBe(true);
    const combined = await lists.get('/v0/verifications', { person_id: accepted.id, verification_type: 'IDENTITY' });
    expect(combined.body.verifications.map((v: any) => v.result)).toEqual(['REVIEW']);
  });

  it('include_history=true shows the superseded run after a re-run', async () => {
    const current = await lists.get('/v0/verifications', { person_id: accepted.id });
    expect(current.body.verifications.map((v: any) => v.result).sort()).toEqual(['ACCEPTED', 'REVIEW']);
    const history = await lists.get('/v0/verifications', { person_id: accepted.id, include_history: 'true' });
    expect(ids(history)).toEqual([...firstRun, ...secondRun].map((v) => v.id).sort());
    expect(history.body.verifications.every((v: any) => !('superseded' in v))).toBe(true);
    expect((await lists.get('/v0/verifications', { include_history: 'true' })).body.verifications).toHaveLength(8);
    expect((await lists.get('/v0/verifications', { include_history: 'false' })).body.verifications).toHaveLength(6);
    const identity = await lists.get('/v0/verifications', {
      person_id: accepted.id,
      include_history: 'true',
      verification_type: 'IDENTITY',
    });
    expect(identity.body.verifications.map((v: any) => v.result).sort()).toEqual(['ACCEPTED', 'REVIEW']);
  });

  it('filters by id and pages', async () => {
    const wanted = [firstRun[0].id, secondRun[1].id];
    expect(ids(await lists.get('/v0/verifications', { id: wanted.join(','), include_history: 'true' }))).toEqual([...wanted].sort());
    const page1 = await lists.get('/v0/verifications', { limit: 4 });
    expect(page1.body.verifications).toHaveLength(4);
    const page2 = await lists.get('/v0/verifications', { limit: 4, page_token: page1.body.next_page_token });
    expect(page2.body.verifications).toHaveLength(2);
    expect(page2.body).not.toHaveProperty('next_page_token');
    expect(new Set([...ids(page1), ...ids(page2)]).size).toBe(6);
  });

  it('rejects bad filters by name', async () => {
    expectProblem(await lists.get('/v0/verifications', { result: 'MAYBE' }), 400, 'BAD_QUERY_PARAMETER', 'result');
    expectProblem(await lists.get('/v0/verifications', { verification_type: 'KYC' }), 400, 'BAD_QUERY_PARAMETER', 'verification_type');
    expectProblem(await lists.get('/v0/verifications', { include_history: 'yes' }), 400, 'BAD_QUERY_PARAMETER', 'include_history');
    expectProblem(await lists.get('/v0/verifications', { person_id: 'abc' }), 400, 'BAD_QUERY_PARAMETER', 'person_id');
  });

  it('GET /v0/verifications/{id} returns one result, superseded or not; unknown -> 404', async () => {
    const res = await lists.get(`/v0/verifications/${secondRun[0].id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(secondRun[0]);
    const old = await lists.get(`/v0/verifications/${firstRun[0].id}`);
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(firstRun[0].id);
    expectProblem(await lists.get(`/v0/verifications/${randomUUID()}`), 404, 'NOT_FOUND', 'verification not found');
    expectProblem(await lists.get('/v0/verifications/latest'), 400, 'BAD_PATH_PARAMETER', 'verification_id');
  });
});

describe('legacy /v0/customers/{id}/verify and /verifications', () => {
  it('POST verify -> 200 {kyc_status, verifications} with lowercase types', async () => {
    const c = (await api.post('/v0/customers', personBody({ last_name: 'Review' }))).body;
    const res = await api.post(`/v0/customers/${c.id}/verify`, {
      customer_consent: true,
      verification_type: 'kyc',
      customer_ip_address: '203.0.113.9',
    });
    expect(res.status, res.rawBody).toBe(200);
    expect(res.body.kyc_status).toBe('REVIEW');
    expect(Object.keys(res.body).sort()).toEqual(['kyc_status', 'verifications']);
    const byType = Object.fromEntries(res.body.verifications.map((v: any) => [v.verification_type, v]));
    expect(Object.keys(byType).sort()).toEqual(['kyc', 'watchliststandard']);
    expect(byType.kyc).toMatchObject({ result: 'REVIEW' });
    expect(byType.watchliststandard).toMatchObject({ result: 'ACCEPTED' });
    expect(byType.kyc.id).toBeTruthy();
    expect(byType.kyc.verification_time).toBeTruthy();
    expect((await api.get(`/v0/customers/${c.id}`)).body.kyc_status).toBe('REVIEW');
  });

  it('GET /v0/customers/{id}/verifications lists the current results in the legacy shape', async () => {
    const c = (await api.post('/v0/customers', personBody())).body;
    const empty = await api.get(`/v0/customers/${c.id}/verifications`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ verifications: [] });
    const run = await api.post(`/v0/customers/${c.id}/verify`, { customer_consent: true });
    expect(run.body.kyc_status).toBe('ACCEPTED');
    await api.post(`/v0/customers/${c.id}/verify`, { customer_consent: true });
    const res = await api.get(`/v0/customers/${c.id}/verifications`);
    expect(res.status).toBe(200);
    expect(res.body.verifications).toHaveLength(2);
    expect(res.body.verifications.map((v: any) => v.verification_type).sort()).toEqual(['kyc', 'watchliststandard']);
    expectProblem(await api.get(`/v0/customers/${randomUUID()}/verifications`), 404, 'NOT_FOUND', 'customer not found');
  });

  it('rejects no consent, missing prerequisites, unknown customers and businesses', async () => {
    const partial = (await api.post('/v0/customers', { status: 'PROSPECT', first_name: 'Part' })).body;
    const full = (await api.post('/v0/customers', personBody())).body;
    const b = await newBusiness();
    const before = await tenantCounts(tenant.id);
    expectProblem(
      await api.post(`/v0/customers/${full.id}/verify`, { customer_consent: false }),
      400,
      'BAD_REQUEST_BODY',
      'customer_consent',
    );
    expectProblem(await api.post(`/v0/customers/${full.id}/verify`, {}), 400, 'BAD_REQUEST_BODY', 'customer_consent');
    expectProblem(
      await api.post(`/v0/customers/${partial.id}/verify`, { customer_consent: true }),
      400,
      'PREREQUISITES_MISSING',
      'last_name',
    );
    expectProblem(
      await api.post(`/v0/customers/${randomUUID()}/verify`, { customer_consent: true }),
      404,
      'NOT_FOUND',
      'customer not found',
    );
    expectProblem(await api.post(`/v0/customers/${b.id}/verify`, { customer_consent: true }), 404, 'NOT_FOUND', 'customer not found');
    expectProblem(
      await api.post(`/v0/customers/${full.id}/verify`, { customer_consent: true, person_id: full.id }),
      400,
      'BAD_REQUEST_BODY',
      'person_id',
    );
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });
});
