import '../../helpers/api.js';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table, TEST_TABLE } from '../../helpers/api.js';
import { type Receiver, standardVerifies, startReceiver, syncteraVerifies } from '../../helpers/webhook-receiver.js';
import { outboxPut } from '../../../functions/adapters/dynamodb/outbox.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_S } from '../../../functions/webhooks/retry-schedule.js';
import { type Setup, setup, subscribe, trigger } from './helpers.js';

// The delivery pipeline on the twin (the same router, sender and sweeper as in AWS) against
// DynamoDB Local's stream, with local receivers; retries are driven by a test clock.

let s: Setup;
const receivers: Receiver[] = [];
const receiver = async () => {
  const r = await startReceiver();
  receivers.push(r);
  return r;
};

beforeAll(async () => {
  s = await setup('webhook-delivery');
});

afterAll(async () => {
  await s.twin.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

const deliveryOf = async (webhookId: string, eventId: string) => (await s.api.get(`/v0/webhooks/${webhookId}/events/${eventId}`)).body;

/** Moves the clock in steps, running everything due at each step, until `done` or the limit. */
const runUntil = async (done: () => Promise<boolean>, stepSeconds: number, maxSteps = 200) => {
  for (let i = 0; i < maxSteps && !(await done()); i++) {
    s.clock.advance(stepSeconds);
    await s.twin.settle();
  }
};

// The API stamps times with the real clock and the pipeline with the test clock, so the tests that
// compare the two (resend delay, secret expiry) run before the ones that move the clock by days, and the
// clock stays within the standard verifier's 5-minute tolerance of real time until the secret test.
describe('delivery', () => {
  it('delivers a signed §11.3 body that both verifiers accept, and records SUCCESS', async () => {
    const r = await receiver();
    const hook = await subscribe(s.api, r.url);
    const eventId = await trigger(s.api, 'ACCOUNT.UPDATED');
    await s.twin.settle();
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.json).toMatchObject({ id: eventId, type: 'ACCOUNT.UPDATED', webhook_id: hook.id, url: r.url, metadata: 'integration' });
    expect(typeof got.json.event_resource).toBe('string');
    expect(got.headers['webhook-id']).toBe(eventId);
    expect(syncteraVerifies(s.secret, got)).toBe(true);
    expect(standardVerifies(s.secret, got)).toBe(true);
    const event = await deliveryOf(hook.id, eventId);
    expect(event.status).toBe('SUCCESS');
    expect(event.response_history).toHaveLength(1);
    expect(event.response_history[0]).toMatchObject({ code: 200, response_body: 'ok' });
  });

  it('resend without delay goes out at the next sweep; with delay, once the delay has passed', async () => {
    const r = await receiver();
    const hook = await subscribe(s.api, r.url);
    const eventId = await trigger(s.api);
    await s.twin.settle();
    expect(r.received).toHaveLength(1);

    const now = await s.api.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`);
    expect(now.status).toBe(200);
    expect(now.body.status).toBe('RUNNING');
    await s.twin.settle();
    expect(r.received).toHaveLength(2);

    const later = await s.api.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`, undefined, { query: { delay: '120' } });
    expect(later.status).toBe(200);
    await s.twin.settle();
    expect(r.received).toHaveLength(2);
    s.clock.advance(121);
    await s.twin.settle();
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((x) => x.json.id))).toEqual(new Set([eventId]));
    expect((await deliveryOf(hook.id, eventId)).response_history).toHaveLength(3);

    expect((await s.api.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`, undefined, { query: { delay: '3601' } })).status).toBe(
      400,
    );
  });

  it('rolling secrets: both signatures for 24 h, only the new one after', async () => {
    const r = await receiver();
    await subscribe(s.api, r.url, ['PERSON.*']);
    const rolled = await s.api.put('/v0/webhook_secrets', { is_rolling_secret: true });
    expect(rolled.status).toBe(200);
    const next = rolled.body.secret as string;
    await trigger(s.api, 'PERSON.UPDATED');
    await s.twin.settle();
    const during = r.received.at(-1)!;
    expect(String(during.headers['synctera-signature']).split('.')).toHaveLength(2);
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(syncteraVerifies(next, during) && syncteraVerifies(s.secret, during)).toBe(true);
    expect(standardVerifies(next, during) && standardVerifies(s.secret, during)).toBe(true);

    s.clock.advance(24 * 3600 + 1);
    await trigger(s.api, 'PERSON.UPDATED');
    await s.twin.settle();
    const after = r.received.at(-1)!;
    expect(String(after.headers['synctera-signature']).split('.')).toHaveLength(1);
    // (standardwebhooks checks the timestamp against the real clock, a day behind the test's here.)
    expect(syncteraVerifies(next, after)).toBe(true);
    expect(syncteraVerifies(s.secret, after)).toBe(false);
    s.secret = next;
  });

  it('an event of a rolled-back write is never sent', async () => {
    const r = await receiver();
    await subscribe(s.api, r.url, ['ACCOUNT.*']);
    const id = randomUUID();
    const event = {
      id,
      type: 'ACCOUNT.UPDATED' as const,
      tenant: s.tenant.id,
      resource_id: randomUUID(),
      event_time: new Date().toISOString(),
      event_resource: { id },
      audit: { request_id: 'rolled-back', api_key_id: 'none', method: 'PATCH', path: '/v0/accounts/x' },
    };
    // The change's other item fails its condition: the whole transaction, outbox item included, is rolled back.
    await expect(
      table().send(
        new TransactWriteCommand({
          TransactItems: [
            outboxPut(event),
            {
              ConditionCheck: { TableName: TEST_TABLE, Key: { pk: `NOPE#${id}`, sk: 'NOPE' }, ConditionExpression: 'attribute_exists(pk)' },
            },
          ],
        }),
      ),
    ).rejects.toThrow();
    const control = await trigger(s.api, 'ACCOUNT.CREATED');
    await s.twin.settle();
    const ids = r.received.map((x) => x.json.id);
    expect(ids).toContain(control);
    expect(ids).not.toContain(id);
  });

  it('ordering across two endpoints is independent: a failing endpoint does not hold back the other', async () => {
    const [bad, good] = [await receiver(), await receiver()];
    bad.respond(() => ({ status: 500 }));
    await subscribe(s.api, bad.url);
    await subscribe(s.api, good.url);
    const ids = [await trigger(s.api), await trigger(s.api), await trigger(s.api)];
    await s.twin.settle();
    expect(good.received.map((x) => x.json.id)).toEqual(expect.arrayContaining(ids));
    expect(bad.received.map((x) => x.json.id).filter((id) => ids.includes(id as string))).toHaveLength(3);
  });

  it('a receiver failing 3 times then succeeding: exactly one success, 4 attempts in the history', async () => {
    const r = await receiver();
    r.respond((n) => (n <= 3 ? { status: 500, body: 'x'.repeat(3000) } : { status: 200, body: 'ok' }));
    const hook = await subscribe(s.api, r.url);
    const eventId = await trigger(s.api);
    await s.twin.settle();
    expect((await deliveryOf(hook.id, eventId)).status).toBe('RETRYING');
    await runUntil(async () => (await deliveryOf(hook.id, eventId)).status === 'SUCCESS', 60);
    // Redelivered queue messages and extra sweeps change nothing.
    s.clock.advance(3600);
    await s.twin.settle();
    const event = await deliveryOf(hook.id, eventId);
    expect(event.status).toBe('SUCCESS');
    expect(event.response_history.map((a: { code: number }) => a.code)).toEqual([500, 500, 500, 200]);
    expect(event.response_history[0].response_body).toHaveLength(1024);
    expect(r.received.filter((x) => x.json.id === eventId)).toHaveLength(4);
  });

  it('a receiver that never succeeds ends FAILED after the retry budget (about 3 days by the clock)', async () => {
    const r = await receiver();
    r.respond(() => ({ status: 503 }));
    const hook = await subscribe(s.api, r.url);
    const eventId = await trigger(s.api);
    const start = s.clock.now().getTime();
    await s.twin.settle();
    await runUntil(async () => (await deliveryOf(hook.id, eventId)).status === 'FAILED', 1800, 400);
    const event = await deliveryOf(hook.id, eventId);
    expect(event.status).toBe('FAILED');
    expect(event.response_history).toHaveLength(MAX_ATTEMPTS);
    const hours = (s.clock.now().getTime() - start) / 3_600_000;
    expect(hours).toBeGreaterThan(RETRY_DELAYS_S.reduce((a, b) => a + b, 0) / 3600 - 1);
    expect(hours).toBeLessThan(80);
    // The dead-lettered delivery can be resent.
    r.respond(() => ({ status: 200 }));
    expect((await s.api.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`)).status).toBe(200);
    await s.twin.settle();
    expect((await deliveryOf(hook.id, eventId)).status).toBe('SUCCESS');
  });
});
