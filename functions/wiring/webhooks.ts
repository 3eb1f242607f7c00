import { dynamoDeliveryStore } from '../adapters/dynamodb/delivery-store.js';
import { dynamoEventLog, dynamoEventWriter } from '../adapters/dynamodb/event-log.js';
import { dynamoSecretStore } from '../adapters/dynamodb/webhook-secret-store.js';
import { dynamoWebhookStore } from '../adapters/dynamodb/webhook-store.js';
import { config } from '../shared/config.js';
import type { UseCaseScope } from '../shared/scope.js';
import type { WebhooksContext } from '../webhooks/context.js';
import type { UrlMode } from '../webhooks/url-rules.js';
import { tenantClocks } from './tenant-clocks.js';

// The webhooks domain's ports bound to their adapters, for the API's use-cases. The delivery
// pipeline's context (queue, transport) is wired by each pipeline function (wiring/webhook-pipeline.ts).

/** The twin (stage `local`) also accepts http://localhost subscribers; AWS stages take https only. */
export const urlModeOf = (stage: string): UrlMode => (stage === 'local' ? 'twin' : 'aws');

export const webhooksContext = ({ tenantId, audit, clock }: UseCaseScope): WebhooksContext => ({
  tenantId,
  audit,
  clock,
  tenantClocks: tenantClocks(),
  urlMode: urlModeOf(config().stage),
  webhooks: dynamoWebhookStore,
  secrets: dynamoSecretStore,
  deliveries: dynamoDeliveryStore,
  events: dynamoEventWriter(audit),
  eventLog: dynamoEventLog,
});
