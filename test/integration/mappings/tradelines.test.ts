import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../../helpers/api.js';
import { createAccount, primary } from '../accounts/helpers.js';
import { account, type Bank, mappingBody, newMigrationWorld, person, type MigrationWorld } from './helpers.js';

// Tradeline transfers: a credit ACCOUNT mapping records a SALE on the old tenant and a
// PURCHASE on the new one, in the mapping's transaction; deleting or re-pointing reverses them
// with new records; deposit accounts record nothing.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('tradelines');
});

const TRANSFERS = '/v0/credit_reporting/tradeline_transfers';
const transfersOf = async (api: ApiClient, accountId: string, query: Record<string, string> = {}) => {
  const response = await api.get(TRANSFERS, { account_id: accountId, ...query });
  if (response.status !== 200) throw new Error(`${response.status} ${response.rawBody}`);
  return response.body.tradeline_transfers as any[];
};
const mapAccounts = async (newId: string, oldId: string) => {
  const response = await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newId, oldId));
  if (response.status !== 201) throw new Error(`${response.status} ${response.rawBody}`);
  return response;
};

describe('a credit account mapping', () => {
  it.each(['LINE_OF_CREDIT', 'CHARGE_UNSECURED', 'CREDIT_CARD'])(
    '%s: records a SALE on the old bank and a PURCHASE on the new bank with the Metro 2 fields',
    async (type) => {
      const [oldLine, newLine] = await Promise.all([
        account(world.old, type, type === 'LINE_OF_CREDIT' ? { credit_limit: 250_000 } : {}),
        account(world.new, type),
      ]);
      const mapping = (await mapAccounts(newLine.id, oldLine.id)).body;
      const [sale] = await transfersOf(world.old.api, oldLine.id);
      const [purchase] = await transfersOf(world.new.api, newLine.id);
      const oldBank = world.old.tenant.tenant.name;
      const newBank = world.new.tenant.tenant.name;
      const common = {
        kind: 'TRANSFER',
        mapping_id: mapping.id,
        account_type: type,
        original_open_date: oldLine.open_date,
        seller_bank_name: oldBank,
        buyer_bank_name: newBank,
        transfer_date: mapping.creation_time.slice(0, 10),
        currency: 'USD',
      };
      expect(sale).toMatchObject({
        ...common,
        tenant: world.old.id,
        direction: 'SALE',
        account_id: oldLine.id,
        counterparty_tenant: world.new.id,
        counterparty_account_id: newLine.id,
        metro2: {
          account_status: '05',
          k2_segment: { segment_identifier: 'K2', purchased_from_sold_to_indicator: '2', purchased_from_sold_to_name: newBank },
        },
      });
      expect(purchase).toMatchObject({
        ...common,
        tenant: world.new.id,
        direction: 'PURCHASE',
        account_id: newLine.id,
        counterparty_account_id: oldLine.id,
        metro2: { k2_segment: { segment_identifier: 'K2', purchased_from_sold_to_indicator: '1', purchased_from_sold_to_name: oldBank } },
      });
      expect(sale.credit_limit).toBe(oldLine.credit_limit ?? null);
      expect(sale.highest_credit).toBe(oldLine.credit_limit ?? 0);
    },
  );

  it('a deposit account mapping records no tradeline', async () => {
    const [oldChecking, newChecking] = await Promise.all([account(world.old), account(world.new)]);
    await mapAccounts(newChecking.id, oldChecking.id);
    expect(await transfersOf(world.old.api, oldChecking.id)).toEqual([]);
    expect(await transfersOf(world.new.api, newChecking.id)).toEqual([]);
  });

  it('the create is still one TransactWriteItems', async () => {
    const [oldLine, newLine] = await Promise.all([account(world.old, 'LINE_OF_CREDIT'), account(world.new, 'LINE_OF_CREDIT')]);
    const response = await mapAccounts(newLine.id, oldLine.id);
    expect(response.dynamoCalls.TransactWriteItemsCommand).toBe(1);
    expect(response.dynamoCalls.QueryCommand).toBeUndefined();
  });
});

/** A CHARGE_SECURED account: its holder's CHECKING account secures it. */
const securedAccount = async (b: Bank): Promise<any> => {
  const holder = await person(b);
  const checking = await createAccount(b.api, { account_type: 'CHECKING', relationships: primary(holder) });
  return createAccount(b.api, {
    account_type: 'CHARGE_SECURED',
    relationships: primary(holder),
    security: { linked_account_id: checking.id },
  });
};

