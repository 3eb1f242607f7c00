import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  ScheduledEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import type { TriggerKind } from '../../functions/functions.js';
import type { WorkflowTaskEvent } from '../../functions/workflows/task-event.js';

// The event each trigger kind of the function registry delivers, and the result the invoking
// service accepts back. Builders for each live beside this file (apigw-event.ts for http and
// authorizer).

export interface EventOfKind {
  http: APIGatewayProxyEvent;
  authorizer: APIGatewayRequestAuthorizerEvent;
  'workflow-task': WorkflowTaskEvent;
  'table-stream': DynamoDBStreamEvent;
  queue: SQSEvent;
  schedule: ScheduledEvent;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ResultOfKind {
  http: APIGatewayProxyResult;
  authorizer: APIGatewayAuthorizerResult;
  /** The state's output. */
  'workflow-task': JsonValue;
  /** Records to retry; an empty list (or no response) means the whole batch succeeded. */
  'table-stream': DynamoDBBatchResponse;
  queue: SQSBatchResponse;
  /** EventBridge ignores it. */
  schedule: JsonValue;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const firstRecordSource = (event: Record<string, unknown>): unknown =>
  Array.isArray(event.Records) ? record(event.Records[0])?.eventSource : undefined;

/** The kind an event's shape says it is, or undefined when the shape says nothing. */
export const triggerKindOf = (value: unknown): TriggerKind | undefined => {
  const event = record(value);
  if (!event) return undefined;
  if (event.type === 'REQUEST' && typeof event.methodArn === 'string') return 'authorizer';
  if (typeof event.httpMethod === 'string' && typeof event.resource === 'string') return 'http';
  if (firstRecordSource(event) === 'aws:dynamodb') return 'table-stream';
  if (firstRecordSource(event) === 'aws:sqs') return 'queue';
  if (event['detail-type'] === 'Scheduled Event' && event.source === 'aws.events') return 'schedule';
  const execution = record(event.execution);
  if ('input' in event && typeof execution?.Id === 'string' && execution.Id.startsWith('arn:aws:states:')) return 'workflow-task';
  return undefined;
};
