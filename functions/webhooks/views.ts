import type { DeliveryRecord, WebhookRecord } from './model.js';

// What the API returns (contract §11.2, §11.4). The endpoint's health counters are internal.

export const webhookView = (w: WebhookRecord) => ({
  id: w.id,
  url: w.url,
  enabled_events: w.enabled_events,
  is_enabled: w.is_enabled,
  ...(w.description !== undefined ? { description: w.description } : {}),
  ...(w.metadata !== undefined ? { metadata: w.metadata } : {}),
  tenant: w.tenant,
  last_updated: w.last_updated,
});

export const eventView = (d: DeliveryRecord, url: string | undefined, metadata: string | undefined, withHistory: boolean) => ({
  id: d.event.id,
  type: d.event.type,
  event_time: d.event.event_time,
  webhook_id: d.webhook_id,
  ...(url !== undefined ? { url } : {}),
  metadata: metadata ?? '',
  ...(d.event.resource_id !== undefined ? { resource_id: d.event.resource_id } : {}),
  ...(d.event.event_resource !== undefined ? { event_resource: d.event.event_resource } : {}),
  ...(d.event.event_resource_changed_fields !== undefined ? { event_resource_changed_fields: d.event.event_resource_changed_fields } : {}),
  status: d.status,
  ...(withHistory ? { response_history: d.response_history } : {}),
});
