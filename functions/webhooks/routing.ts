import type { PipelineContext } from './context.js';
import { isSubscribed } from './event-matching.js';
import type { DeliveredEvent, DeliveryRecord, WebhookRecord } from './model.js';
import { isPaused } from './pause-rule.js';
import { MAX_QUEUE_DELAY_S } from './retry-schedule.js';

// The router: one outbox event → one delivery per enabled, matching subscription of its tenant,
// created idempotently (deterministic key), and its first attempt queued. A redelivered stream
// record finds the deliveries already there; one still at 0 attempts is queued again (the crash
// may have come between the put and the send), and the sender's conditional record keeps that
// from making an attempt twice.

export const routeEvent = async (ctx: PipelineContext, tenant: string, event: DeliveredEvent): Promise<number> => {
  const now = ctx.clock.now();
  const subscribers = (await ctx.webhooks.all(tenant)).filter((w) => w.is_enabled && isSubscribed(event.type, w.enabled_events));
  await Promise.all(subscribers.map((webhook) => deliverTo(ctx, tenant, event, webhook, now)));
  return subscribers.length;
};

const deliverTo = async (ctx: PipelineContext, tenant: string, event: DeliveredEvent, webhook: WebhookRecord, now: Date): Promise<void> => {
  const paused = isPaused(webhook, now);
  const firstAt = paused ? webhook.paused_until! : now.toISOString();
  const delaySeconds = Math.ceil((Date.parse(firstAt) - now.getTime()) / 1000);
  const dueIndexed = delaySeconds > MAX_QUEUE_DELAY_S;
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
  const { created, delivery: stored } = await ctx.deliveries.create(delivery);
  // Already scheduled (due-indexed) or already attempted: nothing more to do here.
  if (stored.attempt_count > 0 || stored.next_attempt_at !== undefined) return;
  if (dueIndexed) {
    // Found waiting (a test event's delivery written with it) while the endpoint is paused.
    if (!created) await ctx.deliveries.restart(tenant, webhook.id, event.id, firstAt, now.toISOString());
    return;
  }
  await ctx.queue.send({ tenant, webhook_id: webhook.id, event_id: event.id, attempt: 1 }, Math.max(0, delaySeconds));
};
