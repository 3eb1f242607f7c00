import '../../helpers/api.js';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';
import { sendQueueRecords } from '../../../functions/queues/webhook-sender.js';
import type { PipelineContext } from '../../../functions/webhooks/context.js';
import { type Setup, setup, subscribe, trigger } from './helpers.js';

// The sender's side of "no attempt is sent twice": SQS delivers at least once, so the sender Lambda
// (the registry's queue handler, sendQueueRecords) meets the same message again. An attempt already
// recorded is never posted again; one that crashed between the POST and its record is posted again
// (at-least-once, same webhook-id for the receiver to dedupe) and recorded once. Each case subscribes
// to its own event type, so its messages are the only ones queued.

let s: Setup;
const receivers: Receiver[] = [];
const receiver = async () => {
  const r = await startReceiver();
  receivers.push(r);
  return r;
};

beforeAll(async () => {
  s = await setup('webhook-sender-redelivery');
});

afterAll(async () => {
  await s.twin.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

const historyOf = async (webhookId: string, eventId: string): Promise<unknown[]> => {
  const response = await s.api.get(`/v0/webhooks/${webhookId}/events/${eventId}`);
  if (response.status !== 200) throw new Error(`${response.status} ${response.rawBody}`);
  return response.body.response_history;
};

/** Routes the stream and hands the queued message(s) to `consume`, the way SQS would; returns the SQS events seen. */
const queuedMessages = async (consume: (event: SQSEvent) => ReturnType<typeof sendQueueRecords>): Promise<SQSEvent[]> => {
  const seen: SQSEvent[] = [];
  await s.twin.poll();
  await s.twin.queue.drain(async (event) => {
    seen.push(event);
    return consume(event);
  });
  return seen;
};

/** The pipeline, except that recording an attempt dies: the Lambda crashed after the POST. */
const crashingBeforeRecord = (ctx: PipelineContext): PipelineContext => ({
  ...ctx,
  deliveries: {
    ...ctx.deliveries,
    recordAttempt: async () => {
      throw new Error('sender crashed after the POST');
    },
  },
});

describe('the sender meets the same queue message again', () => {
  it('after a success: the receiver gets one request and response_history has one entry', async () => {
    const r = await receiver();
    const hook = await subscribe(s.api, r.url, ['ACCOUNT.UPDATED']);
    const eventId = await trigger(s.api, 'ACCOUNT.UPDATED');
    const [event] = await queuedMessages((e) => sendQueueRecords(s.twin.context, e));
    expect(event!.Records).toHaveLength(1);
    expect(r.received).toHaveLength(1);

    // SQS redelivers the same message, twice, and once more as two copies in one batch.
    for (let i = 0; i < 2; i++) expect((await sendQueueRecords(s.twin.context, event!)).batchItemFailures).toEqual([]);
    expect((await sendQueueRecords(s.twin.context, { Records: [...event!.Records, ...event!.Records] })).batchItemFailures).toEqual([]);
    expect(r.received).toHaveLength(1);
    const history = await historyOf(hook.id, eventId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ code: 200 });
    expect(s.twin.queue.depth).toBe(0);
  });

  it('after a failed attempt was recorded: the redelivered message does not post that attempt again', async () => {
    const r = await receiver();
    r.respond(() => ({ status: 500, body: 'down' }));
    const hook = await subscribe(s.api, r.url, ['ACCOUNT.CREATED']);
    const eventId = await trigger(s.api, 'ACCOUNT.CREATED');
    const [event] = await queuedMessages((e) => sendQueueRecords(s.twin.context, e));
    expect(r.received).toHaveLength(1);
    expect(await historyOf(hook.id, eventId)).toHaveLength(1);

    expect((await sendQueueRecords(s.twin.context, event!)).batchItemFailures).toEqual([]);
    expect(r.received).toHaveLength(1);
    const history = await historyOf(hook.id, eventId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ code: 500, response_body: 'down' });
  });

  it('after a crash between the POST and the record: posted again once, recorded once, then never again', async () => {
    const r = await receiver();
    const hook = await subscribe(s.api, r.url, ['ACCOUNT.DELETED']);
    const eventId = await trigger(s.api, 'ACCOUNT.DELETED');
    const crashed = crashingBeforeRecord(s.twin.context);
    let failures: string[] = [];
    const [event] = await queuedMessages(async (e) => {
      const answer = await sendQueueRecords(crashed, e);
      failures = answer.batchItemFailures.map((f) => f.itemIdentifier);
      // Keep the in-process queue from re-queuing it: the test redelivers it by hand.
      return { batchItemFailures: [] };
    });
    // The crash is reported for that message, so SQS would hand it over again.
    expect(failures).toEqual([event!.Records[0]!.messageId]);
    expect(r.received).toHaveLength(1);
    expect(await historyOf(hook.id, eventId)).toEqual([]);

    // The redelivery posts the unrecorded attempt again, with the same webhook-id, and records it.
    expect((await sendQueueRecords(s.twin.context, event!)).batchItemFailures).toEqual([]);
    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect(r.received[1]!.json.id).toBe(eventId);
    expect(await historyOf(hook.id, eventId)).toHaveLength(1);

    // Any later copy finds the attempt recorded.
    expect((await sendQueueRecords(s.twin.context, event!)).batchItemFailures).toEqual([]);
    expect(r.received).toHaveLength(2);
    expect(await historyOf(hook.id, eventId)).toHaveLength(1);
  });
});
