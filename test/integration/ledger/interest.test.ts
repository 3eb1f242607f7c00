import { beforeAll, describe, expect, it } from 'vitest';
import { interestAccruedUpTo } from '../../../functions/ledger/accrual.js';
import { eventsOf } from '../../helpers/api.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// Daily accrual (micro-units), the month-end INTEREST_PAYOUT from the interest-expense GL with
// its INTEREST.MONTHLY_PAYOUT event, and the accrued-up-to use-case closure will call.

let world: LedgerWorld;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-interest');
});

describe('interest', () => {
  it('accrues daily and pays the month at its end, once', async () => {
    const product = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      // 36.5% a year: exactly 0.1% a day in a 365-day year, so the figures are easy to check.
      rates: [{ rate: 3_650, accrual_period: 'DAILY', valid_from: '2020-01-01' }],
    });
    expect(product.status, product.rawBody).toBe(201);
    const account = await openChecking(world, { account_type: 'SAVING', interest_product_id: product.body.id });
    await fund(world, account, 100_000);
    const opened = (await world.api.get(`/v0/accounts/${account}`)).body.open_date as string;
    const clock = (await world.api.get('/v0/sandbox/clock')).body.now as string;
    // Move to the 2nd of the month after the clock's: the opening month is accrued and paid.
    const now = new Date(clock);
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2, 12));
    const moved = await world.api.post('/v0/sandbox/clock', { set: target.toISOString() });
    expect(moved.status, moved.rawBody).toBe(200);

    const days = Math.round((Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), 1) - Date.parse(`${opened}T00:00:00Z`)) / 86_400_000);
    // Compounded daily at 0.1%: 100000 × (1.001^days − 1), each day rounded to micro-units, paid rounded to the cent.
    let micro = 0n;
    for (let d = 0; d < days; d++) micro += (100_000n * 1_000_000n + micro) / 1_000n;
    const paid = Number((micro * 2n + 1_000_000n) / 2_000_000n);
    const balances = (await world.api.get(`/v0/accounts/${account}`)).body.balances;
    expect(balances.find((b: any) => b.type === 'ACCOUNT_BALANCE').balance).toBe(100_000 + paid);
    const posted = (await world.api.get(`/v0/transactions/posted?account_id=${account}`)).body.transactions;
    expect(posted.filter((t: any) => t.subtype === 'INTEREST_PAYOUT').map((t: any) => t.amount)).toEqual([paid]);
    expect((await eventsOf(world.tenant.id)).filter((e) => e.type === 'INTEREST.MONTHLY_PAYOUT' && e.resource_id === account)).toHaveLength(
      1,
    );

    // The 1st of the new month is accrued on the new balance; closure can ask for it.
    const first = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const accrued = await interestAccruedUpTo(world.ctx(), account, first);
    expect(accrued.micro).toBe((BigInt(100_000 + paid) * 1_000_000n) / 1_000n);
    expect(accrued.through).toBe(first);

    // Moving on within the month pays nothing more.
    await world.api.post('/v0/sandbox/clock', { advance_seconds: 86_400 });
    const again = (await world.api.get(`/v0/transactions/posted?account_id=${account}`)).body.transactions;
    expect(again.filter((t: any) => t.subtype === 'INTEREST_PAYOUT')).toHaveLength(1);
    await assertBooks(world);
  });
});
