import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Clock } from '../../functions/shared/clock.js';
import type { DeliveryMessage } from '../../functions/webhooks/model.js';
import type { DeliveryQueue } from '../../functions/webhooks/ports.js';

// The twin's delivery queue: SQS semantics that matter here, in process. A message becomes
// visible `delaySeconds` after it is sent, by the twin's clock (so a test or the sandbox clock
// moves retries forward without waiting); a message its consumer reports as failed becomes
// visible again after VISIBILITY_S, up to MAX_RECEIVES, then moves to the dead letters.

const VISIBILITY_S = 30;
const MAX_RECEIVES = 5;
const BATCH = 10;

interface Held {
  id: string;
  body: string;
  visibleAt: number;
  receives: number;
}

export type QueueConsumer = (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

export class InProcessQueue implements DeliveryQueue {
  private messages: Held[] = [];
  readonly deadLetters: Held[] = [];

  constructor(private readonly clock: Clock) {}

  async send(message: DeliveryMessage, delaySeconds: number): Promise<void> {
    this.messages.push({
      id: randomUUID(),
      body: JSON.stringify(message),
      visibleAt: this.clock.now().getTime() + delaySeconds * 1000,
      receives: 0,
    });
  }

  get depth(): number {
    return this.messages.length;
  }

  /** When the next message becomes visible, if any is waiting. */
  nextVisibleAt(): number | undefined {
    return this.messages.reduce<number | undefined>((min, m) => (min === undefined || m.visibleAt < min ? m.visibleAt : min), undefined);
  }

  /**
   * Hands every visible message to the consumer in batches of BATCH, `concurrency` batches at a
   * time, until none is visible; returns how many were handed over.
   */
  async drain(consume: QueueConsumer, concurrency = 16): Promise<number> {
    let handed = 0;
    for (;;) {
      const now = this.clock.now().getTime();
      const visible = this.messages.filter((m) => m.visibleAt <= now);
      if (visible.length === 0) return handed;
      this.messages = this.messages.filter((m) => m.visibleAt > now);
      const batches: Held[][] = [];
      for (let i = 0; i < visible.length; i += BATCH) batches.push(visible.slice(i, i + BATCH));
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          for (const m of batch) m.receives++;
          const { batchItemFailures } = await consume({ Records: batch.map(toRecord) });
          const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
          for (const m of batch.filter((b) => failed.has(b.id))) {
            if (m.receives >= MAX_RECEIVES) this.deadLetters.push(m);
            else this.messages.push({ ...m, visibleAt: this.clock.now().getTime() + VISIBILITY_S * 1000 });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
      handed += visible.length;
    }
  }
}

const toRecord = (m: Held): SQSRecord => ({
  messageId: m.id,
  receiptHandle: m.id,
  body: m.body,
  attributes: {
    ApproximateReceiveCount: String(m.receives),
    SentTimestamp: '0',
    SenderId: 'bankline-local',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bankline-local-webhook-deliveries',
  awsRegion: 'us-east-1',
});
