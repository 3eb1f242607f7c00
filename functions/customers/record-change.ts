import { changedFields, newEvent, type EventType, type OutboxEvent } from '../events/model.js';
import type { CustomersContext } from './context.js';

// The two halves of every read-modify-write of a person or business.

/**
 * Nothing worth writing: no new version, no event. Judged on the stored record, not the view,
 * so a change the view cannot show (a new SSN with the same last four) still counts.
 */
export const isUnchanged = (current: object, next: object): boolean =>
  Object.keys(changedFields({ ...current }, { ...next }, ['last_updated_time', 'version'])).length === 0;

/** The `*.UPDATED` outbox event: the resource after, and the changed fields' old values. */
export const updatedEvent = (
  ctx: CustomersContext,
  type: EventType,
  id: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): OutboxEvent =>
  newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: id,
    event_resource: after,
    event_resource_changed_fields: changedFields(before, after, ['last_updated_time']),
    audit: ctx.audit,
  });
