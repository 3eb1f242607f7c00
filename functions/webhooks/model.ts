// Records of the webhooks domain (contract §11): subscriptions, the tenant's signing secret and
// one delivery per (event, subscription) with its attempts.

export interface WebhookRecord {
  id: string;
  tenant: string;
  url: string;
  enabled_events: string[];
  is_enabled: boolean;
  description?: string;
  metadata?: string;
  last_updated: string;
  creation_time: string;
  /** Failed attempts in a row across this endpoint's deliveries (pause-rule.ts); reset by a success. */
  consecutive_failures?: number;
  /** While set and in the future, new deliveries wait until then (pause-rule.ts). */
  paused_until?: string;
}

export interface SecretVersion {
  value: string;
  created_at: string;
  /** Set on the old secret while rolling: it signs and verifies until then. */
  expires_at?: string;
}

/** The tenant's signing secrets: the current one and, for 24 h after a roll, the previous one. */
export interface SecretSet {
  tenant: string;
  current?: SecretVersion;
  previous?: SecretVersion;
}

export const DELIVERY_STATUSES = ['RUNNING', 'RETRYING', 'SUCCESS', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface AttemptRecord {
  /** HTTP status, or 0 when no answer came (timeout, refused address, connection error). */
  code: number;
  response_body: string;
  sent_time: string;
  response_time: string;
}

/** An outbox event as a delivery carries it: client JSON already encoded to strings (§11.3). */
export interface DeliveredEvent {
  id: string;
  type: string;
  event_time: string;
  resource_id?: string;
  event_resource?: string;
  event_resource_changed_fields?: string;
}

export interface DeliveryRecord {
  tenant: string;
  webhook_id: string;
  event: DeliveredEvent;
  status: DeliveryStatus;
  /** Attempts made so far, over every chain (resends continue the count). */
  attempt_count: number;
  /** Attempts of the current chain (the first delivery or the latest resend): drives the backoff. */
  chain_attempts: number;
  next_attempt_at?: string;
  response_history: AttemptRecord[];
  last_updated: string;
}

/** What the queue carries: which delivery, and which attempt number to make. */
export interface DeliveryMessage {
  tenant: string;
  webhook_id: string;
  event_id: string;
  attempt: number;
}

/** Deterministic: a redelivered stream batch finds the same delivery instead of adding one. */
export const deliveryIdOf = (webhookId: string, eventId: string): string => `${webhookId}:${eventId}`;
