import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { dateTime, listOf } from '../shared/schemas/responses.js';
import { DELIVERY_STATUSES } from './model.js';

// The shapes the webhooks domain answers with (views.ts and the secret use-cases), strict.

export const webhookResponseSchema = z.strictObject({
  id: uuid,
  url: z.string(),
  enabled_events: z.array(z.string()),
  is_enabled: z.boolean(),
  description: z.optional(z.string()),
  metadata: z.optional(z.string()),
  tenant: z.string(),
  last_updated: dateTime,
});

export const webhookDeletedSchema = z.strictObject({ id: uuid, resource: z.literal('webhook') });
export const webhookListSchema = listOf('webhooks', webhookResponseSchema);

/** The signing secret: shown when it is created or rolled, never again. */
export const webhookSecretResponseSchema = z.strictObject({ secret: z.string(), deleted_at: z.optional(dateTime) });

const attempt = z.strictObject({ code: z.int(), response_body: z.string(), sent_time: dateTime, response_time: dateTime });

export const webhookEventResponseSchema = z.strictObject({
  id: uuid,
  type: z.string(),
  event_time: dateTime,
  webhook_id: uuid,
  url: z.optional(z.string()),
  metadata: z.string(),
  resource_id: z.optional(z.string()),
  event_resource: z.optional(z.string()),
  event_resource_changed_fields: z.optional(z.string()),
  status: z.enum(DELIVERY_STATUSES),
  response_history: z.optional(z.array(attempt)),
});

export const webhookEventListSchema = listOf('event_list', webhookEventResponseSchema);

export const triggeredEventResponseSchema = z.strictObject({ id: uuid, type: z.string(), event_time: dateTime });

/** GET /v0/events (a Bankline extension): the tenant's outbox as integrators read it. */
export const loggedEventSchema = z.strictObject({
  id: uuid,
  type: z.string(),
  event_time: dateTime,
  resource_id: z.optional(z.string()),
  event_resource: z.optional(z.string()),
  event_resource_changed_fields: z.optional(z.string()),
});
export const eventLogListSchema = listOf('events', loggedEventSchema);
