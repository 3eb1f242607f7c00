import {
  businessBody,
  clientFor,
  deviceInfo,
  eventsOf,
  expectProblem,
  personBody,
  type ApiClient,
  type ApiResult,
} from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// The transactional outbox: every state change writes exactly one event item, in the same
// TransactWriteItems, under the gsi1 partition TENANT#<tenant>#EVENTS; a rejected request writes none.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'outbox' });
  api = clientFor(tenant.key);
});

type EventItem = Record<string, any>;

/** Runs `action` and returns the event items it added (the tenant's partition before vs after). */
const newEvents = async <T>(action: () => Promise<T>): Promise<{ result: T; events: EventItem[] }> => {
  const before = new Set((await eventsOf(tenant.id)).map((e) => e.id));
  const result = await action();
  const events = (await eventsOf(tenant.id)).filter((e) => !before.has(e.id));
  return { result, events };
};

/** Exactly one new event, of this type, about this resource, audited to this request. */
const expectOneEvent = (events: EventItem[], type: string, res: ApiResult, resourceId: string, keyId = tenant.keyId): EventItem => {
  expect(events.map((e) => e.type)).toEqual([type]);
  const event = events[0]!;
  expect(event).toMatchObject({
    entity: 'EVENT',
    type,
    tenant: tenant.id,
    resource_id: resourceId,
    pk: `TENANT#${tenant.id}#EVENT#${event.id}`,
    sk: 'EVENT',
    gsi1pk: `TENANT#${tenant.id}#EVENTS`,
    gsi1sk: `${event.event_time}#${event.id}`,
  });
  expect(event.audit).toMatchObject({
    request_id: res.requestId,
    api_key_id: keyId,
    method: res.event!.httpMethod,
    path: res.event!.path,
    source_ip: res.event!.requestContext.identity.sourceIp,
  });
  // Never the API key, nor a full SSN, anywhere in the stored item.
  const raw = JSON.stringify(event);
  expect(raw).not.toContain(tenant.key);
  expect(raw).not.toMatch(/\d{3}-\d{2}-\d{4}/);
  return event;
};

describe('create events', () => {
  it('POST /v0/customers writes CUSTOMER.CREATED with the customer view', async () => {
    const { result: res, events } = await newEvents(() => api.post('/v0/customers', personBody()));
    expect(res.status).toBe(201);
    const event = expectOneEvent(events, 'CUSTOMER.CREATED', res, res.body.id);
    expect(event.event_resource).toEqual(res.body);
    expect(event.event_resource.ssn).toBe('6789');
    expect(event).not.toHaveProperty('event_resource_changed_fields');
  });

  it('POST /v0/persons writes PERSON.CREATED with the person view', async () => {
    const { result: res, events } = await newEvents(() => api.post('/v0/persons', personBody()));
    const event = expectOneEvent(events, 'PERSON.CREATED', res, res.body.id);
    expect(event.event_resource).toEqual(res.body);
    expect(event.event_resource.verification_status).toBe('UNVERIFIED');
  });

  it('POST /v0/businesses writes BUSINESS.CREATED', async () => {
    const { result: res, events } = await newEvents(() => api.post('/v0/businesses', businessBody()));
    const event = expectOneEvent(events, 'BUSINESS.CREATED', res, res.body.id);
    expect(event.event_resource).toEqual(res.body);
    // The EIN is not an SSN but is sensitive too: the event carries what the API returns, no more.
    expect(event.event_resource.ein).toBe(res.body.ein);
  });
});

