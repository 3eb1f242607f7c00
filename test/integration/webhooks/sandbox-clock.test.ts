import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, clientFor, DYNAMODB_ENDPOINT, TEST_TABLE } from '../../helpers/api.js';
import { createTestTenant } from '../../helpers/tenants.js';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_S } from '../../../functions/webhooks/retry-schedule.js';
import { WebhookTwin } from '../../../local/streams/webhook-twin.js';
import { subscribe, trigger } from './helpers.js';

// The pipeline on the tenant's sandbox clock, as on `npm start`: real time plus the tenant's
// offset, no test clock. Only POST /v0/sandbox/clock moves time; the twin, following the clock,
// sends what fell due before the request answers.

let api: ApiClient;
let twin: WebhookTwin;
let unfollow: () => void;
const receivers: Receiver[] = [];

beforeAll(async () => {
  // The integration suite runs the handlers in this process: mark it a sandbox stage.
  process.env.SANDBOX = 'true';
  api = clientFor((await createTestTenant({ label: 'webhook-sandbox-clock' })).key);
  const secret = await api.post('/v0/webhook_secrets');
  if (secret.status !== 201) throw new Error(`secret: ${secret.status} ${secret.rawBody}`);
  // No clock given: real time. random 0.5: every delay is exactly its nominal value.
  twin = new WebhookTwin({ endpoint: DYNAMODB_ENDPOINT, tableName: TEST_TABLE, random: () => 0.5 });
  await twin.start();
  unfollow = twin.followSandboxClock();
});

afterAll(async () => {
  unfollow();
  await twin.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

const failingReceiver = async (failures: number) => {
  const r = await startReceiver();
  receivers.push(r);
  r.respond((count) => (count <= failures ? { status: 500, body: 'down' } : { status: 200, body: 'ok' }));
  return r;
};

const advance = async (seconds: number) => {
  const res = await api.post('/v0/sandbox/clock', { advance_seconds: seconds });
  if (res.status !== 200) throw new Error(`clock: ${res.status} ${res.rawBody}`);
  return Date.parse(res.body.now);
};

const deliveryOf = async (webhookId: string, eventId: string) => (await api.get(`/v0/webhooks/${webhookId}/events/${eventId}`)).body;

describe('webhook retries on the sandbox clock', () => {
  it('a receiver that never succeeds ends FAILED after the retry budget, each retry going out once the clock reaches it', async () => {
    const r = await failingReceiver(Number.POSITIVE_INFINITY);
    const hook = await subscribe(api, r.url);
    const eventId = await trigger(api);
    // Any advance runs the pipeline: the first attempt goes out at once.
    await advance(1);
    expect(r.received).toHaveLength(1);
    let now = 0;
    for (const [i, delay] of RETRY_DELAYS_S.entries()) {
      // Short of the retry's time (real time moves too, by far less than the margin): nothing goes out.
      await advance(delay - 10);
      expect(r.received, `before retry ${i + 2}`).toHaveLength(i + 1);
      now = await advance(20);
      expect(r.received, `retry ${i + 2}`).toHaveLength(i + 2);
    }
    const event = await deliveryOf(hook.id, eventId);
    expect(event.status).toBe('FAILED');
    expect(event.response_history).toHaveLength(MAX_ATTEMPTS);
    // Attempts are stamped by the tenant's clock, about three days ahead of real time by now.
    const last = Date.parse(event.response_history.at(-1).sent_time);
    expect(last).toBeGreaterThan(Date.now() + 60 * 3600 * 1000);
    expect(last - now).toBeLessThan(60_000);
    // The budget is spent: no further attempt, however far the clock goes.
    await advance(5 * 86_400);
    expect(r.received).toHaveLength(MAX_ATTEMPTS);
  });

  it('a receiver failing 3 times then succeeding ends SUCCESS with 4 attempts', async () => {
    const r = await failingReceiver(3);
    const hook = await subscribe(api, r.url);
    const eventId = await trigger(api);
    await advance(1);
    for (let i = 0; i < 3; i++) await advance(86_400);
    const event = await deliveryOf(hook.id, eventId);
    expect(event.status).toBe('SUCCESS');
    expect(event.response_history.map((a: { code: number }) => a.code)).toEqual([500, 500, 500, 200]);
    await advance(86_400);
    expect(r.received).toHaveLength(4);
  });

  it("a resend's delay runs on the tenant's clock, days ahead of real time by now", async () => {
    const r = await failingReceiver(0);
    const hook = await subscribe(api, r.url);
    const eventId = await trigger(api);
    await advance(1);
    expect(r.received).toHaveLength(1);
    const resent = await api.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`, undefined, { query: { delay: '120' } });
    expect(resent.status).toBe(200);
    await advance(100);
    expect(r.received).toHaveLength(1);
    await advance(40);
    expect(r.received).toHaveLength(2);
    expect((await deliveryOf(hook.id, eventId)).status).toBe('SUCCESS');
  });
});
