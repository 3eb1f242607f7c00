import type { Cursor, Page } from '../shared/page.js';
import type { AttemptRecord, DeliveredEvent, DeliveryMessage, DeliveryRecord, SecretSet, WebhookRecord } from './model.js';

export interface WebhookStore {
  put(webhook: WebhookRecord): Promise<void>;
  get(tenant: string, id: string): Promise<WebhookRecord | undefined>;
  /** Strongly consistent, every subscription of the tenant (a tenant has few). */
  all(tenant: string): Promise<WebhookRecord[]>;
  list(tenant: string, criteria: { enabledOnly: boolean; limit: number; cursor?: Cursor }): Promise<Page<WebhookRecord>>;
  remove(tenant: string, id: string): Promise<boolean>;
  /** Adds a success or failure to the endpoint's run of failures; returns the run after it. */
  recordOutcome(tenant: string, id: string, success: boolean): Promise<number>;
  setPause(tenant: string, id: string, until: string): Promise<void>;
  disable(tenant: string, id: string, now: string): Promise<void>;
}

export interface SecretStore {
  get(tenant: string): Promise<SecretSet | undefined>;
  /** `expectedCurrent`: the current value read before, so two concurrent rolls cannot both win. */
  put(set: SecretSet, expectedCurrent: string | undefined): Promise<void>;
  remove(tenant: string): Promise<void>;
}

export interface DeliveryListCriteria {
  limit: number;
  cursor?: Cursor;
  startTime?: string;
  endTime?: string;
  resourceIds?: string[];
}

export interface DeliveryStore {
  /**
   * Creates it unless it exists (deterministic key); returns the stored one either way. `dueAt`:
   * the due index key in real time, when it differs from next_attempt_at (tenant-time.ts).
   */
  create(delivery: DeliveryRecord, dueAt?: string): Promise<{ created: boolean; delivery: DeliveryRecord }>;
  get(tenant: string, webhookId: string, eventId: string): Promise<DeliveryRecord | undefined>;
  list(tenant: string, webhookId: string, criteria: DeliveryListCriteria): Promise<Page<DeliveryRecord>>;
  /**
   * Records attempt `attempt` (1-based) only if the delivery is still as `read` (exactly
   * `attempt - 1` attempts, not restarted since): a redelivered message can never record the same
   * attempt twice. False when it was recorded (or the delivery changed) meanwhile.
   */
  recordAttempt(
    read: DeliveryRecord,
    attempt: number,
    change: {
      status: DeliveryRecord['status'];
      history: AttemptRecord[];
      chainAttempts: number;
      nextAttemptAt?: string;
      /** The due index key in real time, when it differs from nextAttemptAt (a tenant's time). */
      dueAt?: string;
      dueIndexed: boolean;
      now: string;
    },
  ): Promise<boolean>;
  /** A new attempt chain (resend): RUNNING, next attempt at `at`, due-indexed. */
  restart(tenant: string, webhookId: string, eventId: string, at: string, now: string, dueAt?: string): Promise<DeliveryRecord | undefined>;
  /** Deliveries whose due-indexed next attempt is at or before `now` (real time), oldest first. */
  due(now: string, limit: number): Promise<DeliveryRecord[]>;
  /** The tenant's due-indexed deliveries keyed at or before `upto` (real time), oldest first per shard. */
  dueOf(tenant: string, upto: string, limit: number): Promise<DeliveryRecord[]>;
  /** Takes a delivery off the due index once its attempt is queued, only if it is still due for `attempt`. */
  undue(delivery: DeliveryRecord): Promise<boolean>;
}

export interface DeliveryQueue {
  send(message: DeliveryMessage, delaySeconds: number): Promise<void>;
}

export interface TransportResult {
  code: number;
  body: string;
}

/** POSTs a signed delivery; refuses forbidden addresses itself (it alone sees the resolved address). */
export interface EndpointTransport {
  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<TransportResult>;
}

export interface EventWriter {
  /**
   * Writes a test event to the outbox (`/webhooks/trigger`) and, in the same transaction, its
   * deliveries, so they can be read at once; the router finds them there at 0 attempts and
   * queues their first attempt as for any event.
   */
  write(event: DeliveredEvent & { tenant: string }, deliveries: DeliveryRecord[]): Promise<void>;
}

export interface EventLogCriteria {
  limit: number;
  cursor?: Cursor;
  types?: string[];
  resourceIds?: string[];
  startTime?: string;
  endTime?: string;
}

/** The tenant's outbox as integrators read it (GET /v0/events). */
export interface EventLog {
  list(tenant: string, criteria: EventLogCriteria): Promise<Page<DeliveredEvent>>;
}

/**
 * Each tenant's time: real time plus the tenant's sandbox clock offset (0 outside sandbox stages).
 * Declared here so the pipeline reads the clock without depending on the domain that keeps it.
 */
export interface TenantClocks {
  /** Sandbox stages: clocks can jump ahead, so every retry waits in the due index, where an advance finds it. */
  movable: boolean;
  offsetMs(tenant: string): Promise<number>;
}
