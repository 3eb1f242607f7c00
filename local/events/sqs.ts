import { createHash } from 'node:crypto';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { arn, LOCAL_ACCOUNT_ID, LOCAL_REGION, uuidFor } from './aws-ids.js';

// The batch a queue consumer receives from SQS. A body that is not a string is sent as JSON,
// as the senders do.

export interface QueueMessage {
  readonly body: unknown;
  /** String message attributes. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** FIFO queues only. */
  readonly groupId?: string;
  /** 1 on first delivery; higher after visibility timeouts, until the redrive to the DLQ. */
  readonly receiveCount?: number;
}

export interface QueueEventOptions {
  readonly now?: Date;
  /** Stable ids for generated samples. */
  readonly seed?: string;
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const messageAttributes = (attributes: Readonly<Record<string, string>> = {}): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      { stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' },
    ]),
  );

export const sqsEvent = (queueName: string, messages: readonly QueueMessage[], options: QueueEventOptions = {}): SQSEvent => {
  const sent = String((options.now ?? new Date()).getTime());
  const Records = messages.map((message, i): SQSRecord => {
    const messageId = uuidFor(options.seed === undefined ? undefined : `${options.seed}#${i}`);
    const body = typeof message.body === 'string' ? message.body : JSON.stringify(message.body);
    return {
      messageId,
      receiptHandle: Buffer.from(`${queueName}:${messageId}:${sent}`).toString('base64'),
      body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount ?? 1),
        SentTimestamp: sent,
        SenderId: LOCAL_ACCOUNT_ID,
        ApproximateFirstReceiveTimestamp: sent,
        ...(message.groupId ? { MessageGroupId: message.groupId } : {}),
      },
      messageAttributes: messageAttributes(message.attributes),
      md5OfBody: md5(body),
      eventSource: 'aws:sqs',
      eventSourceARN: arn('sqs', queueName),
      awsRegion: LOCAL_REGION,
    };
  });
  return { Records };
};

/** The queue a record came from, by name: `arn:aws:sqs:<region>:<account>:<name>`. */
export const queueNameOf = (eventSourceArn: string): string => eventSourceArn.split(':').at(-1) ?? '';

/** What a consumer names in `batchItemFailures`: the message id. */
export const queueItemIdentifiers = (event: SQSEvent): string[] => event.Records.map((record) => record.messageId);
