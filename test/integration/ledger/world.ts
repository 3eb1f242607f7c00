// A ledger test world: a tenant with accepted holders and funded CHECKING accounts, built through
// the real API and the real ledger use-cases, plus the invariants every money test asserts.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { externalAccountKey } from '../../../functions/adapters/dynamodb/external-account-directory.js';
import { tenantGlId } from '../../../functions/ledger/gl.js';
import type { BalanceRecord } from '../../../functions/ledger/model.js';
import { balanceDelta, rawAvailable } from '../../../functions/ledger/posting.js';
import { isBalanced, trialBalance } from '../../../functions/ledger/trial-balance.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { ledgerContext } from '../../../functions/wiring/ledger.js';
import type { Clock } from '../../../functions/shared/clock.js';
import { systemClock } from '../../../functions/shared/clock.js';
import { table, TEST_TABLE } from '../../helpers/api.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from '../accounts/helpers.js';

export interface LedgerWorld extends AccountsWorld {
  holder: string;
  ctx: (clock?: Clock) => ReturnType<typeof ledgerContext>;
  funding: string;
}

export const newLedgerWorld = async (label: string): Promise<LedgerWorld> => {
  const world = await newWorld(label);
  const holder = await acceptedPerson(world.api);
  const ctx = (clock: Clock = systemClock) =>
    ledgerContext({ tenantId: world.tenant.id, clock, audit: { request_id: 'test', api_key_id: 'test', method: 'TEST', path: '/test' } });
  return { ...world, holder, ctx, funding: tenantGlId(world.tenant.id, 'FUNDING') };
};

export const openChecking = async (world: LedgerWorld, extra: Record<string, unknown> = {}): Promise<string> =>
  (await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(world.holder), ...extra })).id as string;

/** Funds an account from the tenant's FUNDING GL (a platform movement). */
export const fund = async (world: LedgerWorld, accountId: string, amount: number) =>
  createTransfer(
    world.ctx(),
    { amount, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: world.funding, receiving_account_id: accountId },
    'PLATFORM',
  );

/**
 * An external account stored as the external-accounts domain stores it (ACH needs one to pay
 * to or pull from); the holder's, ACTIVE and VERIFIED unless told otherwise.
 */
export const storedExternalAccount = async (
  world: LedgerWorld,
  { owner = world.holder, status = 'ACTIVE', verification = 'VERIFIED' }: { owner?: string; status?: string; verification?: string } = {},
): Promise<string> => {
  const id = randomUUID();
  await table().send(
    new PutCommand({
      TableName: TEST_TABLE,
      Item: {
        ...externalAccountKey(world.tenant.id, id),
        id,
        tenant: world.tenant.id,
        customer_id: owner,
        status,
        verification: { status: verification },
        routing_identifiers: { ach_routing_number: '021000021' },
        account_identifiers: { number: '123456789' },
      },
    }),
  );
  return id;
};

/** Trial balance zero; no deposit below zero available; every account's balance-after chain ends at its balance. */
export const assertBooks = async (world: LedgerWorld): Promise<BalanceRecord[]> => {
  const ctx = world.ctx();
  const rows = await trialBalance(ctx);
  expect(isBalanced(rows), JSON.stringify(rows)).toBe(true);
  const books = await ctx.store.books(world.tenant.id);
  for (const account of books.customers) {
    if (account.family === 'DEPOSIT') expect(rawAvailable(account)).toBeGreaterThanOrEqual(account.balance_floor?.balance ?? 0);
    const lines = await ctx.store.accountLines(world.tenant.id, account.account_id);
    let running = 0;
    for (const line of lines) {
      running += balanceDelta(account.family, line);
      expect(line.balance_after).toBe(running);
    }
    expect(running).toBe(account.account_balance);
  }
  return books.customers;
};
