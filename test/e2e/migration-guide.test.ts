// Synctera's bank-migration guide, over real HTTP through the twin: the fintech re-creates a
// customer and its line of credit under the new bank, maps old to new with either bank's key,
// and both banks navigate between the records; the credit line's tradeline moves with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
const ids = { oldPerson: '', newPerson: '', oldLine: '', newLine: '', personMapping: '', accountMapping: '' };

const as =
  (bank: 'old' | 'new') =>
  (path: string, init: { method?: string; body?: unknown } = {}) =>
    call(`${twin.url}${path}`, { ...init, key: bank === 'old' ? twin.oldBank.api_key : twin.newBank.api_key });

/** Step 1 at either bank: a verified customer with a line of credit. */
const onboard = async (bank: 'old' | 'new') => {
  const api = as(bank);
  const person = await api('/v0/persons', { method: 'POST', body: PERSON_BODY });
  expect(person.status).toBe(201);
  const verified = await api('/v0/verifications/verify', { method: 'POST', body: { customer_consent: true, person_id: person.body.id } });
  expect(verified.body.verification_status).toBe('ACCEPTED');
  const line = await api('/v0/accounts', {
    method: 'POST',
    body: {
      account_type: 'LINE_OF_CREDIT',
      credit_limit: 300_000,
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: person.body.id }],
    },
  });
  expect(line.status).toBe(201);
  return { person: person.body.id as string, line: line.body.id as string, openDate: line.body.open_date as string };
};

let oldOpenDate: string;

beforeAll(async () => {
  twin = await startInProcessTwin();
  const old = await onboard('old');
  ids.oldPerson = old.person;
  ids.oldLine = old.line;
  oldOpenDate = old.openDate;
});
afterAll(async () => twin?.close());

describe('migrating to a new bank, as the guide walks it', () => {
  it('re-creates the customer and the account under the new bank', async () => {
    const fresh = await onboard('new');
    ids.newPerson = fresh.person;
    ids.newLine = fresh.line;
  });

  it('maps the person with the new bank key (tenant is the caller)', async () => {
    const response = await as('new')('/v0/migration_mappings', {
      method: 'POST',
      body: { resource_type: 'PERSON', resource_id: ids.newPerson, old_tenant: twin.oldBank.id, old_resource_id: ids.oldPerson },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ tenant: twin.newBank.id, old_tenant: twin.oldBank.id, resource_type: 'PERSON' });
    ids.personMapping = response.body.id;
  });

  it('maps the account with the old bank key, naming the new tenant', async () => {
    const response = await as('old')('/v0/migration_mappings', {
      method: 'POST',
      body: {
        resource_type: 'ACCOUNT',
        tenant: twin.newBank.id,
        resource_id: ids.newLine,
        old_tenant: twin.oldBank.id,
        old_resource_id: ids.oldLine,
      },
    });
    expect(response.status).toBe(201);
    ids.accountMapping = response.body.id;
  });

  it('"View Migrated Resource": each bank finds the other side from its own record', async () => {
    const fromOld = await as('old')(`/v0/migration_mappings?old_resource_id=${ids.oldPerson}`);
    expect(fromOld.body.migration_mappings.map((m: { resource_id: string }) => m.resource_id)).toEqual([ids.newPerson]);
    const fromNew = await as('new')(`/v0/migration_mappings?any_resource_id=${ids.newLine}`);
    expect(fromNew.body.migration_mappings.map((m: { old_resource_id: string }) => m.old_resource_id)).toEqual([ids.oldLine]);
    const both = await as('old')(`/v0/migration_mappings?tenant=${twin.newBank.id}&sort_by=creation_time:desc`);
    expect(both.body.migration_mappings.map((m: { id: string }) => m.id)).toEqual([ids.accountMapping, ids.personMapping]);
  });

  it("the credit line's tradeline moves: a sale at the old bank, a purchase at the new one", async () => {
    const sale = (await as('old')(`/v0/credit_reporting/tradeline_transfers?account_id=${ids.oldLine}`)).body.tradeline_transfers;
    const purchase = (await as('new')(`/v0/credit_reporting/tradeline_transfers?account_id=${ids.newLine}&direction=PURCHASE`)).body
      .tradeline_transfers;
    expect(sale).toHaveLength(1);
    expect(purchase).toHaveLength(1);
    expect(sale[0]).toMatchObject({
      direction: 'SALE',
      original_open_date: oldOpenDate,
      credit_limit: 300_000,
      seller_bank_name: 'old bank',
      buyer_bank_name: 'new bank',
      metro2: { account_status: '05' },
    });
    expect(purchase[0]).toMatchObject({
      direction: 'PURCHASE',
      original_open_date: oldOpenDate,
      metro2: { k2_segment: { purchased_from_sold_to_indicator: '1', purchased_from_sold_to_name: 'old bank' } },
    });
  });

  it('a mistaken mapping is deleted (soft) and its tradeline transfer reversed', async () => {
    const deleted = await as('new')(`/v0/migration_mappings/${ids.accountMapping}`, { method: 'DELETE' });
    expect(deleted.body).toEqual({ id: ids.accountMapping, resource: 'migration_mapping' });
    const shown = await as('old')(`/v0/migration_mappings/${ids.accountMapping}`);
    expect(shown.body.deletion_time).toEqual(expect.any(String));
    const sales = (await as('old')(`/v0/credit_reporting/tradeline_transfers?account_id=${ids.oldLine}`)).body.tradeline_transfers;
    expect(sales.map((t: { kind: string }) => t.kind)).toEqual(['TRANSFER', 'REVERSAL']);
    expect((await as('new')('/v0/migration_mappings?resource_type=ACCOUNT')).body.migration_mappings).toEqual([]);
  });
});
