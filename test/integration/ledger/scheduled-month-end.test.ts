import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../../../functions/adapters/dynamodb/keys.js';
import { ledgerTenantRegistry } from '../../../functions/adapters/dynamodb/ledger-tenant-registry.js';
import { fixedClock } from '../../../functions/ledger/sandbox-clock.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { handler } from '../../../functions/schedules/ledger-due-work.js';
import { dueWorkAt } from '../../../functions/wiring/ledger.js';
import { eventsOf, table, TEST_TABLE } from '../../helpers/api.js';
import { assertBooks, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// The scheduled job in AWS visits every tenant once a day, not only those the due index names
// (holds, ACH): a tenant with nothing due but an account with a balance gets its month-end
// statement, exactly once however often the job runs; an account closed during the month too.
// The month is long past (January 2020), so the job's pass over the shared table's other
// tenants finds nothing of theirs due.

let world: LedgerWorld;

const scheduled = (time: string, id: string) =>
  ({
    id,
    time,
    version: '0',
    account: '000000000000',
    region: 'us-east-1',
    source: 'aws.events',
    'detail-type': 'Scheduled Event',
    resources: [],
    detail: {},
  }) as ScheduledEvent;

/** A platform movement on a fixed day of January 2020. */
const move = (day: string, from: string, to: string, amount: number) =>
  createTransfer(
    world.ctx(fixedClock(new Date(`2020-01-${day}T12:00:00Z`))),
    { amount, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: from, receiving_account_id: to },
    'PLATFORM',
  );

const statementsOf = async (account: string) => {
  const res = await world.api.get(`/v0/statements?account_id=${account}`);
  expect(res.status, res.rawBody).toBe(200);
  return res.body.statements as Record<string, unknown>[];
};

beforeAll(async () => {
  world = await newLedgerWorld('ledger-month-end');
});

describe('the scheduled job at month end', () => {
  it('lists every new tenant for the daily work (no Scan: one Query of the registry)', async () => {
    expect(await ledgerTenantRegistry.tenants()).toContain(world.tenant.id);
  });

  it('issues the statement of a tenant with no holds or ACH, and of an account closed in the month, once after two runs', async () => {
    const kept = await openChecking(world);
    const closed = await openChecking(world);
    await move('10', world.funding, kept, 5_000);
    await move('10', world.funding, closed, 1_200);
    await move('20', closed, kept, 1_200);
    const closing = await world.api.patch(`/v0/accounts/${closed}`, { status: 'CLOSED' });
    expect(closing.status, closing.rawBody).toBe(200);

    const first = await handler(scheduled('2020-02-01T06:00:00Z', 'month-end-1'));
    expect(first.failed).toBe(0);
    await handler(scheduled('2020-02-01T06:05:00Z', 'month-end-2'));

    expect(await statementsOf(kept)).toEqual([
      expect.objectContaining({
        start_date: '2020-01-01',
        end_date: '2020-01-31',
        opening_balance: 0,
        closing_balance: 6_200,
        transaction_count: 2,
      }),
    ]);
    expect(await statementsOf(closed)).toEqual([
      expect.objectContaining({
        start_date: '2020-01-01',
        end_date: '2020-01-31',
        opening_balance: 0,
        closing_balance: 0,
        transaction_count: 2,
      }),
    ]);
    // The day's marker spared the second run; without it the work is still done once (derived ids).
    const again = await dueWorkAt(world.tenant.id, new Date('2020-02-02T06:00:00Z'), {
      request_id: 'test',
      api_key_id: 'test',
      method: 'TEST',
      path: '/test',
    });
    expect(again.statements).toBe(0);
    expect(await statementsOf(kept)).toHaveLength(1);
    expect((await eventsOf(world.tenant.id)).filter((e) => e.type === 'STATEMENT.CREATED')).toHaveLength(2);
    expect(await ledgerTenantRegistry.ranOn(world.tenant.id, '2020-02-01')).toBe(true);
    await assertBooks(world);
  });

  it('back-fills a tenant created before the registry once the due index names it (an expiring hold)', async () => {
    const old = await newLedgerWorld('ledger-month-end-old');
    await table().send(
      new UpdateCommand({ TableName: TEST_TABLE, Key: KEYS.tenant(old.tenant.id), UpdateExpression: 'REMOVE gsi9pk, gsi9sk' }),
    );
    expect(await ledgerTenantRegistry.tenants()).not.toContain(old.tenant.id);
    const account = await openChecking(old);
    await createTransfer(
      old.ctx(fixedClock(new Date('2020-03-10T12:00:00Z'))),
      {
        amount: 100,
        currency: 'USD',
        type: 'ACCOUNT_TO_ACCOUNT',
        originating_account_id: old.funding,
        receiving_account_id: account,
        capture_mode: 'MANUAL',
        expires_at: '2020-03-10T13:00:00Z',
      },
      'PLATFORM',
    );
    await handler(scheduled('2020-03-10T14:00:00Z', 'backfill'));
    expect(await ledgerTenantRegistry.tenants()).toContain(old.tenant.id);
    // Never an item for a tenant that does not exist.
    await ledgerTenantRegistry.list('no-such-tenant');
    expect(await ledgerTenantRegistry.tenants()).not.toContain('no-such-tenant');
  });
});
