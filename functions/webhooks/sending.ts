import type { PipelineContext } from './context.js';
import { deliveryBody, isSuccess, withAttempt } from './delivery-body.js';
import type { AttemptRecord, DeliveryMessage, DeliveryRecord, WebhookRecord } from './model.js';
import { disablesEndpoint, pauseAfterFailure } from './pause-rule.js';
import { MAX_QUEUE_DELAY_S, nextDelaySeconds } from './retry-schedule.js';
import { liveSecrets } from './secrets.js';
import { signedHeaders } from './signing.js';
import { realTimeOf, type TenantTime, tenantTime } from './tenant-time.js';

// The sender: makes attempt `message.attempt` of a delivery and records it exactly once. A message
// for an attempt already recorded (a redelivery, a duplicate from the sweeper) is dropped; if
// two copies race, the conditional record lets one win and the other's result is discarded.

export type SendOutcome = 'sent' | 'failed' | 'skipped';

const failedAttempt = (sent: Date, now: Date, why: string): AttemptRecord => ({
  code: 0,
  response_body: why,
  sent_time: sent.toISOString(),
  response_time: now.toISOString(),
});

export const sendDelivery = async (ctx: PipelineContext, message: DeliveryMessage): Promise<SendOutcome> => {
  const { tenant, webhook_id, event_id, attempt } = message;
  const delivery = await ctx.deliveries.get(tenant, webhook_id, event_id);
  if (!delivery || delivery.attempt_count >= attempt || delivery.status === 'SUCCESS' || delivery.status === 'FAILED') return 'skipped';
  if (delivery.attempt_count !== attempt - 1) return 'skipped';
  const webhook = await ctx.webhooks.get(tenant, webhook_id);
  const time = await tenantTime(ctx, tenant);
  const clock = time.clock;
  const secrets = liveSecrets(await ctx.secrets.get(tenant), clock.now());
  const sent = clock.now();
  let result: AttemptRecord;
  if (!webhook?.is_enabled) {
    result = failedAttempt(sent, sent, webhook ? 'subscription disabled' : 'subscription deleted');
  } else if (secrets.length === 0) {
    result = failedAttempt(sent, sent, 'no webhook secret: create one with POST /v0/webhook_secrets');
  } else {
    const body = deliveryBody(delivery.event, webhook);
    const headers = signedHeaders(secrets, event_id, Math.floor(sent.getTime() / 1000), body);
    try {
      const answer = await ctx.transport.post(webhook.url, { ...headers }, body, ctx.timeoutMs);
      result = {
        code: answer.code,
        response_body: answer.body,
        sent_time: sent.toISOString(),
        response_time: clock.now().toISOString(),
      };
    } catch (error) {
      result = failedAttempt(sent, clock.now(), error instanceof Error ? error.message : 'delivery failed');
    }
  }
  return record(ctx, time, delivery, attempt, result, webhook?.is_enabled ? webhook : undefined);
};

const record = async (
  ctx: PipelineContext,
  time: TenantTime,
  delivery: DeliveryRecord,
  attempt: number,
  result: AttemptRecord,
  live: WebhookRecord | undefined,
) => {
  const endpointLive = live !== undefined;
  const now = time.clock.now();
  const success = isSuccess(result.code);
  const chainAttempts = delivery.chain_attempts + 1;
  // A deleted, disabled or gone (410) endpoint is not retried.
  const delay = success || !endpointLive || disablesEndpoint(result.code) ? undefined : nextDelaySeconds(chainAttempts, ctx.random);
  const status: DeliveryRecord['status'] = success ? 'SUCCESS' : delay === undefined ? 'FAILED' : 'RETRYING';
  const nextAttemptAt = delay === undefined ? undefined : new Date(now.getTime() + delay * 1000).toISOString();
  // A queue delay runs in real time: where a tenant's clock can jump, every retry goes through the index.
  const dueIndexed = delay !== undefined && (delay > MAX_QUEUE_DELAY_S || ctx.tenantClocks.movable);
  const recorded = await ctx.deliveries.recordAttempt(delivery, attempt, {
    status,
    history: withAttempt(delivery.response_history, result),
    chainAttempts,
    ...(nextAttemptAt ? { nextAttemptAt, dueAt: realTimeOf(nextAttemptAt, time) } : {}),
    dueIndexed,
    now: now.toISOString(),
  });
  if (!recorded) return 'skipped';
  if (delay !== undefined && !dueIndexed) {
    await ctx.queue.send(
      { tenant: delivery.tenant, webhook_id: delivery.webhook_id, event_id: delivery.event.id, attempt: attempt + 1 },
      delay,
    );
  }
  if (live) await endpointHealth(ctx, live, success, result.code, now);
  return success ? 'sent' : 'failed';
};

const endpointHealth = async (ctx: PipelineContext, webhook: WebhookRecord, success: boolean, code: number, now: Date) => {
  if (disablesEndpoint(code)) await ctx.webhooks.disable(webhook.tenant, webhook.id, now.toISOString());
  // A healthy endpoint's success changes nothing: no write.
  if (success && !webhook.consecutive_failures && !webhook.paused_until) return;
  const failures = await ctx.webhooks.recordOutcome(webhook.tenant, webhook.id, success);
  const pause = success ? undefined : pauseAfterFailure(failures, now);
  if (pause) await ctx.webhooks.setPause(webhook.tenant, webhook.id, pause);
};
