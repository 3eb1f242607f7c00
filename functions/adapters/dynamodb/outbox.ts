import type { OutboxEvent } from '../../events/model.js';
import { KEYS, timeOrdered } from './keys.js';
import { tableName } from './client.js';

/** The Put that records an event; always part of the transaction that made the change. */
export const outboxPut = (event: OutboxEvent) => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...KEYS.event(event.tenant, event.id),
      gsi1pk: KEYS.eventsIndex(event.tenant),
      gsi1sk: timeOrdered(event.event_time, event.id),
      entity: 'EVENT',
      ...event,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
