import { beforeAll, describe, expect, it } from 'vitest';
import { interestAccruedUpTo } from '../../../functions/ledger/accrual.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { eventsOf } from '../../helpers/api.js';
import { fund } from '../ledger/world.js';
import {
  account,
  advance,
  assertBooks,
  balanceOf,
  check,
  type ClosureWorld,
  initiate,
  newClosureWorld,
  openChecking,
  startOfCleanWeek,
} from './world.js';

// The money steps before the payout: a negative deposit balance written off from the
// negative-balance reserve GL, and interest accrued to the IN_CLOSING date paid from the
// interest-expense GL under the ledger's own month payout id (paid once, whoever pays first).

let world: ClosureWorld;

const DAY = 86_400;

beforeAll(async () => {
  world = await newClosureWorld('closure-money');
});

describe('closure money steps', () => {
  it('writes a negative balance off from the reserve and closes with nothing to pay out', async () => {
    await startOfCleanWeek(world, 2);
    const closing = await openChecking(world);
    // A platform debit (a network posting) took the account below zero.
    await createTransfer(
      world.ctx(),
      { amount: 2_500, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: closing, receiving_account_id: world.funding },
      'PLATFORM',
    );
    expect(await balanceOf(world, closing)).toBe(-2_500);

    await initiate(world, closing, { payment_method: null, destination_id: null });
    await world.twin.settle();
    const closure = (await account(world, closing)).account_closure;
    expect(check(closure, 'negative_balance')).toMatchObject({ validated: true, details: { amount: 2_500 } });
    expect(await balanceOf(world, closing)).toBe(0);
    const posted = (await world.api.get(`/v0/transactions/posted?account_id=${closing}`)).body.transactions;
    expect(
      posted.filter((t: { subtype: string }) => t.subtype === 'NEGATIVE_BALANCE_WRITEOFF').map((t: { amount: number }) => t.amount),
    ).toEqual([2_500]);

    await advance(world, DAY);
    expect((await account(world, closing)).status).toBe('CLOSED');
    await assertBooks(world);
  });

  it('pays the interest accrued to the IN_CLOSING date, then the whole balance', async () => {
    await startOfCleanWeek(world);
    const product = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      rates: [{ rate: 3_650, accrual_period: 'DAILY', valid_from: '2020-01-01' }],
    });
    expect(product.status, product.rawBody).toBe(201);
    const closing = await openChecking(world, { account_type: 'SAVING', interest_product_id: product.body.id });
    const destination = await openChecking(world);
    await fund(world, closing, 100_000);
    // Two days accrue (Monday and Tuesday); a third if the clean week's Wednesday is a 1st.
    await advance(world, 2 * DAY);
    if ((await world.api.get('/v0/sandbox/clock')).body.now.slice(8, 10) === '01') await advance(world, DAY);
    const today = ((await world.api.get('/v0/sandbox/clock')).body.now as string).slice(0, 10);
    const { amount: accrued } = await interestAccruedUpTo(world.ctx(), closing, today);
    expect(accrued).toBeGreaterThan(0);
    const before = await balanceOf(world, closing);

    await initiate(world, closing, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
    await world.twin.settle();
    const closure = (await account(world, closing)).account_closure;
    expect(check(closure, 'interest_payout')).toMatchObject({ validated: true, details: { amount: accrued } });
    expect(await balanceOf(world, destination)).toBe(before + accrued);
    // One payout for the IN_CLOSING month (an earlier month may have been paid at its end).
    const payouts = (await eventsOf(world.tenant.id)).filter(
      (e) => e.type === 'INTEREST.MONTHLY_PAYOUT' && e.resource_id === closing && e.event_resource.month === today.slice(0, 7),
    );
    expect(payouts.map((e) => e.event_resource.amount)).toEqual([accrued]);

    await advance(world, DAY);
    expect((await account(world, closing)).status).toBe('CLOSED');
    await assertBooks(world);
  });
});
