import { clientFor, expectProblem, getItem, KEYS, type ApiClient } from '../../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';

// /v0/webhook_secrets, /v0/webhooks and /v0/events (contract §11.1; the event log is a Bankline
// extension): shapes, permissions, tenancy, bad input.

let tenant: TestTenant;
let api: ApiClient;
let other: ApiClient;

const BODY = { url: 'https://example.com/hook', enabled_events: ['ACCOUNT.*', 'CUSTOMER.UPDATED'], is_enabled: true, metadata: 'm' };

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'webhook-api' });
  api = clientFor(tenant.key);
  other = clientFor((await createTestTenant({ label: 'webhook-api-other' })).key);
});

describe('webhook secrets', () => {
  it('creates one 64-character secret, rolls it with a 24 h overlap, revokes it', async () => {
    expectProblem(await api.put('/v0/webhook_secrets', { is_rolling_secret: true }), 404);
    const created = await api.post('/v0/webhook_secrets');
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expectProblem(await api.post('/v0/webhook_secrets'), 409);

    const rolled = await api.put('/v0/webhook_secrets', { is_rolling_secret: true });
    expect(rolled.status).toBe(200);
    expect(rolled.body.secret).not.toBe(created.body.secret);
    const overlap = Date.parse(rolled.body.deleted_at) - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3600_000);

    const immediate = await api.put('/v0/webhook_secrets', { is_rolling_secret: false });
    expect(Date.parse(immediate.body.deleted_at)).toBeLessThanOrEqual(Date.now());
    expectProblem(await api.put('/v0/webhook_secrets', { is_rolling_secret: 'yes' }), 400, undefined, 'is_rolling_secret');

    expect((await api.call({ method: 'DELETE', path: '/v0/webhook_secrets', query: { old_secret_only: 'true' } })).status).toBe(200);
    expectProblem(await api.post('/v0/webhook_secrets'), 409);
    expect((await api.call({ method: 'DELETE', path: '/v2/webhook_secrets' })).status).toBe(200);
    expect((await api.post('/v2/webhook_secrets')).status).toBe(201);
    expectProblem(await api.call({ method: 'DELETE', path: '/v0/webhook_secrets', query: { old_secret_only: 'maybe' } }), 400);
  });
});

describe('webhooks', () => {
  it('creates, reads, replaces, lists and deletes; the same under /v2', async () => {
    const created = await api.post('/v0/webhooks', BODY);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...BODY, tenant: tenant.id });
    expect(created.body.last_updated).toBeDefined();
    const id = created.body.id;
    expect((await api.get(`/v2/webhooks/${id}`)).body).toEqual(created.body);

    const replaced = await api.put(`/v0/webhooks/${id}`, {
      url: 'https://example.com/other',
      enabled_events: ['ACCOUNT.UPDATED'],
      is_enabled: false,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).not.toHaveProperty('metadata');
    expect(replaced.body).toMatchObject({ is_enabled: false, enabled_events: ['ACCOUNT.UPDATED'] });

    const enabled = await api.post('/v2/webhooks', BODY);
    const all = (await api.get('/v0/webhooks')).body.webhooks.map((w: { id: string }) => w.id);
    expect(all).toEqual(expect.arrayContaining([id, enabled.body.id]));
    const onlyEnabled = (await api.get('/v0/webhooks', { is_enabled_only: 'true' })).body.webhooks.map((w: { id: string }) => w.id);
    expect(onlyEnabled).toContain(enabled.body.id);
    expect(onlyEnabled).not.toContain(id);

    const paged = await api.get('/v0/webhooks', { limit: '1' });
    expect(paged.body.webhooks).toHaveLength(1);
    expect(paged.body.next_page_token).toBeDefined();

    expect((await api.call({ method: 'DELETE', path: `/v0/webhooks/${id}` })).body).toEqual({ id, resource: 'webhook' });
    expectProblem(await api.get(`/v0/webhooks/${id}`), 404);
  });

  it('refuses a bad URL or event pattern with a 400 naming the field, and writes nothing', async () => {
    const before = (await api.get('/v0/webhooks', { limit: '100' })).body.webhooks.length;
    expectProblem(await api.post('/v0/webhooks', { ...BODY, url: 'ftp://example.com' }), 400, undefined, 'url');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, url: 'https://169.254.169.254/latest' }), 400, undefined, 'url');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, url: 'https://user:pw@example.com' }), 400, undefined, 'url');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, enabled_events: ['account.*'] }), 400, undefined, 'enabled_events');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, enabled_events: [] }), 400, undefined, 'enabled_events');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, is_enabled: undefined }), 400, undefined, 'is_enabled');
    expectProblem(await api.post('/v0/webhooks', { ...BODY, metadata: 'x'.repeat(1025) }), 400, undefined, 'metadata');
    expect((await api.get('/v0/webhooks', { limit: '100' })).body.webhooks).toHaveLength(before);
    // The twin also allows http://localhost.
    expect((await api.post('/v0/webhooks', { ...BODY, url: 'http://localhost:4000/hook' })).status).toBe(201);
  });

  it("gives 404 for another tenant's webhook and its events", async () => {
    const { body } = await api.post('/v0/webhooks', BODY);
    expectProblem(await other.get(`/v0/webhooks/${body.id}`), 404);
    expectProblem(await other.put(`/v0/webhooks/${body.id}`, BODY), 404);
    expectProblem(await other.call({ method: 'DELETE', path: `/v0/webhooks/${body.id}` }), 404);
    expectProblem(await other.get(`/v0/webhooks/${body.id}/events`), 404);
    expectProblem(await other.get(`/v0/webhooks/${body.id}/events/${randomUUID()}`), 404);
    expectProblem(await other.post(`/v0/webhooks/${body.id}/events/${randomUUID()}/resend`), 404);
    expect((await api.get(`/v0/webhooks/${body.id}`)).status).toBe(200);
  });

  it('needs webhook:read to read and webhook:write to change', async () => {
    const reader = clientFor((await tenant.issueKey(['webhook:read'])).apiKey);
    const none = clientFor((await tenant.issueKey(['account:read'])).apiKey);
    expect((await reader.get('/v0/webhooks')).status).toBe(200);
    expectProblem(await reader.post('/v0/webhooks', BODY), 403);
    expectProblem(await reader.post('/v0/webhooks/trigger', { event: 'ACCOUNT.UPDATED' }), 403);
    expectProblem(await none.get('/v0/webhooks'), 403);
    expectProblem(await none.get('/v0/events'), 403);
  });
});

