import type { OutboxEvent } from '../../events/model.js';
import { KEYS, timeOrdered } from './keys.js';
import { tableName } from './client.js';
import { toStoredItem } from './free-form-json.js';

/** Events stay readable (GET /v0/events) at least this long; DynamoDB's TTL removes them some time after. */
export const EVENT_RETENTION_DAYS = 35;

const expiryOf = (eventTime: string): number => Math.floor(Date.parse(eventTime) / 1000) + EVENT_RETENTION_DAYS * 24 * 60 * 60;

/** The Put that records an event; always part of the transaction that made the change. */
export const outboxPut = (event: OutboxEvent) => ({
  Put: {
    TableName: tableName(),
    // The resource, its changed fields and the device info carry client JSON (free-form-json.ts).
    Item: toStoredItem({
      ...KEYS.event(event.tenant, event.id),
      gsi1pk: KEYS.eventsIndex(event.tenant),
      gsi1sk: timeOrdered(event.event_time, event.id),
      entity: 'EVENT',
      ...event,
      expires_at: expiryOf(event.event_time),
    }),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
