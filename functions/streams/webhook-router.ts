import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { deliveredEventOf } from '../adapters/dynamodb/event-log.js';
import { fromStoredItem } from '../adapters/dynamodb/free-form-json.js';
import type { OutboxEvent } from '../events/model.js';
import { checkedHandler } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import type { PipelineContext } from '../webhooks/context.js';
import { routeEvent } from '../webhooks/routing.js';
import { pipelineContext } from '../wiring/webhook-pipeline.js';

// Table stream → one delivery per (outbox event, matching subscription), queued. Only INSERTs
// of outbox items count (a rolled-back transaction writes nothing, so it has no record). The
// records are handled in order; the first one that fails is reported with its sequence number,
// so Lambda retries from it (bisecting the batch) and, past its retries, sends it to the DLQ.

const isOutboxInsert = (record: DynamoDBStreamEvent['Records'][number]): boolean =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.entity?.S === 'EVENT';

export const routeStreamRecords = async (ctx: PipelineContext, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    if (!isOutboxInsert(record)) continue;
    try {
      const item = fromStoredItem(unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>)) as unknown as OutboxEvent;
      await routeEvent(ctx, item.tenant, deliveredEventOf(item));
    } catch (error) {
      logger.error('webhook routing failed', { sequence: record.dynamodb?.SequenceNumber, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

export const handler = checkedHandler('webhook-router', (event: DynamoDBStreamEvent) => routeStreamRecords(pipelineContext(), event));
