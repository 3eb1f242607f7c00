import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../functions/ledger/sandbox-clock.js';
import { resolveTransfer } from '../../../functions/ledger/transfers.js';
import { scheduledDueWork } from '../../../functions/wiring/ledger.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Time on a sandbox stage is the tenant's clock everywhere: the scheduled job (AWS timer, the
// twin's local timer) runs each tenant at its own time, and a hold past its expires_at cannot be
// captured even before the expiry sweep reached it.

let world: LedgerWorld;
let a: string;
let b: string;
const HOUR = 3_600_000;
const audit = { request_id: 'test', api_key_id: 'scheduler', method: 'SCHEDULE', path: 'ledger-due-work' };

const hold = async (expiresAt: Date) => {
  const res = await world.api.post('/v0/transactions/internal_transfer', {
    amount: 400,
    currency: 'USD',
    type: 'ACCOUNT_TO_ACCOUNT',
    originating_account_id: a,
    receiving_account_id: b,
    capture_mode: 'MANUAL',
    expires_at: expiresAt.toISOString(),
  });
  expect(res.status, res.rawBody).toBe(200);
  return res.body.id as string;
};

const tenantNow = async () => new Date((await world.api.get('/v0/sandbox/clock')).body.now);

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-sandbox-time');
  a = await openChecking(world);
  b = await openChecking(world);
  await fund(world, a, 10_000);
});

describe('sandbox time', () => {
  it('the scheduled job expires a hold due on the tenant clock, not yet in real time', async () => {
    // The tenant lives 10 days ahead (an advance whose own due work has run).
    const { offset_ms, version } = await world.ctx().store.clockOffset(world.tenant.id);
    await world.ctx().store.saveClockOffset(world.tenant.id, offset_ms + 10 * 24 * HOUR, version);
    const now = await tenantNow();
    const id = await hold(new Date(now.getTime() + HOUR));
    const realLater = new Date(Date.now() + 2 * HOUR);
    const runs = await scheduledDueWork(realLater, audit);
    expect(runs.find((r) => r.tenant === world.tenant.id)?.report?.expiredHolds).toBe(1);
    expect((await world.api.get(`/v0/transactions/internal_transfer/${id}`)).body.status).toBe('EXPIRED');
    await assertBooks(world);
  });

  it('refuses to capture a hold past its expires_at before the sweep, and writes nothing', async () => {
    const now = await tenantNow();
    const id = await hold(new Date(now.getTime() + HOUR));
    const later = world.ctx(fixedClock(new Date(now.getTime() + 2 * HOUR)));
    await expect(resolveTransfer(later, id, { status: 'COMPLETE' })).rejects.toThrow(/expired at .*cannot be captured/);
    const got = await world.api.get(`/v0/transactions/internal_transfer/${id}`);
    expect(got.body.status).toBe('PENDING');
    // Before expiry it captures as usual.
    const patched = await world.api.patch(`/v0/transactions/internal_transfer/${id}`, { status: 'COMPLETE' });
    expect(patched.status, patched.rawBody).toBe(200);
    await assertBooks(world);
  });
});
