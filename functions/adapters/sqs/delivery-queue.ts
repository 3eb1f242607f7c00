import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '../../webhooks/ports.js';

// The webhook delivery queue (standard SQS): one message per attempt to make, delayed up to
// SQS's 15 minutes (longer waits go through the due-time index and the sweeper).

let client: SQSClient | undefined;

export const sqsDeliveryQueue = (queueUrl: string, region: string): DeliveryQueue => ({
  async send(message, delaySeconds) {
    client ??= new SQSClient({ region });
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(message),
        DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))),
      }),
    );
  },
});

/** The twin's queue URL: no SQS; messages go to the queue the twin bound in this process. */
export const LOCAL_DELIVERY_QUEUE_URL = 'local:webhook-deliveries';

let localQueue: DeliveryQueue | undefined;
const heldLocally: unknown[] = [];

/** The twin binds its in-process queue here, so the functions it loads send to it. */
export const bindLocalDeliveryQueue = (queue: DeliveryQueue | undefined): void => {
  localQueue = queue;
};

/** SQS in AWS; in the twin the bound in-process queue (a replay with none keeps the messages in memory). */
export const deliveryQueueFor = (queueUrl: string, region: string): DeliveryQueue =>
  queueUrl.startsWith('local:')
    ? {
        send: async (message, delaySeconds) => {
          if (localQueue) await localQueue.send(message, delaySeconds);
          else heldLocally.push(message);
        },
      }
    : sqsDeliveryQueue(queueUrl, region);
