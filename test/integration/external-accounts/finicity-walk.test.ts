import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, getItem } from '../../helpers/api.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import { writeTenantVendor } from '../../../functions/adapters/dynamodb/vendor-settings.js';
import { FINBANK, type FakeFinicity } from '../../../local/vendors/finicity/fake-finicity.js';
import { type Bank, del, newBank, person } from './helpers.js';
import { FINICITY_PARTNER, startVendors } from './vendors.js';

// The Finicity walk through the twin against the fake Finicity: a tenant set to FINICITY (or a
// `vendor` override on link_tokens), the Connect URL for the vendor customer, Finicity's Test
// Drive addall call in place of the user, sync with vendor_customer_id, balance, transactions,
// delete (the Finicity customer goes with the last account).

let finicity: FakeFinicity;
let bank: Bank;
let customerId: string;

beforeAll(async () => {
  ({ finicity } = await startVendors());
  bank = await newBank('ext-finicity-walk');
  await writeTenantVendor(bank.id, 'FINICITY');
  customerId = await person(bank, { first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' });
});

/** Finicity's own Test Drive call: what the user does in Connect, headless. */
const addAll = async (vendorCustomerId: string, password: string = FINBANK.password) => {
  const auth = await fetch(`${finicity.url}/aggregation/v2/partners/authentication`, {
    method: 'POST',
    headers: { 'Finicity-App-Key': FINICITY_PARTNER.app_key, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ partnerId: FINICITY_PARTNER.partner_id, partnerSecret: FINICITY_PARTNER.partner_secret }),
  });
  const { token } = (await auth.json()) as { token: string };
  return fetch(`${finicity.url}/aggregation/v1/customers/${vendorCustomerId}/institutions/${FINBANK.institutionId}/accounts/addall`, {
    method: 'POST',
    headers: {
      'Finicity-App-Key': FINICITY_PARTNER.app_key,
      'Finicity-App-Token': token,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify({
      credentials: [
        { name: 'Banking Userid', value: FINBANK.username, id: `${FINBANK.institutionId}001` },
        { name: 'Banking Password', value: password, id: `${FINBANK.institutionId}002` },
      ],
    }),
  });
};

const syncBody = (vendorCustomerId: string, extra: Record<string, unknown> = {}) => ({
  vendor: 'FINICITY',
  customer_type: 'PERSONAL',
  customer_id: customerId,
  vendor_customer_id: vendorCustomerId,
  ...extra,
});

describe('the Finicity walk', () => {
  const state: Record<string, any> = {};

  it('1. a link token is the Connect URL for the Finicity customer created for this customer', async () => {
    const response = await bank.api.post('/v0/external_accounts/link_tokens', {
      customer_id: customerId,
      client_name: 'Bankline test',
      country_codes: ['US'],
      language: 'EN',
      type: 'DEPOSITORY',
    });
    expect(response.status, response.rawBody).toBe(201);
    expect(response.body.vendor).toBe('FINICITY');
    const url = new URL(response.body.link_token);
    expect(url.searchParams.get('customerId')).toBe(response.body.vendor_customer_id);
    state.vendorCustomerId = response.body.vendor_customer_id;
    // A second link reuses the same Finicity customer.
    const again = await bank.api.post('/v0/external_accounts/link_tokens', {
      customer_id: customerId,
      client_name: 'Bankline test',
      country_codes: ['US'],
      language: 'EN',
      type: 'DEPOSITORY',
    });
    expect(again.body.vendor_customer_id).toBe(state.vendorCustomerId);
  });

  it('2. wrong Test Drive credentials link nothing; add_vendor_accounts with FINICITY is refused', async () => {
    expect((await addAll(state.vendorCustomerId, 'wrong')).status).toBe(400);
    expectProblem(
      await bank.api.post('/v0/external_accounts/add_vendor_accounts', { ...syncBody(state.vendorCustomerId), vendor_account_ids: ['1'] }),
      400,
      undefined,
      'sync_vendor_accounts',
    );
  });

  it('3. after Connect, sync adds every linked checking and savings account (owner verified); the card is not synced', async () => {
    expect((await addAll(state.vendorCustomerId)).status).toBe(200);
    const response = await bank.api.post(
      '/v0/external_accounts/sync_vendor_accounts',
      syncBody(state.vendorCustomerId, { verify_owner: true }),
    );
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body.failed_accounts).toEqual([]);
    expect(response.body.added_accounts.map((a: any) => a.type).sort()).toEqual(['CHECKING', 'SAVINGS']);
    const checking = response.body.added_accounts.find((a: any) => a.type === 'CHECKING');
    expect(checking).toMatchObject({
      verification: { vendor: 'FINICITY', status: 'VERIFIED' },
      account_identifiers: { number: '8888' },
      routing_identifiers: { ach_routing_number: '0022' },
      account_owner_names: ['Alberta Charleson'],
    });
    const item = await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, checking.id));
    expect(item?.account_identifiers.number).toBe('8000008888');
    state.accounts = response.body.added_accounts;
    state.checking = checking;
    const again = await bank.api.post('/v0/external_accounts/sync_vendor_accounts', syncBody(state.vendorCustomerId));
    expect(again.body).toMatchObject({ added_accounts: [], deleted_accounts: [], failed_accounts: [] });
  });

  it('4. balance and transactions come from Finicity in cents (start inclusive, end exclusive)', async () => {
    const balance = await bank.api.get(`/v0/external_accounts/${state.checking.id}/balance`);
    expect(balance.status, balance.rawBody).toBe(200);
    expect(balance.body).toMatchObject({ currency: 'USD', available: 120_025, current: 125_050 });
    const tx = await bank.api.get(`/v0/external_accounts/${state.checking.id}/transactions`, {
      start_date: '2026-01-10',
      end_date: '2026-01-31',
    });
    expect(tx.status, tx.rawBody).toBe(200);
    expect(tx.body.transactions.map((t: any) => [t.date, t.amount]).sort()).toEqual([
      ['2026-01-10', -1234],
      ['2026-01-15', 50_000],
    ]);
  });

  it('5. a vendor_customer_id of another customer is refused', async () => {
    const other = await person(bank);
    expectProblem(
      await bank.api.post('/v0/external_accounts/sync_vendor_accounts', { ...syncBody(state.vendorCustomerId), customer_id: other }),
      400,
      undefined,
      'vendor_customer_id',
    );
  });

  it('6. deleting both accounts removes the Finicity customer with the last one', async () => {
    const [first, second] = state.accounts;
    expect((await del(bank, first.id)).status).toBe(200);
    expect((await bank.api.get(`/v0/external_accounts/${second.id}/balance`)).status).toBe(200);
    expect((await del(bank, second.id)).status).toBe(200);
    expect((await addAll(state.vendorCustomerId)).status).toBe(404);
  });

  it('7. `vendor` on link_tokens overrides the tenant setting (Bankline extension)', async () => {
    const response = await bank.api.post('/v0/external_accounts/link_tokens', {
      customer_id: customerId,
      client_name: 'Bankline test',
      country_codes: ['US'],
      language: 'EN',
      type: 'DEPOSITORY',
      vendor: 'PLAID',
    });
    expect(response.status, response.rawBody).toBe(201);
    expect(response.body).toMatchObject({ vendor: 'PLAID' });
    expect(response.body.link_token).toMatch(/^link-sandbox-/);
  });
});
