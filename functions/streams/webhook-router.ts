import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { deliveredEventOf } from '../adapters/dynamodb/event-log.js';
import { fromStoredItem } from '../adapters/dynamodb/free-form-json.js';
import type { OutboxEvent } from '../events/model.js';
import { checkedHandler } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import type { PipelineContext } from '../webhooks/context.js';
import { batchScoped } from '../webhooks/batch-cache.js';
import { routeEvent } from '../webhooks/routing.js';
import { pipelineContext } from '../wiring/webhook-pipeline.js';

// Table stream → one delivery per (outbox event, matching subscription), queued. Only INSERTs
// of outbox items count (a rolled-back transaction writes nothing, so it has no record). The
// first record that fails is reported with its sequence number, so Lambda retries from it
// (bisecting the batch) and, past its retries, sends it to the DLQ.

const isOutboxInsert = (record: DynamoDBStreamEvent['Records'][number]): boolean =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.entity?.S === 'EVENT';

/** Records routed at once: deliveries are unordered, and each record's work is idempotent. */
const PARALLEL = 10;

export const routeStreamRecords = async (pipeline: PipelineContext, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const ctx = batchScoped(pipeline);
  const records = event.Records.filter(isOutboxInsert);
  for (let i = 0; i < records.length; i += PARALLEL) {
    const chunk = records.slice(i, i + PARALLEL);
    const outcomes = await Promise.allSettled(
      chunk.map((record) => {
        const item = fromStoredItem(unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>)) as unknown as OutboxEvent;
        return routeEvent(ctx, item.tenant, deliveredEventOf(item));
      }),
    );
    // Lambda retries from the first failed record; the ones after it that did succeed are
    // routed again then, finding their deliveries already there.
    const failed = outcomes.findIndex((o) => o.status === 'rejected');
    if (failed >= 0) {
      const record = chunk[failed]!;
      logger.error('webhook routing failed', {
        sequence: record.dynamodb?.SequenceNumber,
        error: (outcomes[failed] as PromiseRejectedResult).reason,
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

export const handler = checkedHandler('webhook-router', (event: DynamoDBStreamEvent) => routeStreamRecords(pipelineContext(), event));
