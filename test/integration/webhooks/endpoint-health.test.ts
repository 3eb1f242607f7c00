import '../../helpers/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';
import { PAUSE_AFTER_FAILURES, PAUSE_SECONDS } from '../../../functions/webhooks/pause-rule.js';
import { type Setup, setup, subscribe, trigger } from './helpers.js';

// The pause rule and 410 Gone, through the pipeline on the twin.

let s: Setup;
const receivers: Receiver[] = [];

beforeAll(async () => {
  s = await setup('webhook-health');
});
afterAll(async () => {
  await s.twin.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

describe('endpoint health', () => {
  it(`pauses fan-out to an endpoint after ${PAUSE_AFTER_FAILURES} failures in a row, until the pause ends`, async () => {
    const r = await startReceiver();
    receivers.push(r);
    r.respond(() => ({ status: 500 }));
    const hook = await subscribe(s.api, r.url);
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i++) await trigger(s.api);
    await s.twin.settle();
    expect(r.received).toHaveLength(PAUSE_AFTER_FAILURES);

    r.respond(() => ({ status: 200 }));
    const paused = await trigger(s.api);
    await s.twin.settle();
    const waiting = (await s.api.get(`/v0/webhooks/${hook.id}/events/${paused}`)).body;
    expect(waiting.status).toBe('RUNNING');
    expect(r.received.map((x) => x.json.id)).not.toContain(paused);

    s.clock.advance(PAUSE_SECONDS + 1);
    await s.twin.settle();
    expect((await s.api.get(`/v0/webhooks/${hook.id}/events/${paused}`)).body.status).toBe('SUCCESS');
  });

  it('a 410 Gone answer disables the subscription', async () => {
    const r = await startReceiver();
    receivers.push(r);
    r.respond(() => ({ status: 410 }));
    const hook = await subscribe(s.api, r.url, ['PERSON.*']);
    const id = await trigger(s.api, 'PERSON.UPDATED');
    await s.twin.settle();
    expect((await s.api.get(`/v0/webhooks/${hook.id}`)).body.is_enabled).toBe(false);
    expect((await s.api.get(`/v0/webhooks/${hook.id}/events/${id}`)).body.status).toBe('FAILED');
  });
});
