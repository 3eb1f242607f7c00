import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type ExecutionStart, executionStarterFor } from '../adapters/sfn/execution-starter.js';
import { checkedHandler, readVariable } from '../shared/config.js';
import { logger } from '../shared/logger.js';

// Table stream → one closure execution per start request. The initiate transaction writes the
// request (entity WORKFLOW_START, kind START) with the account's status change, so only a
// committed closure starts, and exactly once: the execution is named after the account and its
// input is the ids alone, so a redelivered record is ExecutionAlreadyExists, a success here.
// WAKE requests (a PATCH while the closure waits for a destination) matter only to the twin,
// whose runner re-checks at once; in AWS the waiting execution's own poll finds the change.

export interface WorkflowStartRecord {
  kind: 'START' | 'WAKE';
  workflow: 'closure';
  tenant: string;
  account_id: string;
  closure_id: string;
  execution_name: string;
}

type StreamRecord = DynamoDBStreamEvent['Records'][number];

const isStartRequest = (record: StreamRecord): boolean =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.entity?.S === 'WORKFLOW_START';

export const startRequestsOf = (event: DynamoDBStreamEvent): { record: StreamRecord; request: WorkflowStartRecord }[] =>
  event.Records.filter(isStartRequest).map((record) => ({
    record,
    request: unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as WorkflowStartRecord,
  }));

export const closureInputOf = (r: WorkflowStartRecord) => ({ tenant: r.tenant, account_id: r.account_id, closure_id: r.closure_id });

/** Starts what the batch asks for, in order; the first failure is reported so Lambda retries from it. */
export const startWorkflows = async (start: ExecutionStart, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const { record, request } of startRequestsOf(event)) {
    if (request.kind !== 'START') continue;
    try {
      const outcome = await start(request.execution_name, closureInputOf(request));
      logger.info('closure workflow start', { execution: request.execution_name, outcome });
    } catch (error) {
      logger.error('closure workflow start failed', { execution: request.execution_name, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

let starter: ExecutionStart | undefined;

export const handler = checkedHandler('workflow-starter', (event: DynamoDBStreamEvent) =>
  startWorkflows((starter ??= executionStarterFor(readVariable('CLOSURE_STATE_MACHINE_ARN'))), event),
);
