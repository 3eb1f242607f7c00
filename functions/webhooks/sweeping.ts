import type { PipelineContext } from './context.js';
import type { DeliveryRecord } from './model.js';
import { tenantTime } from './tenant-time.js';

// The sweeper (once a minute): deliveries whose next attempt was too far off for a queue delay
// (or a resend, or a paused endpoint's first attempt) wait in the due-time index; the due ones
// are queued and taken off the index. Queue first, then un-index: a crash in between queues the
// attempt twice, and the sender records it once.

export const SWEEP_BATCH = 500;

export interface SweepResult {
  queued: number;
  /** How long the oldest due delivery had been waiting (0 when none): the sweeper's health metric. */
  oldestDueAgeSeconds: number;
}

export const sweep = async (ctx: PipelineContext): Promise<SweepResult> => {
  const now = ctx.clock.now();
  const due = await ctx.deliveries.due(now.toISOString(), SWEEP_BATCH);
  const oldest = due.reduce((min, d) => Math.min(min, Date.parse(d.next_attempt_at ?? now.toISOString())), now.getTime());
  const queued = await queueAll(ctx, due);
  return { queued, oldestDueAgeSeconds: Math.max(0, Math.round((now.getTime() - oldest) / 1000)) };
};

export const sweepDue = async (ctx: PipelineContext): Promise<number> => {
  const due = await ctx.deliveries.due(ctx.clock.now().toISOString(), SWEEP_BATCH);
  return queueAll(ctx, due);
};

/**
 * A tenant's deliveries due by its own clock (after its sandbox clock moved ahead). The index
 * keys are real time, so the tenant's due ones are among those keyed up to real time plus its
 * offset; next_attempt_at (the tenant's time) says which are due.
 */
export const sweepTenant = async (ctx: PipelineContext, tenant: string): Promise<number> => {
  const time = await tenantTime(ctx, tenant);
  const now = time.clock.now().toISOString();
  const keyedBy = await ctx.deliveries.dueOf(tenant, now, SWEEP_BATCH);
  return queueAll(
    ctx,
    keyedBy.filter((d) => d.next_attempt_at !== undefined && d.next_attempt_at <= now),
  );
};

const queueAll = async (ctx: PipelineContext, due: DeliveryRecord[]): Promise<number> => {
  for (const delivery of due) {
    await ctx.queue.send(
      { tenant: delivery.tenant, webhook_id: delivery.webhook_id, event_id: delivery.event.id, attempt: delivery.attempt_count + 1 },
      0,
    );
    await ctx.deliveries.undue(delivery);
  }
  return due.length;
};
