import { beforeAll, describe, expect, it } from 'vitest';
import { interestAccruedUpTo } from '../../../functions/ledger/accrual.js';
import { tenantGlId } from '../../../functions/ledger/gl.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { assertBooks, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Lending interest: a line of credit with an interest product accrues daily on what is owed
// and is charged at month end (INTEREST_CHARGE to the interest-income GL), once.

let world: LedgerWorld;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-lending-interest');
});

describe('lending interest', () => {
  it('accrues on the amount owed and charges the month at its end, once', async () => {
    const product = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      // 36.5% a year: 0.1% a day in a 365-day year.
      rates: [{ rate: 3_650, accrual_period: 'DAILY', valid_from: '2020-01-01' }],
    });
    expect(product.status, product.rawBody).toBe(201);
    const line = await openChecking(world, { account_type: 'LINE_OF_CREDIT', credit_limit: 500_000, interest_product_id: product.body.id });
    const checking = await openChecking(world);
    // A draw: the line's owed amount grows by 100000.
    await createTransfer(
      world.ctx(),
      { amount: 100_000, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: line, receiving_account_id: checking },
      'PLATFORM',
    );
    const opened = (await world.api.get(`/v0/accounts/${line}`)).body.open_date as string;
    const now = new Date((await world.api.get('/v0/sandbox/clock')).body.now);
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2, 12));
    expect((await world.api.post('/v0/sandbox/clock', { set: target.toISOString() })).status).toBe(200);

    const days = Math.round((Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), 1) - Date.parse(`${opened}T00:00:00Z`)) / 86_400_000);
    let micro = 0n;
    for (let d = 0; d < days; d++) micro += (100_000n * 1_000_000n + micro) / 1_000n;
    const charged = Number((micro * 2n + 1_000_000n) / 2_000_000n);
    const balances = (await world.api.get(`/v0/accounts/${line}`)).body.balances;
    expect(balances.find((b: any) => b.type === 'ACCOUNT_BALANCE').balance).toBe(100_000 + charged);
    const posted = (await world.api.get(`/v0/transactions/posted?account_id=${line}`)).body.transactions;
    expect(posted.filter((t: any) => t.subtype === 'INTEREST_CHARGE').map((t: any) => [t.dc_sign, t.amount])).toEqual([['debit', charged]]);
    expect(await world.ctx().store.glBalance(world.tenant.id, tenantGlId(world.tenant.id, 'INTEREST_INCOME'))).toBe(charged);

    // The new month accrues on the new amount owed.
    const first = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), 1)).toISOString().slice(0, 10);
    expect((await interestAccruedUpTo(world.ctx(), line, first)).micro).toBe((BigInt(100_000 + charged) * 1_000_000n) / 1_000n);
    await world.api.post('/v0/sandbox/clock', { advance_seconds: 86_400 });
    const again = (await world.api.get(`/v0/transactions/posted?account_id=${line}`)).body.transactions;
    expect(again.filter((t: any) => t.subtype === 'INTEREST_CHARGE')).toHaveLength(1);
    await assertBooks(world);
  });
});
