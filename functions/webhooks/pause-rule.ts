import type { WebhookRecord } from './model.js';

// The pause rule: an endpoint whose last PAUSE_AFTER_FAILURES attempts (over all its deliveries)
// all failed is paused for PAUSE_SECONDS. While paused, new events are still recorded for it but
// their first attempt waits until the pause ends, instead of hammering a dead endpoint; retries
// already scheduled keep their own backoff. One success resets the count and ends the pause. A
// 410 Gone answer disables the subscription (is_enabled=false), as Standard Webhooks recommends.

export const PAUSE_AFTER_FAILURES = 20;
export const PAUSE_SECONDS = 30 * 60;

export const isPaused = (webhook: Pick<WebhookRecord, 'paused_until'>, now: Date): boolean =>
  webhook.paused_until !== undefined && Date.parse(webhook.paused_until) > now.getTime();

/** The pause to set after a failure that brings the run of failures to `failures`, if any. */
export const pauseAfterFailure = (failures: number, now: Date): string | undefined =>
  failures >= PAUSE_AFTER_FAILURES && failures % PAUSE_AFTER_FAILURES === 0
    ? new Date(now.getTime() + PAUSE_SECONDS * 1000).toISOString()
    : undefined;

export const disablesEndpoint = (code: number): boolean => code === 410;
