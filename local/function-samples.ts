import type { APIGatewayProxyEvent } from 'aws-lambda';
import { toAuthorizerEvent } from './apigw-event.js';
import { scheduledEvent } from './events/scheduled.js';

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
};
