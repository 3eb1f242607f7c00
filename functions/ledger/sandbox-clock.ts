import { badRequest, unprocessable } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import { retryOnConflict } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import type { LedgerStore } from './ports.js';

// The sandbox clock of a tenant: real time plus an offset that only grows. Every ledger date
// rule reads the tenant's clock (wiring/ledger.ts). Advancing it runs the due work day by day:
// the clock stops at each UTC midnight crossed, that day's work runs with the clock there, and
// only then does it move on, so a month's jump settles, expires and posts in calendar order.

/** A year and a month: long enough for any sandbox scenario, short enough to finish in a request. */
const MAX_ADVANCE_MS = 400 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export const offsetClock = (base: Clock, offsetMs: number): Clock => ({ now: () => new Date(base.now().getTime() + offsetMs) });

export const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });

/** The tenant's sandbox clock over `base` (one read). */
export const tenantClock = async (store: LedgerStore, tenant: string, base: Clock): Promise<Clock> =>
  offsetClock(base, (await store.clockOffset(tenant)).offset_ms);

export type ClockChange = { advance_seconds: number } | { set: string };

/**
 * Moves the clock of `ctx`'s tenant (ctx.clock must be real time) and runs `dueWork` at each
 * stop. Concurrent advances of one tenant serialise on the clock item's version.
 */
export const advanceClock = async (ctx: LedgerContext, change: ClockChange, dueWork: (at: Date) => Promise<unknown>): Promise<Date> => {
  const real = ctx.clock.now().getTime();
  const { offset_ms } = await ctx.store.clockOffset(ctx.tenantId);
  const current = real + offset_ms;
  const target = 'set' in change ? Date.parse(change.set) : current + change.advance_seconds * 1000;
  if (Number.isNaN(target)) throw badRequest('set must be an RFC 3339 date-time');
  if (target < current) throw unprocessable(`the sandbox clock never goes backwards: it reads ${new Date(current).toISOString()}`);
  if (target - current > MAX_ADVANCE_MS) throw unprocessable('the sandbox clock moves at most 400 days per request');
  let at = current;
  do {
    const midnight = Math.floor(at / DAY_MS) * DAY_MS + DAY_MS;
    const stop = Math.min(target, midnight);
    await retryOnConflict(async () => {
      const stored = await ctx.store.clockOffset(ctx.tenantId);
      // Another advance got further meanwhile: never move back.
      if (real + stored.offset_ms < stop) await ctx.store.saveClockOffset(ctx.tenantId, stop - real, stored.version);
    });
    await dueWork(new Date(stop));
    at = stop;
  } while (at < target);
  return new Date(target);
};
