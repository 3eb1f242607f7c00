import type { APIGatewayProxyEvent } from 'aws-lambda';
import { toAuthorizerEvent } from './apigw-event.js';
import { dynamodbStreamEvent } from './events/dynamodb-stream.js';
import { scheduledEvent } from './events/scheduled.js';
import { sqsEvent } from './events/sqs.js';
import { workflowTaskEvent } from './events/workflow-task.js';

// A closure the replay creates first (local/placeholders.ts): the task runs on a real one.
const CLOSURE_SAMPLE_INPUT = { tenant: '{{tenant:old bank}}', account_id: '{{account_id}}', closure_id: '{{closure_id}}' };
const CLOSURE_SAMPLE_NAME = 'close-{{account_id}}';

// The sample event of each registry function that is not an HTTP domain (those get one event
// per route, from sample-requests.ts). Keyed by function name; the events generator writes each
// to events/<function>/<kind file>.json with a marker naming the function, and a test fails
// when a registry entry has none. Build events with the builders of local/events/ (streams,
// queues, schedules, workflow tasks) and pass `seed` and `now` so the file is stable:
//
//   'closure-starter': ({ now, seed }) =>
//     dynamodbStreamEvent([{ eventName: 'INSERT', newImage: { pk: ..., sk: ..., ... } }], { now, seed }),

export interface SampleContext {
  /** The proxy event of an operation's sample request (route table + sample-requests.ts). */
  readonly proxyEvent: (operation: string) => APIGatewayProxyEvent;
  /** Pinned, so regenerating writes identical files. */
  readonly now: Date;
  /** Seed for the builders' ids: the function's name. */
  readonly seed: string;
}

export const FUNCTION_SAMPLES: Readonly<Record<string, (context: SampleContext) => unknown>> = {
  // What API Gateway sends the authorizer for `GET /v0/customers` with the sample tenant's key.
  authorizer: ({ proxyEvent }) => toAuthorizerEvent(proxyEvent('listCustomers')),
  'ledger-due-work': ({ now, seed }) => scheduledEvent('bankline-local-ledger-due-work', { now, seed }),

  // Webhooks: an outbox INSERT as the table stream carries it (client JSON stored as strings), a
  // delivery message, and the sweeper's minute.
  'webhook-router': ({ now, seed }) =>
    dynamodbStreamEvent(
      [
        {
          eventName: 'INSERT',
          newImage: {
            pk: 'TENANT#00000000-0000-4000-8000-000000000001#EVENT#00000000-0000-4000-8000-0000000000e1',
            sk: 'EVENT',
            gsi1pk: 'TENANT#00000000-0000-4000-8000-000000000001#EVENTS',
            gsi1sk: `${now.toISOString()}#00000000-0000-4000-8000-0000000000e1`,
            entity: 'EVENT',
            id: '00000000-0000-4000-8000-0000000000e1',
            type: 'ACCOUNT.UPDATED',
            tenant: '00000000-0000-4000-8000-000000000001',
            resource_id: '00000000-0000-4000-8000-0000000000a1',
            event_time: now.toISOString(),
            event_resource: JSON.stringify({ id: '00000000-0000-4000-8000-0000000000a1', status: 'ACTIVE' }),
            event_resource_changed_fields: JSON.stringify({ status: 'INACTIVE' }),
            audit: {
              request_id: 'sample',
              api_key_id: 'sample',
              method: 'PATCH',
              path: '/v0/accounts/00000000-0000-4000-8000-0000000000a1',
            },
            expires_at: Math.floor(now.getTime() / 1000) + 35 * 86400,
          },
        },
      ],
      { now, seed },
    ),
  'webhook-sender': ({ now, seed }) =>
    sqsEvent(
      'webhook-deliveries',
      [
        {
          body: {
            tenant: '00000000-0000-4000-8000-000000000001',
            webhook_id: '00000000-0000-4000-8000-0000000000b1',
            event_id: '00000000-0000-4000-8000-0000000000e1',
            attempt: 1,
          },
        },
      ],
      { now, seed },
    ),
  'webhook-sweeper': ({ now, seed }) => scheduledEvent('webhook-sweeper', { now, seed }),

  // Account closure: one task of the state machine (its payload adds the constant `step`), and
  // the start request the initiate transaction writes, as the table stream carries it.
  'closure-steps': ({ now, seed }) => ({
    step: 'CheckBlockers',
    ...workflowTaskEvent(CLOSURE_SAMPLE_INPUT, {
      stateMachine: 'closure',
      state: 'CheckBlockers',
      executionName: CLOSURE_SAMPLE_NAME,
      now,
      seed,
    }),
  }),
  'workflow-starter': ({ now, seed }) =>
    dynamodbStreamEvent(
      [
        {
          eventName: 'INSERT',
          newImage: {
            pk: `TENANT#${CLOSURE_SAMPLE_INPUT.tenant}#WORKFLOW_START`,
            sk: `${CLOSURE_SAMPLE_INPUT.closure_id}#000001`,
            entity: 'WORKFLOW_START',
            kind: 'START',
            workflow: 'closure',
            ...CLOSURE_SAMPLE_INPUT,
            execution_name: CLOSURE_SAMPLE_NAME,
            requested_at: now.toISOString(),
          },
        },
      ],
      { now, seed },
    ),
};
