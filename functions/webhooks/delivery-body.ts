import type { AttemptRecord, DeliveredEvent, WebhookRecord } from './model.js';

// The request body an endpoint receives (contract §11.3): `event_resource` and
// `event_resource_changed_fields` are JSON strings. Serialised once per attempt; the signature
// covers exactly these bytes.

export const deliveryBody = (event: DeliveredEvent, webhook: Pick<WebhookRecord, 'id' | 'url' | 'metadata'>): string =>
  JSON.stringify({
    id: event.id,
    type: event.type,
    event_time: event.event_time,
    webhook_id: webhook.id,
    url: webhook.url,
    metadata: webhook.metadata ?? '',
    ...(event.resource_id !== undefined ? { resource_id: event.resource_id } : {}),
    ...(event.event_resource !== undefined ? { event_resource: event.event_resource } : {}),
    ...(event.event_resource_changed_fields !== undefined ? { event_resource_changed_fields: event.event_resource_changed_fields } : {}),
  });

export const MAX_RESPONSE_BODY = 1024;
/** response_history keeps the latest attempts only, so a delivery item stays far below 400 KB. */
export const MAX_HISTORY = 50;

export const trimmedBody = (body: string): string => (body.length > MAX_RESPONSE_BODY ? body.slice(0, MAX_RESPONSE_BODY) : body);

export const isSuccess = (code: number): boolean => code >= 200 && code < 300;

export const withAttempt = (history: readonly AttemptRecord[], attempt: AttemptRecord): AttemptRecord[] =>
  [...history, { ...attempt, response_body: trimmedBody(attempt.response_body) }].slice(-MAX_HISTORY);
