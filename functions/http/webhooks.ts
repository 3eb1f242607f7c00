import { createDomainHandler } from './create-domain-handler.js';
import { eventLogOperations } from './webhooks/event-log-operations.js';
import { webhookOperations as op } from './webhooks/webhook-operations.js';

// Webhooks domain Lambda: secrets, subscriptions, their events, and the tenant's event log.
export const handler = createDomainHandler('webhooks', {
  createWebhookSecret: op.createSecret,
  rollWebhookSecret: op.rollSecret,
  revokeWebhookSecret: op.revokeSecret,
  createWebhook: op.create,
  listWebhooks: op.list,
  getWebhook: op.get,
  replaceWebhook: op.replace,
  deleteWebhook: op.remove,
  listWebhookEvents: op.listEvents,
  getWebhookEvent: op.getEvent,
  resendWebhookEvent: op.resend,
  triggerWebhookEvent: op.trigger,
  createWebhookSecretV2: op.createSecret,
  rollWebhookSecretV2: op.rollSecret,
  revokeWebhookSecretV2: op.revokeSecret,
  createWebhookV2: op.create,
  listWebhooksV2: op.list,
  getWebhookV2: op.get,
  replaceWebhookV2: op.replace,
  deleteWebhookV2: op.remove,
  listWebhookEventsV2: op.listEvents,
  getWebhookEventV2: op.getEvent,
  resendWebhookEventV2: op.resend,
  triggerWebhookEventV2: op.trigger,
  listEvents: eventLogOperations.list,
});
