import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type {
  DeliveryQueue,
  DeliveryStore,
  EndpointTransport,
  EventLog,
  EventWriter,
  SecretStore,
  TenantClocks,
  WebhookStore,
} from './ports.js';
import type { UrlMode } from './url-rules.js';

/** A tenant's API use-cases. */
export interface WebhooksContext {
  tenantId: string;
  audit: AuditContext;
  clock: Clock;
  /** A resend's delay runs on the tenant's clock, as its retries do (tenant-time.ts). */
  tenantClocks: TenantClocks;
  urlMode: UrlMode;
  webhooks: WebhookStore;
  secrets: SecretStore;
  deliveries: DeliveryStore;
  events: EventWriter;
  eventLog: EventLog;
}

/** The delivery pipeline (router, sender, sweeper): across tenants, each record names its own. */
export interface PipelineContext {
  /** Real time (a test's clock in some tests); each tenant's time adds its offset (tenant-time.ts). */
  clock: Clock;
  tenantClocks: TenantClocks;
  /** In [0, 1): the backoff's jitter. */
  random: () => number;
  webhooks: WebhookStore;
  secrets: SecretStore;
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  transport: EndpointTransport;
  timeoutMs: number;
}