describe('update events', () => {
  it('PATCH /v0/customers writes CUSTOMER.UPDATED whose changed fields hold the OLD values', async () => {
    const c = (await api.post('/v0/customers', personBody())).body;
    const { result: res, events } = await newEvents(() =>
      api.patch(`/v0/customers/${c.id}`, {
        first_name: 'Janet',
        email: 'janet@example.com',
        ssn: '987-65-4321',
        phone_number: c.phone_number,
      }),
    );
    expect(res.status).toBe(200);
    const event = expectOneEvent(events, 'CUSTOMER.UPDATED', res, c.id);
    expect(event.event_resource).toEqual(res.body);
    expect(event.event_resource_changed_fields).toEqual({ first_name: 'Jane', email: 'jane.doe@example.com', ssn: '6789' });
  });

  it('a field set for the first time is reported with a null old value', async () => {
    const c = (await api.post('/v0/customers', { status: 'PROSPECT' })).body;
    const { events } = await newEvents(() => api.patch(`/v0/customers/${c.id}`, { last_name: 'New', status: 'ACTIVE' }));
    expect(events[0]!.event_resource_changed_fields).toEqual({ last_name: null, status: 'PROSPECT' });
  });

  it('PATCH /v0/persons writes PERSON.UPDATED', async () => {
    const p = (await api.post('/v0/persons', personBody())).body;
    const { result: res, events } = await newEvents(() => api.patch(`/v0/persons/${p.id}`, { chosen_name: 'JD' }));
    const event = expectOneEvent(events, 'PERSON.UPDATED', res, p.id);
    expect(event.event_resource_changed_fields).toEqual({ chosen_name: null });
  });

  it('PATCH /v0/businesses writes BUSINESS.UPDATED with old values', async () => {
    const b = (await api.post('/v0/businesses', businessBody())).body;
    const { result: res, events } = await newEvents(() => api.patch(`/v0/businesses/${b.id}`, { status: 'ACTIVE', entity_name: 'Acme 2' }));
    const event = expectOneEvent(events, 'BUSINESS.UPDATED', res, b.id);
    expect(event.event_resource_changed_fields).toEqual({ status: 'PROSPECT', entity_name: 'Acme Widgets LLC' });
    expect(event.event_resource).toEqual(res.body);
  });
});

describe('verification events', () => {
  it('POST /v0/verifications/verify (person) writes PERSON.VERIFICATION_OUTCOME.UPDATED', async () => {
    const p = (await api.post('/v0/persons', personBody({ last_name: 'Rejected' }))).body;
    const { result: res, events } = await newEvents(() =>
      api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id }),
    );
    expect(res.status).toBe(201);
    const event = expectOneEvent(events, 'PERSON.VERIFICATION_OUTCOME.UPDATED', res, p.id);
    expect(event.event_resource).toMatchObject({ id: p.id, verification_status: 'REJECTED' });
    expect(event.event_resource_changed_fields).toEqual({ verification_status: 'UNVERIFIED' });
  });

  it('legacy POST /v0/customers/{id}/verify writes CUSTOMER.KYC_OUTCOME.UPDATED', async () => {
    const c = (await api.post('/v0/customers', personBody())).body;
    const { result: res, events } = await newEvents(() => api.post(`/v0/customers/${c.id}/verify`, { customer_consent: true }));
    expect(res.status).toBe(200);
    const event = expectOneEvent(events, 'CUSTOMER.KYC_OUTCOME.UPDATED', res, c.id);
    expect(event.event_resource).toMatchObject({ id: c.id, kyc_status: 'ACCEPTED' });
    expect(event.event_resource_changed_fields).toEqual({ kyc_status: 'UNVERIFIED' });
  });

  it('business KYB writes BUSINESS.VERIFICATION_OUTCOME.UPDATED; a re-run reports the previous status', async () => {
    const b = (await api.post('/v0/businesses', businessBody({ entity_name: 'Similar Name Business' }))).body;
    const first = await newEvents(() => api.post('/v0/verifications/verify', { customer_consent: true, business_id: b.id }));
    const event = expectOneEvent(first.events, 'BUSINESS.VERIFICATION_OUTCOME.UPDATED', first.result, b.id);
    expect(event.event_resource).toMatchObject({ id: b.id, verification_status: 'REVIEW' });
    await api.patch(`/v0/businesses/${b.id}`, { entity_name: 'Acme Widgets LLC' });
    const second = await newEvents(() => api.post('/v0/verifications/verify', { customer_consent: true, business_id: b.id }));
    expect(second.events).toHaveLength(1);
    expect(second.events[0]!.event_resource_changed_fields).toEqual({ verification_status: 'REVIEW' });
  });
});

