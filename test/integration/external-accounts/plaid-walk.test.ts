import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, getItem, queryPartition } from '../../helpers/api.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import type { FakePlaid } from '../../../local/vendors/plaid/fake-plaid.js';
import { type Bank, del, newBank, person } from './helpers.js';
import { plaidCall, startVendors } from './vendors.js';

// The guide's Plaid walk through the twin against the fake Plaid: link token → Link → access
// token → add accounts → balance → transactions → update mode → sync → delete.

let plaid: FakePlaid;
let bank: Bank;
let customerId: string;

beforeAll(async () => {
  ({ plaid } = await startVendors());
  bank = await newBank('ext-plaid-walk');
  customerId = await person(bank, { first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' });
});

const linkTokenBody = (extra: Record<string, unknown> = {}) => ({
  customer_id: customerId,
  client_name: 'Bankline test',
  country_codes: ['US'],
  language: 'EN',
  type: 'DEPOSITORY',
  ...extra,
});

describe('the guide’s Plaid walk', () => {
  const state: Record<string, any> = {};

  it('1. creates a link token', async () => {
    const response = await bank.api.post('/v0/external_accounts/link_tokens', linkTokenBody());
    expect(response.status, response.rawBody).toBe(201);
    expect(response.body).toMatchObject({ customer_id: customerId, type: 'DEPOSITORY', vendor: 'PLAID' });
    expect(response.body.link_token).toMatch(/^link-sandbox-/);
    expect(Date.parse(response.body.expiration)).toBeGreaterThan(Date.now() + 3.9 * 3_600_000);
    state.linkToken = response.body.link_token;
  });

  it('2. Link: the user logs in at First Platypus and shares checking only; the access token is exchanged', async () => {
    const done = await plaidCall(plaid, '/link/bankline/complete', {
      link_token: state.linkToken,
      institution_id: 'ins_109508',
      username: 'user_good',
      password: 'pass_good',
      account_ids: ['chk', 'cc'],
    });
    state.checkingId = done.accounts.find((a: any) => a.subtype === 'checking').id;
    state.creditId = done.accounts.find((a: any) => a.subtype === 'credit card').id;
    const response = await bank.api.post('/v0/external_accounts/access_tokens', {
      customer_id: customerId,
      vendor_public_token: done.public_token,
      vendor_institution_id: 'ins_109508',
    });
    expect(response.status, response.rawBody).toBe(201);
    expect(response.body.vendor_access_token).toMatch(/^access-sandbox-/);
    state.accessToken = response.body.vendor_access_token;
    // Stored encrypted only.
    const links = await queryPartition(`TENANT#${bank.id}#VENDOR_LINK#`, 'table');
    expect(links).toEqual([]);
  });

  it('3. adds the checking account with owner verification; the credit card fails as unsupported, an unknown id as not found', async () => {
    const response = await bank.api.post('/v0/external_accounts/add_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: state.accessToken,
      vendor_account_ids: [state.checkingId, state.creditId, 'nope'],
      verify_owner: true,
    });
    expect(response.status, response.rawBody).toBe(200);
    const [added] = response.body.added_accounts;
    expect(response.body.added_accounts).toHaveLength(1);
    expect(added).toMatchObject({
      customer_id: customerId,
      type: 'CHECKING',
      name: 'Plaid Gold Standard 0% Interest Checking',
      account_owner_names: ['Alberta Bobbeth Charleson'],
      account_identifiers: { number: '0000' },
      routing_identifiers: { bank_name: 'First Platypus Bank', ach_routing_number: '1533', wire_routing_number: '0021' },
      verification: { vendor: 'PLAID', status: 'VERIFIED' },
      vendor_account_id: state.checkingId,
      vendor_data: { account_number_mask: '0000', institution_id: 'ins_109508' },
    });
    expect(response.body.failed_accounts).toEqual([
      expect.objectContaining({ vendor_account_id: state.creditId, reason: 'UNSUPPORTED_ACCOUNT_TYPE' }),
      expect.objectContaining({ vendor_account_id: 'nope', reason: 'ACCOUNT_NOT_FOUND' }),
    ]);
    state.account = added;
    const item = await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, added.id));
    expect(item?.account_identifiers.number).toBe('1111222233330000');
    expect(item?.routing_identifiers.ach_routing_number).toBe('011401533');
    const link = await getItem(EXTERNAL_ACCOUNT_KEYS.vendorLink(bank.id, item?.vendor_link_id));
    expect(link?.access_token_ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(link)).not.toContain(state.accessToken);
    const events = (await eventsOf(bank.id)).filter((e) => e.resource_id === added.id);
    expect(events.map((e) => e.type)).toEqual(['EXTERNAL_ACCOUNT.CREATED']);
    expect(JSON.stringify(events)).not.toContain(state.accessToken);
    expect(JSON.stringify(events)).not.toContain('1111222233330000');
  });

  it('3b. adding the same account again reports DUPLICATE_ACCOUNT', async () => {
    const response = await bank.api.post('/v0/external_accounts/add_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: state.accessToken,
      vendor_account_ids: [state.checkingId],
    });
    expect(response.body).toMatchObject({
      added_accounts: [],
      failed_accounts: [{ vendor_account_id: state.checkingId, reason: 'DUPLICATE_ACCOUNT' }],
    });
  });

  it('4. reads the balance in integer cents', async () => {
    const response = await bank.api.get(`/v0/external_accounts/${state.account.id}/balance`);
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body).toMatchObject({ currency: 'USD', available: 10_000, current: 11_000, limit: null });
    expect(response.body.last_updated_time_vendor).toBeDefined();
  });

  it('4b. max_age newer than the bank’s data fails, naming the vendor error', async () => {
    const response = await bank.api.get(`/v0/external_accounts/${state.account.id}/balance`, { max_age: '60' });
    expectProblem(response, 400, 'VENDOR_ERROR', 'LAST_UPDATED_DATETIME_OUT_OF_RANGE');
    expect((await bank.api.get(`/v0/external_accounts/${state.account.id}/balance`, { max_age: '3600' })).status).toBe(200);
  });

  it('5. lists transactions: start inclusive, end exclusive, cents with money in positive', async () => {
    const response = await bank.api.get(`/v0/external_accounts/${state.account.id}/transactions`, {
      start_date: '2026-01-10',
      end_date: '2026-01-31',
    });
    expect(response.status, response.rawBody).toBe(200);
    const byDate = Object.fromEntries(response.body.transactions.map((t: any) => [t.date, t]));
    expect(Object.keys(byDate).sort()).toEqual(['2026-01-10', '2026-01-15']);
    expect(byDate['2026-01-10']).toMatchObject({
      amount: -1234,
      currency: 'USD',
      merchant_name: 'Starbucks',
      payment_channel: 'IN_STORE',
      is_pending: false,
    });
    expect(byDate['2026-01-15']).toMatchObject({ amount: 50_000, payment_method: 'ACH', payment_channel: 'OTHER' });
    const withEnd = await bank.api.get(`/v0/external_accounts/${state.account.id}/transactions`, {
      start_date: '2026-01-10',
      end_date: '2026-02-01',
    });
    expect(withEnd.body.transactions.map((t: any) => t.date).sort()).toEqual(['2026-01-10', '2026-01-15', '2026-01-31']);
  });

  it('5b. refuses a bad window with 422', async () => {
    const path = `/v0/external_accounts/${state.account.id}/transactions`;
    expectProblem(await bank.api.get(path, { start_date: '2026-01-10' }), 422, undefined, 'end_date');
    expectProblem(await bank.api.get(path, { start_date: '2026-02-01', end_date: '2026-01-01' }), 422, undefined, 'before');
    expectProblem(await bank.api.get(path, { start_date: '2026-13-01', end_date: '2026-14-01' }), 422, undefined, 'start_date');
  });

  it('5c. refreshes transactions for every account of the item', async () => {
    const response = await bank.api.post(`/v0/external_accounts/${state.account.id}/refresh_transactions`, {});
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body.transactions_synced).toBeGreaterThan(0);
  });

  it('6. after reset_login, reads answer ITEM_LOGIN_REQUIRED with what to do; sync reports PROVIDER_ERROR per account', async () => {
    await plaidCall(plaid, '/sandbox/item/reset_login', { access_token: state.accessToken });
    const balance = await bank.api.get(`/v0/external_accounts/${state.account.id}/balance`);
    expectProblem(balance, 400, 'ITEM_LOGIN_REQUIRED', 'update-mode link token');
    expect(balance.rawBody).not.toContain(state.accessToken);
    const sync = await bank.api.post('/v0/external_accounts/sync_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: state.accessToken,
    });
    expect(sync.status, sync.rawBody).toBe(200);
    expect(sync.body.failed_accounts).toEqual([
      expect.objectContaining({ vendor_account_id: state.checkingId, reason: 'PROVIDER_ERROR', vendor_request_id: expect.any(String) }),
    ]);
  });

  it('7. update mode: the link token carries the item; the user logs in again and now shares savings instead of checking', async () => {
    const response = await bank.api.post(
      '/v0/external_accounts/link_tokens',
      linkTokenBody({ vendor_institution_id: 'ins_109508', vendor_access_token: state.accessToken }),
    );
    expect(response.status, response.rawBody).toBe(201);
    await plaidCall(plaid, '/link/bankline/complete', {
      link_token: response.body.link_token,
      username: 'user_good',
      password: 'pass_good',
      account_ids: ['sav'],
    });
    // The item is healthy again; the checking account is no longer shared, so its balance is gone.
    expect((await plaidCall(plaid, '/accounts/get', { access_token: state.accessToken })).accounts).toHaveLength(1);
    expectProblem(await bank.api.get(`/v0/external_accounts/${state.account.id}/balance`), 400, 'ITEM_NOT_FOUND');
  });

  it('8. sync adds the newly shared savings account and deletes the unshared checking', async () => {
    const response = await bank.api.post('/v0/external_accounts/sync_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: state.accessToken,
    });
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body.added_accounts.map((a: any) => a.type)).toEqual(['SAVINGS']);
    expect(response.body.deleted_accounts.map((a: any) => a.id)).toEqual([state.account.id]);
    expect(response.body.failed_accounts).toEqual([]);
    state.savings = response.body.added_accounts[0];
    expect((await bank.api.get(`/v0/external_accounts/${state.account.id}`)).body.status).toBe('DELETED');
  });

  it('9. deleting the last live account removes the item at Plaid and the stored token', async () => {
    const linkId = (await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, state.savings.id)))?.vendor_link_id;
    const response = await del(bank, state.savings.id);
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body).toEqual({ id: state.savings.id, resource: 'external_account' });
    expect(await getItem(EXTERNAL_ACCOUNT_KEYS.vendorLink(bank.id, linkId))).toBeUndefined();
    await expect(plaidCall(plaid, '/accounts/get', { access_token: state.accessToken })).rejects.toThrow(/ITEM_NOT_FOUND/);
  });
});
