import { badRequest, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { WebhooksContext } from './context.js';
import type { DeliveryRecord, WebhookRecord } from './model.js';
import type { DeliveryListCriteria } from './ports.js';
import { getWebhook } from './subscriptions.js';
import { isSubscribed } from './event-matching.js';

// A subscription's events (contract §11.1, §11.4): its deliveries, listed, read with their
// response_history, resent, and the test trigger.

export const MAX_RESEND_DELAY_S = 3600;

export const listDeliveries = async (
  ctx: WebhooksContext,
  webhookId: string,
  criteria: DeliveryListCriteria,
): Promise<{ webhook: WebhookRecord; page: Page<DeliveryRecord> }> => {
  const webhook = await getWebhook(ctx, webhookId);
  return { webhook, page: await ctx.deliveries.list(ctx.tenantId, webhookId, criteria) };
};

export const getDelivery = async (
  ctx: WebhooksContext,
  webhookId: string,
  eventId: string,
): Promise<{ webhook: WebhookRecord; delivery: DeliveryRecord }> => {
  const webhook = await getWebhook(ctx, webhookId);
  const delivery = await ctx.deliveries.get(ctx.tenantId, webhookId, eventId);
  if (!delivery) throw notFound('event');
  return { webhook, delivery };
};

/**
 * A new attempt chain on the same event id (receivers dedupe on it), picked up by the sweeper
 * once due: like Synctera, once a minute, so a small delay is approximate.
 */
export const resendDelivery = async (ctx: WebhooksContext, webhookId: string, eventId: string, delaySeconds: number) => {
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_RESEND_DELAY_S)
    throw badRequest(`delay must be a whole number of seconds from 0 to ${MAX_RESEND_DELAY_S}`, 'BAD_QUERY_PARAMETER');
  const { webhook } = await getDelivery(ctx, webhookId, eventId);
  const now = ctx.clock.now();
  const offsetMs = await ctx.tenantClocks.offsetMs(ctx.tenantId);
  // next_attempt_at in the tenant's time, the due index key in real time (tenant-time.ts).
  const dueAt = new Date(now.getTime() + delaySeconds * 1000);
  const at = new Date(dueAt.getTime() + offsetMs).toISOString();
  const delivery = await ctx.deliveries.restart(ctx.tenantId, webhookId, eventId, at, now.toISOString(), dueAt.toISOString());
  if (!delivery) throw notFound('event');
  return { webhook, delivery };
};

/** A transaction holds at most 100 items: the event and this many deliveries. */
const MAX_TRIGGERED = 99;

/** Writes a test event of `type`, with a delivery for every enabled subscription that matches it. */
export const triggerEvent = async (ctx: WebhooksContext, type: string) => {
  const now = ctx.clock.now().toISOString();
  const event = { id: newId(), type, event_time: now, resource_id: newId(), event_resource: '{}' };
  const matching = (await ctx.webhooks.all(ctx.tenantId)).filter((w) => w.is_enabled && isSubscribed(type, w.enabled_events));
  const deliveries: DeliveryRecord[] = matching.slice(0, MAX_TRIGGERED).map((w) => ({
    tenant: ctx.tenantId,
    webhook_id: w.id,
    event,
    status: 'RUNNING',
    attempt_count: 0,
    chain_attempts: 0,
    response_history: [],
    last_updated: now,
  }));
  await ctx.events.write({ ...event, tenant: ctx.tenantId }, deliveries);
  return { id: event.id, type: event.type, event_time: event.event_time };
};
