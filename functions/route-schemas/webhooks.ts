// The webhook and event log routes' entries of the route schema registry (functions/route-schemas.ts).
import { eventLogQuery } from '../http/webhooks/event-log-operations.js';
import { resendQuery, revokeSecretQuery, webhookEventsQuery, webhookListQuery } from '../http/webhooks/webhook-operations.js';
import { emptySchema } from '../shared/schemas/responses.js';
import * as w from '../webhooks/response-schemas.js';
import * as webhookRequests from '../webhooks/schemas.js';
import type { RouteSchemas } from './entry.js';

export const WEBHOOK_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Webhooks (contract §11), identical under /v2, and the event log (a Bankline extension).
  createWebhookSecret: { responses: { 201: w.webhookSecretResponseSchema } },
  rollWebhookSecret: { body: webhookRequests.rollSecretSchema, responses: { 200: w.webhookSecretResponseSchema } },
  revokeWebhookSecret: { query: revokeSecretQuery, responses: { 200: emptySchema } },
  createWebhook: { body: webhookRequests.webhookSchema, responses: { 201: w.webhookResponseSchema } },
  listWebhooks: { query: webhookListQuery, responses: { 200: w.webhookListSchema } },
  triggerWebhookEvent: { body: webhookRequests.triggerSchema, responses: { 200: w.triggeredEventResponseSchema } },
  getWebhook: { responses: { 200: w.webhookResponseSchema } },
  replaceWebhook: { body: webhookRequests.webhookSchema, responses: { 200: w.webhookResponseSchema } },
  deleteWebhook: { responses: { 200: w.webhookDeletedSchema } },
  listWebhookEvents: { query: webhookEventsQuery, responses: { 200: w.webhookEventListSchema } },
  getWebhookEvent: { responses: { 200: w.webhookEventResponseSchema } },
  resendWebhookEvent: { query: resendQuery, responses: { 200: w.webhookEventResponseSchema } },
  listEvents: { query: eventLogQuery, responses: { 200: w.eventLogListSchema }, extension: true },
};
