import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalVendors, startLocalVendors } from '../../local/vendors/local-vendors.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

// The README's external-accounts walkthrough over HTTP through the twin and its sandbox vendors,
// as a developer runs it with curl: Plaid (sandbox public token → access token → add → balance →
// transactions → delete) and Finicity (tenant setting → Connect URL → Test Drive addall → sync).

let twin: InProcessTwin;
let vendors: LocalVendors;

beforeAll(async () => {
  vendors = await startLocalVendors(mkdtempSync(join(tmpdir(), 'bankline-e2e-vendors-')));
  twin = await startInProcessTwin();
});
afterAll(async () => {
  await twin.close();
  await vendors.close();
});

const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
  call(`${twin.url}${path}`, { key: twin.oldBank.api_key, ...init });

const newCustomer = async () =>
  (
    await api('/v0/persons', {
      method: 'POST',
      body: { status: 'ACTIVE', first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' },
    })
  ).body.id as string;

describe('the external-accounts walkthrough over HTTP', () => {
  it('Plaid: link token, sandbox public token, access token, add, balance, transactions, delete', async () => {
    const customer = await newCustomer();
    const link = await api('/v0/external_accounts/link_tokens', {
      method: 'POST',
      body: { customer_id: customer, client_name: 'Demo app', country_codes: ['US'], language: 'EN', type: 'DEPOSITORY' },
    });
    expect(link.status, link.text).toBe(201);
    const sandbox = await call(`${vendors.plaid.url}/sandbox/public_token/create`, {
      method: 'POST',
      body: { client_id: vendors.plaid.client_id, secret: vendors.plaid.secret, institution_id: 'ins_109508', initial_products: ['auth'] },
    });
    const access = await api('/v0/external_accounts/access_tokens', {
      method: 'POST',
      body: { customer_id: customer, vendor_public_token: sandbox.body.public_token, vendor_institution_id: 'ins_109508' },
    });
    expect(access.status, access.text).toBe(201);
    const accounts = await call(`${vendors.plaid.url}/accounts/get`, {
      method: 'POST',
      body: { client_id: vendors.plaid.client_id, secret: vendors.plaid.secret, access_token: access.body.vendor_access_token },
    });
    const added = await api('/v0/external_accounts/add_vendor_accounts', {
      method: 'POST',
      body: {
        vendor: 'PLAID',
        customer_type: 'PERSONAL',
        customer_id: customer,
        vendor_access_token: access.body.vendor_access_token,
        vendor_account_ids: [accounts.body.accounts[0].account_id],
        verify_owner: true,
      },
    });
    expect(added.status, added.text).toBe(200);
    const id = added.body.added_accounts[0].id as string;
    expect((await api(`/v0/external_accounts/${id}/balance`)).body).toMatchObject({ available: 10_000, current: 11_000 });
    const tx = await api(`/v0/external_accounts/${id}/transactions?start_date=2026-01-01&end_date=2026-02-01`);
    expect(tx.body.transactions).toHaveLength(3);
    expect((await api(`/v0/external_accounts/${id}`, { method: 'DELETE' })).body).toEqual({ id, resource: 'external_account' });
  });

  it('Finicity: the vendor override, the Connect URL, Test Drive addall, sync', async () => {
    const customer = await newCustomer();
    const link = await api('/v0/external_accounts/link_tokens', {
      method: 'POST',
      body: {
        customer_id: customer,
        client_name: 'Demo app',
        country_codes: ['US'],
        language: 'EN',
        type: 'DEPOSITORY',
        vendor: 'FINICITY',
      },
    });
    expect(link.status, link.text).toBe(201);
    const vendorCustomer = link.body.vendor_customer_id as string;
    expect(new URL(link.body.link_token).searchParams.get('customerId')).toBe(vendorCustomer);
    const headers = { 'Finicity-App-Key': vendors.finicity.app_key };
    const auth = await call(`${vendors.finicity.url}/aggregation/v2/partners/authentication`, {
      method: 'POST',
      headers,
      body: { partnerId: vendors.finicity.partner_id, partnerSecret: vendors.finicity.partner_secret },
    });
    const addAll = await call(`${vendors.finicity.url}/aggregation/v1/customers/${vendorCustomer}/institutions/102105/accounts/addall`, {
      method: 'POST',
      headers: { ...headers, 'Finicity-App-Token': auth.body.token },
      body: {
        credentials: [
          { name: 'Banking Userid', value: 'profile_03', id: '102105001' },
          { name: 'Banking Password', value: 'profile_03', id: '102105002' },
        ],
      },
    });
    expect(addAll.status, addAll.text).toBe(200);
    const sync = await api('/v0/external_accounts/sync_vendor_accounts', {
      method: 'POST',
      body: { vendor: 'FINICITY', customer_type: 'PERSONAL', customer_id: customer, vendor_customer_id: vendorCustomer },
    });
    expect(sync.status, sync.text).toBe(200);
    expect(sync.body.added_accounts).toHaveLength(2);
  });
});
