import { beforeAll, describe, expect, it } from 'vitest';
import { createTransfer } from '../../../functions/ledger/transfers.js';
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

// A credit account with an amount owed stays IN_CLOSING until the customer pays it off (a
// blocker), except under BANK_REQUEST_CHARGE_OFF: the amount owed is charged off to the write-off
// GL and the account ends CHARGED_OFF.

let world: ClosureWorld;

const openLine = () => openChecking(world, { account_type: 'LINE_OF_CREDIT', credit_limit: 10_000 });

/** A platform movement between the line and the funding GL: a draw raises the amount owed, a payment lowers it. */
const move = (from: string, to: string, amount: number) =>
  createTransfer(
    world.ctx(),
    { amount, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: from, receiving_account_id: to },
    'PLATFORM',
  );

beforeAll(async () => {
  world = await newClosureWorld('closure-credit');
  await startOfCleanWeek(world, 3);
});

describe('closure of a credit account', () => {
  it('waits while an amount is owed, then closes once it is paid', async () => {
    const line = await openLine();
    await move(line, world.funding, 3_000);
    expect(await balanceOf(world, line)).toBe(3_000);
    await initiate(world, line, { reason: 'CUSTOMER_REQUEST_REFINANCE' });
    await world.twin.settle();
    const blocked = (await account(world, line)).account_closure;
    expect(blocked.status).toBe('BLOCKERS');
    expect(check(blocked, 'pending_transactions')).toMatchObject({ validated: false, details: { amount_owed: 3_000 } });

    await move(world.funding, line, 3_000);
    await advance(world, 3_600);
    await advance(world, 86_400);
    expect((await account(world, line)).status).toBe('CLOSED');
    await assertBooks(world);
  });

  it('charges the amount owed off under BANK_REQUEST_CHARGE_OFF and ends CHARGED_OFF', async () => {
    const line = await openLine();
    await move(line, world.funding, 2_000);
    await initiate(world, line, { reason: 'BANK_REQUEST_CHARGE_OFF' });
    await world.twin.settle();
    const closure = (await account(world, line)).account_closure;
    expect(check(closure, 'negative_balance')).toMatchObject({ validated: true, details: { amount: 2_000 } });
    expect(await balanceOf(world, line)).toBe(0);
    await advance(world, 86_400);
    const off = await account(world, line);
    expect(off).toMatchObject({ status: 'CHARGED_OFF', account_closure: { status: 'CHARGED_OFF' } });
    expect(off.close_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await assertBooks(world);
  });
});
