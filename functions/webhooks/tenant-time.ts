import type { Clock } from '../shared/clock.js';
import type { PipelineContext } from './context.js';

// The pipeline works in each tenant's time (its sandbox clock on a sandbox stage), but the
// due-time index is one across tenants, so it is keyed in real time: a due time less the
// tenant's offset when it was scheduled. Offsets only grow, so a real-time key never makes a
// retry late, and the periodic sweep (real time) stays exact for every tenant.

export interface TenantTime {
  clock: Clock;
  offsetMs: number;
}

export const tenantTime = async (ctx: PipelineContext, tenant: string): Promise<TenantTime> => {
  const offsetMs = await ctx.tenantClocks.offsetMs(tenant);
  return { offsetMs, clock: offsetMs === 0 ? ctx.clock : { now: () => new Date(ctx.clock.now().getTime() + offsetMs) } };
};

/** The due index's key (real time) for a tenant-time instant. */
export const realTimeOf = (tenantInstant: string, time: TenantTime): string =>
  new Date(Date.parse(tenantInstant) - time.offsetMs).toISOString();
