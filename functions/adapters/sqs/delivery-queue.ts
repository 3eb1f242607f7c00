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