describe('audit: Customer-Device-Info, request id, API key id', () => {
  it('stores the parsed Customer-Device-Info header in audit.device_info', async () => {
    const info = deviceInfo();
    const { result: res, events } = await newEvents(() =>
      api.post('/v0/customers', personBody(), { headers: { 'Customer-Device-Info': JSON.stringify(info) }, sourceIp: '203.0.113.77' }),
    );
    expect(res.status).toBe(201);
    const event = expectOneEvent(events, 'CUSTOMER.CREATED', res, res.body.id);
    expect(event.audit.device_info).toEqual(info);
    expect(event.audit.source_ip).toBe('203.0.113.77');
  });

  it('header names are case-insensitive and vendor fields are kept', async () => {
    const info = { ...deviceInfo(), vendor: 'Socure', session_token: 'sess-1', device_id: 'dev-9', metadata: { score: 0.2 } };
    const c = (await api.post('/v0/customers', { status: 'PROSPECT' })).body;
    const { result: res, events } = await newEvents(() =>
      api.patch(`/v0/customers/${c.id}`, { first_name: 'Dev' }, { headers: { 'customer-device-info': JSON.stringify(info) } }),
    );
    const event = expectOneEvent(events, 'CUSTOMER.UPDATED', res, c.id);
    expect(event.audit.device_info).toEqual(info);
  });

  it('records which key made the change', async () => {
    const writer = await tenant.issueKey('customer:read,customer:write');
    const { result: res, events } = await newEvents(() => clientFor(writer.apiKey).post('/v0/customers', personBody()));
    const event = expectOneEvent(events, 'CUSTOMER.CREATED', res, res.body.id, writer.keyId);
    expect(JSON.stringify(event)).not.toContain(writer.apiKey);
  });

  it('an event without the header has no device_info', async () => {
    const { result: res, events } = await newEvents(() => api.post('/v0/customers', { status: 'PROSPECT' }));
    const event = expectOneEvent(events, 'CUSTOMER.CREATED', res, res.body.id);
    expect(event.audit).not.toHaveProperty('device_info');
  });
});

describe('rejected requests write no event', () => {
  it.each([
    ['400 bad body', () => api.post('/v0/customers', personBody({ status: 'ALIVE' })), 400],
    ['400 malformed JSON', () => api.call({ method: 'POST', path: '/v0/customers', rawBody: '{"status":' }), 400],
    ['400 bad Customer-Device-Info', () => api.post('/v0/customers', personBody(), { headers: { 'Customer-Device-Info': 'iPhone' } }), 400],
    ['404 patch of an unknown customer', () => api.patch(`/v0/customers/${randomUUID()}`, { first_name: 'Ghost' }), 404],
    [
      '400 verification without prerequisites',
      async () => {
        const p = (await api.post('/v0/persons', { status: 'PROSPECT' })).body;
        const before = (await eventsOf(tenant.id)).length;
        const res = await api.post('/v0/verifications/verify', { customer_consent: true, person_id: p.id });
        expect((await eventsOf(tenant.id)).length).toBe(before);
        return res;
      },
      400,
    ],
    ['401 unknown key', () => clientFor(`bl_${'x'.repeat(43)}`).post('/v0/customers', personBody()), 401],
    ['403 read-only key', async () => clientFor((await tenant.issueKey('customer:read')).apiKey).post('/v0/customers', personBody()), 403],
  ] as const)('%s', async (_name, action, status) => {
    const before = (await eventsOf(tenant.id)).length;
    const res = await action();
    expectProblem(res, status);
    // The prerequisite case creates its person (one event) before the rejected call.
    const created = _name.startsWith('400 verification') ? 1 : 0;
    expect((await eventsOf(tenant.id)).length).toBe(before + created);
  });

  it('an idempotent replay writes no second event', async () => {
    const key = randomUUID();
    const first = await newEvents(() => api.post('/v0/customers', personBody(), { headers: { 'Idempotency-Key': key } }));
    expect(first.events).toHaveLength(1);
    const replay = await newEvents(() => api.post('/v0/customers', personBody(), { headers: { 'Idempotency-Key': key } }));
    expect(replay.result.headers['idempotent-replayed']).toBe('true');
    expect(replay.events).toHaveLength(0);
  });
});
