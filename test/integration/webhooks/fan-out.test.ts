import '../../helpers/api.js';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { table } from '../../helpers/api.js';
import { type Receiver, startReceiver, syncteraVerifies } from '../../helpers/webhook-receiver.js';
import { outboxPut } from '../../../functions/adapters/dynamodb/outbox.js';
import type { OutboxEvent } from '../../../functions/events/model.js';
import { type Setup, setup, subscribe } from './helpers.js';

// 1,000 outbox events fanned out to 3 endpoints on the twin: every one delivered exactly once,
// counted at the receivers, and a second pass over the same stream (a redelivered batch) sends
// nothing more.

const EVENTS = 1000;
let s: Setup;
let receivers: Receiver[];

beforeAll(async () => {
  s = await setup('webhook-fan-out');
  receivers = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
  for (const r of receivers) await subscribe(s.api, r.url, ['ACCOUNT.*']);
});

afterAll(async () => {
  await s.twin.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

const eventOf = (tenant: string, i: number): OutboxEvent => ({
  id: randomUUID(),
  type: 'ACCOUNT.UPDATED',
  tenant,
  resource_id: randomUUID(),
  event_time: new Date(Date.now() + i).toISOString(),
  event_resource: { n: i },
  event_resource_changed_fields: { n: i - 1 },
  audit: { request_id: `fan-out-${i}`, api_key_id: 'test', method: 'PATCH', path: '/v0/accounts/x' },
});

it('delivers 1,000 events to each of 3 endpoints exactly once', { timeout: 60_000 }, async () => {
  const events = Array.from({ length: EVENTS }, (_, i) => eventOf(s.tenant.id, i));
  for (let i = 0; i < EVENTS; i += 100) {
    await table().send(new TransactWriteCommand({ TransactItems: events.slice(i, i + 100).map(outboxPut) }));
  }
  await s.twin.settle();
  const ids = new Set(events.map((e) => e.id));
  for (const r of receivers) {
    const got = r.received.map((x) => x.json.id as string);
    expect(got).toHaveLength(EVENTS);
    expect(new Set(got)).toEqual(ids);
  }
  expect(syncteraVerifies(s.secret, receivers[0]!.received[0]!)).toBe(true);
  expect(JSON.parse(receivers[0]!.received[0]!.json.event_resource_changed_fields as string)).toHaveProperty('n');

  // The router meets the same records again (a redelivered stream batch): nothing is sent twice.
  const { routeStreamRecords } = await import('../../../functions/streams/webhook-router.js');
  const { dynamodbStreamEvent } = await import('../../../local/events/dynamodb-stream.js');
  const again = dynamodbStreamEvent(events.slice(0, 50).map((e) => ({ eventName: 'INSERT' as const, newImage: outboxPut(e).Put.Item })));
  expect((await routeStreamRecords(s.twin.context, again)).batchItemFailures).toEqual([]);
  await s.twin.settle();
  for (const r of receivers) expect(r.received).toHaveLength(EVENTS);
});
