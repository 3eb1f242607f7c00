import type { PipelineContext } from './context.js';
import { isSubscribed } from './event-matching.js';
import type { DeliveredEvent, DeliveryRecord, WebhookRecord } from './model.js';
import { isPaused } from './pause-rule.js';
import { MAX_QUEUE_DELAY_S } from './retry-schedule.js';
import { realTimeOf, type TenantTime, tenantTime } from './tenant-time.js';

// The router: one outbox event → one delivery per enabled, matching subscription of its tenant,
// created idempotently (deterministic key), and its first attempt queued. A redelivered stream
// record finds the deliveries already there; one still at 0 attempts is queued again (the crash
// may have come between the put and the send), and the sender's conditional record keeps that
// from making an attempt twice.

export const routeEvent = async (ctx: PipelineContext, tenant: string, event: DeliveredEvent): Promise<number> => {
  const time = await tenantTime(ctx, tenant);
  const subscribers = (await ctx.webhooks.all(tenant)).filter((w) => w.is_enabled && isSubscribed(event.type, w.enabled_events));
  await Promise.all(subscribers.map((webhook) => deliverTo(ctx, tenant, event, webhook, time)));
  return subscribers.length;
};

const deliverTo = async (ctx: PipelineContext, tenant: string, event: DeliveredEvent, webhook: WebhookRecord, time: TenantTime) => {
  const now = time.clock.now();
  const paused = isPaused(webhook, now);
  const firstAt = paused ? webhook.paused_until! : now.toISOString();
  const delaySeconds = Math.ceil((Date.parse(firstAt) - now.getTime()) / 1000);
  // A queue delay runs in real time: where a tenant's clock can jump, any wait goes through the index.
  const dueIndexed = delaySeconds > MAX_QUEUE_DELAY_S || (ctx.tenantClocks.movable && delaySeconds > 0);
  const dueAt = realTimeOf(firstAt, time);
  const delivery: DeliveryRecord = {
    tenant,
    webhook_id: webhook.id,
    event,
    status: 'RUNNING',
    attempt_count: 0,
    chain_attempts: 0,
    ...(dueIndexed ? { next_attempt_at: firstAt } : {}),
    response_history: [],
    last_updated: now.toISOString(),
  };
  const { created, delivery: stored } = await ctx.deliveries.create(delivery, dueAt);
  // Already scheduled (due-indexed) or already attempted: nothing more to do here.
  if (stored.attempt_count > 0 || stored.next_attempt_at !== undefined) return;
  if (dueIndexed) {
    // Found waiting (a test event's delivery written with it) while the endpoint is paused.
    if (!created) await ctx.deliveries.restart(tenant, webhook.id, event.id, firstAt, now.toISOString(), dueAt);
    return;
  }
  await ctx.queue.send({ tenant, webhook_id: webhook.id, event_id: event.id, attempt: 1 }, Math.max(0, delaySeconds));
};