describe('events', () => {
  it('a subscription lists its deliveries, filtered by time and resource, newest first; GET one has its response_history', async () => {
    const { body: hook } = await api.post('/v0/webhooks', { ...BODY, enabled_events: ['ACCOUNT.*'] });
    const first = (await api.post('/v0/webhooks/trigger', { event: 'ACCOUNT.CREATED' })).body;
    const second = (await api.post('/v0/webhooks/trigger', { event: 'ACCOUNT.UPDATED' })).body;
    expect(Object.keys(second).sort()).toEqual(['event_time', 'id', 'type']);
    const list = (await api.get(`/v0/webhooks/${hook.id}/events`)).body.event_list;
    expect(list.map((e: { id: string }) => e.id)).toEqual([second.id, first.id]);
    expect(list[0]).not.toHaveProperty('response_history');
    expect(list[0]).toMatchObject({ status: 'RUNNING', webhook_id: hook.id, url: BODY.url, metadata: 'm', type: 'ACCOUNT.UPDATED' });

    const after = (await api.get(`/v0/webhooks/${hook.id}/events`, { start_time: second.event_time })).body.event_list;
    expect(after.map((e: { id: string }) => e.id)).toEqual([second.id]);
    const before = (await api.get(`/v0/webhooks/${hook.id}/events`, { end_time: first.event_time })).body.event_list;
    expect(before.map((e: { id: string }) => e.id)).toEqual([first.id]);
    expect((await api.get(`/v0/webhooks/${hook.id}/events`, { resource_id: randomUUID() })).body.event_list).toEqual([]);
    expectProblem(await api.get(`/v0/webhooks/${hook.id}/events`, { start_time: 'yesterday' }), 400, undefined, 'start_time');

    const one = await api.get(`/v0/webhooks/${hook.id}/events/${first.id}`);
    expect(one.body).toMatchObject({ id: first.id, response_history: [] });
    expectProblem(await api.get(`/v0/webhooks/${hook.id}/events/${randomUUID()}`), 404);
  });

  it('GET /v0/events lists the tenant’s events newest first, by type, resource and time, whether or not a webhook exists', async () => {
    const a = (await api.post('/v0/webhooks/trigger', { event: 'PERSON.CREATED' })).body;
    const b = (await api.post('/v0/webhooks/trigger', { event: 'PERSON.UPDATED' })).body;
    const all = (await api.get('/v0/events', { type: 'PERSON.CREATED,PERSON.UPDATED' })).body.events;
    expect(all.map((e: { id: string }) => e.id).slice(0, 2)).toEqual([b.id, a.id]);
    expect(typeof all[0].event_resource).toBe('string');
    expect(all[0]).not.toHaveProperty('audit');
    const byResource = (await api.get('/v0/events', { resource_id: all[1].resource_id })).body.events;
    expect(byResource.map((e: { id: string }) => e.id)).toEqual([a.id]);
    const page = await api.get('/v0/events', { limit: '1' });
    expect(page.body.events).toHaveLength(1);
    const next = await api.get('/v0/events', { limit: '1', page_token: page.body.next_page_token });
    expect(next.body.events[0].id).not.toBe(page.body.events[0].id);
    expect((await other.get('/v0/events', { type: 'PERSON.CREATED' })).body.events).toEqual([]);
    expectProblem(await api.get('/v0/events', { type: 'PERSON.*' }), 400, undefined, 'type');
    // Kept at least 30 days: the outbox item's TTL attribute.
    const item = await getItem(KEYS.event(tenant.id, a.id));
    expect(item!.expires_at).toBeGreaterThanOrEqual(Date.parse(a.event_time) / 1000 + 30 * 86400);
  });
});
