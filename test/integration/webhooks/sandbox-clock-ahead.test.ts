import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';
import { type Setup, setup, subscribe, trigger } from './helpers.js';

// A tenant whose sandbox clock is days ahead still has its retries found by the periodic sweep
// as real time passes (the due index is keyed in real time, across tenants). Real time is the
// test clock here; the tenant's offset comes from POST /v0/sandbox/clock.

let s: Setup;
let unfollow: () => void;
let r: Receiver;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  s = await setup('webhook-clock-ahead');
  unfollow = s.twin.followSandboxClock();
  r = await startReceiver();
  r.respond(() => ({ status: 500, body: 'down' }));
});

afterAll(async () => {
  unfollow();
  await s.twin.stop();
  await r.close();
});

it('sweeps the retries of a tenant whose clock is two days ahead when they fall due, without another advance', async () => {
  expect((await s.api.post('/v0/sandbox/clock', { advance_seconds: 2 * 86_400 })).status).toBe(200);
  await subscribe(s.api, r.url);
  await trigger(s.api);
  await s.twin.settle();
  expect(r.received).toHaveLength(1);
  // The first retry waits 30 s (random 0.5: the nominal delay) of the tenant's time, which runs at real pace.
  s.clock.advance(20);
  await s.twin.settle();
  expect(r.received).toHaveLength(1);
  s.clock.advance(20);
  await s.twin.settle();
  expect(r.received).toHaveLength(2);
});
