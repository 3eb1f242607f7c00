import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../../functions/webhooks/context.js';
import { realTimeOf, tenantTime } from '../../../functions/webhooks/tenant-time.js';

const at = new Date('2026-03-01T12:00:00.000Z');
const ctxWith = (offsetMs: number) =>
  ({ clock: { now: () => at }, tenantClocks: { movable: offsetMs > 0, offsetMs: async () => offsetMs } }) as unknown as PipelineContext;

describe('tenant time', () => {
  it("reads the tenant's clock as real time plus its offset", async () => {
    const time = await tenantTime(ctxWith(86_400_000), 't1');
    expect(time.clock.now().toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });

  it('keys a due time of the tenant in real time, so one index serves every tenant', async () => {
    const time = await tenantTime(ctxWith(86_400_000), 't1');
    expect(realTimeOf('2026-03-02T12:00:30.000Z', time)).toBe('2026-03-01T12:00:30.000Z');
    expect(realTimeOf('2026-03-01T12:00:30.000Z', await tenantTime(ctxWith(0), 't2'))).toBe('2026-03-01T12:00:30.000Z');
  });
});
