import type { EventType, OutboxEvent } from '../../events/model.js';
import type { Cursor, Page } from '../../shared/page.js';
import type { DeliveredEvent } from '../../webhooks/model.js';
import type { EventLog, EventWriter } from '../../webhooks/ports.js';
import { deliveryPut } from './delivery-store.js';
import { KEYS } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { transact } from './transact.js';

// The tenant's outbox read as an event log (GET /v0/events, a Bankline extension): one Query of
// the tenant's events index, newest first; type, resource and time filters applied as the index
// is read. Events carry client JSON as strings once delivered (§11.3), so they are re-encoded here.

const asJsonString = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

export const deliveredEventOf = (
  event: Pick<OutboxEvent, 'id' | 'type' | 'event_time' | 'resource_id' | 'event_resource' | 'event_resource_changed_fields'>,
): DeliveredEvent => {
  const resource = asJsonString(event.event_resource);
  const changed = asJsonString(event.event_resource_changed_fields);
  return {
    id: event.id,
    type: event.type,
    event_time: event.event_time,
    ...(event.resource_id ? { resource_id: event.resource_id } : {}),
    ...(resource !== undefined ? { event_resource: resource } : {}),
    ...(changed !== undefined ? { event_resource_changed_fields: changed } : {}),
  };
};

export const dynamoEventLog: EventLog = {
  async list(tenant, { limit, cursor, types, resourceIds, startTime, endTime }): Promise<Page<DeliveredEvent>> {
    const match = (e: OutboxEvent) =>
      (types === undefined || types.includes(e.type)) &&
      (resourceIds === undefined || resourceIds.includes(e.resource_id)) &&
      (startTime === undefined || e.event_time >= startTime) &&
      (endTime === undefined || e.event_time <= endTime);
    const page = await queryPage<OutboxEvent>({
      index: 'gsi1',
      partitionValue: KEYS.eventsIndex(tenant),
      limit,
      ascending: false,
      ...(types || resourceIds || startTime || endTime ? { match } : {}),
      ...(cursor ? { cursor: cursor as Cursor } : {}),
    });
    return { items: page.items.map(deliveredEventOf), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

export const dynamoEventWriter = (audit: OutboxEvent['audit']): EventWriter => ({
  async write(event, deliveries) {
    await transact('webhook test event', [
      ...deliveries.map((d) => ({ Put: deliveryPut(d) })),
      outboxPut({
        id: event.id,
        type: event.type as EventType,
        tenant: event.tenant,
        resource_id: event.resource_id ?? event.id,
        event_time: event.event_time,
        event_resource: event.event_resource ? JSON.parse(event.event_resource) : {},
        audit,
      }),
    ]);
  },
});
