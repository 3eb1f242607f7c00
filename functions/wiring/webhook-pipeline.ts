import { dynamoDeliveryStore } from '../adapters/dynamodb/delivery-store.js';
import { dynamoSecretStore } from '../adapters/dynamodb/webhook-secret-store.js';
import { dynamoWebhookStore } from '../adapters/dynamodb/webhook-store.js';
import { webhookTransport } from '../adapters/outbound/webhook-transport.js';
import { deliveryQueueFor } from '../adapters/sqs/delivery-queue.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { config, readVariable } from '../shared/config.js';
import type { PipelineContext } from '../webhooks/context.js';
import type { DeliveryQueue, EndpointTransport, TenantClocks } from '../webhooks/ports.js';
import { tenantClocks } from './tenant-clocks.js';
import { urlModeOf } from './webhooks.js';

// The delivery pipeline's ports bound to adapters. In AWS: the SQS queue and an outbound
// transport that refuses non-public addresses. The twin passes its in-process queue, its clock
// and (on localhost) a transport without the address check, and runs the same use-cases. On a
// sandbox stage each tenant's time is its sandbox clock.

/** Contract guidance (§11.5) and the brief: a receiver has 5 s to answer. */
export const DELIVERY_TIMEOUT_MS = 5000;

export interface PipelineOverrides {
  clock?: Clock;
  tenantClocks?: TenantClocks;
  queue?: DeliveryQueue;
  transport?: EndpointTransport;
  random?: () => number;
  timeoutMs?: number;
}

export const pipelineContext = (overrides: PipelineOverrides = {}): PipelineContext => ({
  clock: overrides.clock ?? systemClock,
  tenantClocks: overrides.tenantClocks ?? tenantClocks(),
  random: overrides.random ?? Math.random,
  webhooks: dynamoWebhookStore,
  secrets: dynamoSecretStore,
  deliveries: dynamoDeliveryStore,
  queue: overrides.queue ?? deliveryQueueFor(readVariable('DELIVERY_QUEUE_URL'), config().region),
  transport: overrides.transport ?? webhookTransport(urlModeOf(config().stage)),
  timeoutMs: overrides.timeoutMs ?? DELIVERY_TIMEOUT_MS,
});
