import type { AuditContext } from '../shared/audit.js';
import { canonicalJson } from '../shared/canonical-json.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';

export type EventType =
  | 'CUSTOMER.CREATED'
  | 'CUSTOMER.UPDATED'
  | 'CUSTOMER.KYC_OUTCOME.UPDATED'
  | 'PERSON.CREATED'
  | 'PERSON.UPDATED'
  | 'PERSON.VERIFICATION_OUTCOME.UPDATED'
  | 'BUSINESS.CREATED'
  | 'BUSINESS.UPDATED'
  | 'BUSINESS.VERIFICATION_OUTCOME.UPDATED'
  | 'ACCOUNT.CREATED'
  | 'ACCOUNT.UPDATED'
  // Not in Synctera's webhook catalog: Bankline records template and product changes in the
  // outbox for the audit log (every state change writes an event); subscribers may ignore them.
  | 'ACCOUNT_TEMPLATE.CREATED'
  | 'ACCOUNT_TEMPLATE.UPDATED'
  | 'ACCOUNT_TEMPLATE.DELETED'
  | 'ACCOUNT_PRODUCT.CREATED'
  | 'ACCOUNT_PRODUCT.UPDATED'
  // Migration mappings (contract §10.6 names them; not in Synctera's published catalog). Written
  // for the new tenant and, as a copy, for the old tenant: both sides' integrators automate on them.
  | 'RESOURCE_MAPPING.CREATED'
  | 'RESOURCE_MAPPING.UPDATED'
  | 'RESOURCE_MAPPING.DELETED'
  // The ledger (issue 9).
  | 'TRANSACTION.PENDING.CREATED'
  | 'TRANSACTION.PENDING.UPDATED'
  | 'TRANSACTION.POSTED.CREATED'
  | 'INTERNAL_TRANSFER.SUCCEEDED'
  | 'INTEREST.MONTHLY_PAYOUT'
  | 'INTERNAL_ACCOUNT.CREATED'
  | 'INTERNAL_ACCOUNT.UPDATED'
  | 'STATEMENT.CREATED'
  // Sandbox disputes and payment schedules (ledger, round 3): DISPUTE.* follows Synctera's v1
  // wildcard; PAYMENT_SCHEDULE.* is in its v0 catalog.
  | 'DISPUTE.CREATED'
  | 'DISPUTE.UPDATED'
  | 'PAYMENT_SCHEDULE.CREATED'
  | 'PAYMENT_SCHEDULE.UPDATED'
  | 'PAYMENT_SCHEDULE.PAYMENT.CREATED'
  // External accounts (contract §9.9: not in Synctera's catalog; named by its convention).
  | 'EXTERNAL_ACCOUNT.CREATED'
  | 'EXTERNAL_ACCOUNT.UPDATED'
  | 'EXTERNAL_ACCOUNT.DELETED';

/**
 * An outbox item, written in the same transaction as the change it describes. The webhook
 * dispatcher and the audit log read these from the table's stream; nothing here is sent inline.
 */
export interface OutboxEvent {
  id: string;
  type: EventType;
  tenant: string;
  resource_id: string;
  event_time: string;
  /** The resource as the API returns it after the change. */
  event_resource: unknown;
  /** Only the changed fields, with their values before the change (Synctera's convention). */
  event_resource_changed_fields?: Record<string, unknown>;
  /** The write-only `note` sent with the change (accounts: required around SUSPENDED), kept for audit. */
  note?: string;
  audit: AuditContext;
}

export const newEvent = (clock: Clock, input: Omit<OutboxEvent, 'id' | 'event_time'>): OutboxEvent => ({
  id: newId(),
  event_time: clock.now().toISOString(),
  ...input,
});

/** Fields whose value differs between two views, keyed with the old value. */
export const changedFields = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = [],
): Record<string, unknown> => {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key)) continue;
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) changed[key] = before[key] ?? null;
  }
  return changed;
};
