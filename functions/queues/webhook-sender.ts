import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { checkedHandler } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import type { PipelineContext } from '../webhooks/context.js';
import type { DeliveryMessage } from '../webhooks/model.js';
import { batchScoped } from '../webhooks/batch-cache.js';
import { sendDelivery } from '../webhooks/sending.js';
import { pipelineContext } from '../wiring/webhook-pipeline.js';

// Delivery queue → one attempt per message, recorded once (conditional on the attempt number).
// A receiver's failure is not the sender's: it is recorded and rescheduled, and the message
// succeeds. Only the sender's own failures (the table unreachable) are reported, so SQS retries
// those messages and, past maxReceiveCount, moves them to the queue's DLQ.

const messageOf = (body: string): DeliveryMessage => {
  const m = JSON.parse(body) as DeliveryMessage;
  if (typeof m.tenant !== 'string' || typeof m.webhook_id !== 'string' || typeof m.event_id !== 'string' || !Number.isInteger(m.attempt))
    throw new Error('not a delivery message');
  return m;
};

export const sendQueueRecords = async (pipeline: PipelineContext, event: SQSEvent): Promise<SQSBatchResponse> => {
  const ctx = batchScoped(pipeline);
  const results = await Promise.all(
    event.Records.map(async (record) => {
      try {
        await sendDelivery(ctx, messageOf(record.body));
        return undefined;
      } catch (error) {
        logger.error('webhook delivery failed', { messageId: record.messageId, error });
        return { itemIdentifier: record.messageId };
      }
    }),
  );
  return { batchItemFailures: results.filter((r): r is { itemIdentifier: string } => r !== undefined) };
};

export const handler = checkedHandler('webhook-sender', (event: SQSEvent) => sendQueueRecords(pipelineContext(), event));