describe('a CHARGE_SECURED mapping', () => {
  it('records a SALE and a PURCHASE, and deleting the mapping reverses both', async () => {
    const [oldCharge, newCharge] = await Promise.all([securedAccount(world.old), securedAccount(world.new)]);
    const mapping = (await mapAccounts(newCharge.id, oldCharge.id)).body;
    const [sale] = await transfersOf(world.old.api, oldCharge.id);
    const [purchase] = await transfersOf(world.new.api, newCharge.id);
    const common = { kind: 'TRANSFER', mapping_id: mapping.id, account_type: 'CHARGE_SECURED', original_open_date: oldCharge.open_date };
    expect(sale).toMatchObject({
      ...common,
      direction: 'SALE',
      account_id: oldCharge.id,
      counterparty_account_id: newCharge.id,
      metro2: { account_status: '05', k2_segment: { purchased_from_sold_to_indicator: '2' } },
    });
    expect(purchase).toMatchObject({
      ...common,
      direction: 'PURCHASE',
      account_id: newCharge.id,
      counterparty_account_id: oldCharge.id,
      metro2: { k2_segment: { purchased_from_sold_to_indicator: '1', purchased_from_sold_to_name: world.old.tenant.tenant.name } },
    });
    // The backing CHECKING accounts are deposit accounts: nothing is recorded for them.
    expect(await transfersOf(world.old.api, oldCharge.security.linked_account_id)).toEqual([]);

    expect((await world.new.api.call({ method: 'DELETE', path: `/v0/migration_mappings/${mapping.id}` })).status).toBe(200);
    const oldSide = await transfersOf(world.old.api, oldCharge.id);
    const newSide = await transfersOf(world.new.api, newCharge.id);
    expect(oldSide.map((t) => [t.kind, t.direction, t.reverses_id ?? null])).toEqual([
      ['TRANSFER', 'SALE', null],
      ['REVERSAL', 'SALE', sale.id],
    ]);
    expect(newSide.map((t) => [t.kind, t.direction, t.reverses_id ?? null])).toEqual([
      ['TRANSFER', 'PURCHASE', null],
      ['REVERSAL', 'PURCHASE', purchase.id],
    ]);
    expect(oldSide[0]).toEqual(sale);
    expect(newSide[0]).toEqual(purchase);
  });
});

describe('reversal', () => {
  it('deleting the mapping records REVERSAL records pointing at the originals, which stay', async () => {
    const [oldLine, newLine] = await Promise.all([account(world.old, 'LINE_OF_CREDIT'), account(world.new, 'LINE_OF_CREDIT')]);
    const mapping = (await mapAccounts(newLine.id, oldLine.id)).body;
    const [sale] = await transfersOf(world.old.api, oldLine.id);
    const [purchase] = await transfersOf(world.new.api, newLine.id);
    expect((await world.new.api.call({ method: 'DELETE', path: `/v0/migration_mappings/${mapping.id}` })).status).toBe(200);
    const oldSide = await transfersOf(world.old.api, oldLine.id);
    const newSide = await transfersOf(world.new.api, newLine.id);
    expect(oldSide).toHaveLength(2);
    expect(newSide).toHaveLength(2);
    expect(oldSide[0]).toEqual(sale);
    expect(newSide[0]).toEqual(purchase);
    expect(oldSide[1]).toMatchObject({
      kind: 'REVERSAL',
      direction: 'SALE',
      reverses_id: sale.id,
      account_id: oldLine.id,
      metro2: { account_status: null, k2_segment: { purchased_from_sold_to_indicator: '9' } },
    });
    expect(newSide[1]).toMatchObject({
      kind: 'REVERSAL',
      direction: 'PURCHASE',
      reverses_id: purchase.id,
      metro2: { k2_segment: { purchased_from_sold_to_indicator: '9' } },
    });
  });

  it('re-pointing a credit mapping reverses the old transfer and records a new one', async () => {
    const [oldLine, newLine, otherNewLine] = await Promise.all([
      account(world.old, 'LINE_OF_CREDIT'),
      account(world.new, 'LINE_OF_CREDIT'),
      account(world.new, 'LINE_OF_CREDIT'),
    ]);
    const mapping = (await mapAccounts(newLine.id, oldLine.id)).body;
    const patched = await world.new.api.patch(`/v0/migration_mappings/${mapping.id}`, { resource_id: otherNewLine.id });
    expect(patched.status, patched.rawBody).toBe(200);
    expect((await transfersOf(world.new.api, newLine.id)).map((t) => t.kind)).toEqual(['TRANSFER', 'REVERSAL']);
    expect((await transfersOf(world.new.api, otherNewLine.id)).map((t) => [t.kind, t.direction])).toEqual([['TRANSFER', 'PURCHASE']]);
    // The reversal and the new transfer are written together (same creation_time).
    const sales = await transfersOf(world.old.api, oldLine.id);
    expect(sales.map((t) => `${t.kind}:${t.counterparty_account_id}`).sort()).toEqual(
      [`REVERSAL:${newLine.id}`, `TRANSFER:${newLine.id}`, `TRANSFER:${otherNewLine.id}`].sort(),
    );
  });
});

describe('listing', () => {
  it('filters by direction and pages; bad filters are 400', async () => {
    const [oldLine, newLine] = await Promise.all([account(world.old, 'CREDIT_CARD'), account(world.new, 'CREDIT_CARD')]);
    await mapAccounts(newLine.id, oldLine.id);
    expect(await transfersOf(world.old.api, oldLine.id, { direction: 'PURCHASE' })).toEqual([]);
    expect(await transfersOf(world.old.api, oldLine.id, { direction: 'SALE' })).toHaveLength(1);
    const all = await world.old.api.get(TRANSFERS, { direction: 'SALE', limit: 1 });
    expect(all.body.tradeline_transfers).toHaveLength(1);
    expect(all.body.next_page_token).toEqual(expect.any(String));
    expect(Object.keys(all.dynamoCalls)).toEqual(['QueryCommand']);
    expectProblem(await world.old.api.get(TRANSFERS, { direction: 'SOLD' }), 400, 'BAD_QUERY_PARAMETER', 'direction');
    expectProblem(await world.old.api.get(TRANSFERS, { account_id: 'x' }), 400, 'BAD_QUERY_PARAMETER', 'account_id');
  });
});
