import type { PipelineContext } from './context.js';

// The sweeper (once a minute): deliveries whose next attempt was too far off for a queue delay
// (or a resend, or a paused endpoint's first attempt) wait in the due-time index; the due ones
// are queued and taken off the index. Queue first, then un-index: a crash in between queues the
// attempt twice, and the sender records it once.

export const SWEEP_BATCH = 500;

export const sweepDue = async (ctx: PipelineContext): Promise<number> => {
  const due = await ctx.deliveries.due(ctx.clock.now().toISOString(), SWEEP_BATCH);
  for (const delivery of due) {
    await ctx.queue.send(
      { tenant: delivery.tenant, webhook_id: delivery.webhook_id, event_id: delivery.event.id, attempt: delivery.attempt_count + 1 },
      0,
    );
    await ctx.deliveries.undue(delivery);
  }
  return due.length;
};
