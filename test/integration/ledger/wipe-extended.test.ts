import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimKeyOf, toExternalAccountRecord } from '../../../functions/adapters/dynamodb/external-account-items.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import { stripKeys } from '../../../functions/adapters/dynamodb/keys.js';
import { WEBHOOK_KEYS } from '../../../functions/adapters/dynamodb/webhook-keys.js';
import { getItem, queryPartition, table, TEST_TABLE } from '../../helpers/api.js';
import { acceptedPerson } from '../accounts/helpers.js';
import { fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// POST /v0/wipe also removes the tenant's disputes, payment schedules, external accounts (with
// their duplicate claims) and webhook delivery records; the subscriptions and the signing secret
// stay (contract §12.1).

let world: LedgerWorld;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-wipe-external');
});

describe('wipe of external-account and webhook data', () => {
  it('deletes external accounts, their claims and delivery records; keeps webhooks and the secret', async () => {
    const external = await world.api.post('/v0/external_accounts', {
      customer_id: world.holder,
      customer_type: 'PERSONAL',
      type: 'CHECKING',
      account_owner_names: ['Jane Doe'],
      account_identifiers: { number: '123456789' },
      routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
      currency: 'USD',
    });
    expect(external.status, external.rawBody).toBe(201);
    const stored = await getItem(EXTERNAL_ACCOUNT_KEYS.account(world.tenant.id, external.body.id));
    const claim = claimKeyOf(toExternalAccountRecord(stripKeys(stored as Record<string, unknown>)));
    expect(await getItem(claim)).toBeDefined();
    expect((await world.api.post('/v0/webhook_secrets')).status).toBe(201);
    const hook = await world.api.post('/v0/webhooks', { url: 'https://example.com/hook', enabled_events: ['ACCOUNT.*'], is_enabled: true });
    expect(hook.status, hook.rawBody).toBe(201);
    const eventId = randomUUID();
    const delivery = WEBHOOK_KEYS.delivery(world.tenant.id, hook.body.id, eventId);
    await table().send(
      new PutCommand({
        TableName: TEST_TABLE,
        Item: {
          ...delivery,
          gsi1pk: WEBHOOK_KEYS.deliveriesIndex(world.tenant.id, hook.body.id),
          gsi1sk: `2026-01-01T00:00:00.000Z#${eventId}`,
          ...WEBHOOK_KEYS.due(world.tenant.id, hook.body.id, eventId, '2026-01-01T00:00:00.000Z'),
          entity: 'DELIVERY',
          tenant: world.tenant.id,
        },
      }),
    );

    expect((await world.api.post('/v0/wipe', {})).status).toBe(204);

    expect((await world.api.get(`/v0/external_accounts/${external.body.id}`)).status).toBe(404);
    expect(await getItem(claim)).toBeUndefined();
    expect(await queryPartition(EXTERNAL_ACCOUNT_KEYS.accountsIndex(world.tenant.id), 'gsi1')).toEqual([]);
    expect(await getItem(delivery)).toBeUndefined();
    expect((await world.api.get(`/v0/webhooks/${hook.body.id}`)).status).toBe(200);
    expect(await getItem(WEBHOOK_KEYS.secret(world.tenant.id))).toBeDefined();
  });

  it('deletes disputes, payment schedules and their markers', async () => {
    world.holder = await acceptedPerson(world.api);
    const a = await openChecking(world);
    const b = await openChecking(world);
    const paid = await fund(world, a, 1_000);
    expect((await world.api.post('/v0/sandbox/disputes', { transaction_id: paid.id })).status).toBe(201);
    const today = (await world.api.get('/v0/sandbox/clock')).body.now.slice(0, 10);
    const schedule = await world.api.post('/v0/payment_schedules', {
      description: 'Savings',
      payment_instruction: {
        type: 'INTERNAL_TRANSFER',
        request: { amount: 100, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: a, receiving_account_id: b },
      },
      schedule: { frequency: 'DAILY', interval: 1, start_date: today, count: 3 },
    });
    expect(schedule.status, schedule.rawBody).toBe(201);
    expect((await world.api.post('/v0/wipe', {})).status).toBe(204);
    expect((await world.api.get('/v0/sandbox/disputes')).body.disputes).toEqual([]);
    expect((await world.api.get('/v0/payment_schedules')).body.payment_schedules).toEqual([]);
    expect((await world.api.get(`/v0/payment_schedules/${schedule.body.id}`)).status).toBe(404);
  });
});
