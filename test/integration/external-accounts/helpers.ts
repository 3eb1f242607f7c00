// Shared setup for the external-accounts suites: a tenant with a person and a business created
// through the real API, and a second tenant for isolation.
import { randomBytes } from 'node:crypto';
import { clientFor, type ApiClient } from '../../helpers/api.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';
import { createBusiness, createPerson } from '../accounts/helpers.js';

// The vendor function checks its vendor settings at cold start, like any Lambda; suites that never
// reach a vendor (DELETE of a manual account) still need them present. vendors.ts points them at
// the fakes when a suite starts those.
process.env.VENDOR_ENVIRONMENT ||= 'sandbox';
process.env.PLAID_BASE_URL ||= 'http://127.0.0.1:9';
process.env.FINICITY_BASE_URL ||= 'http://127.0.0.1:9';
process.env.VENDOR_CREDENTIALS ||= '{}';
process.env.VENDOR_TOKEN_KEY ||= randomBytes(32).toString('hex');

export interface Bank {
  tenant: TestTenant;
  id: string;
  api: ApiClient;
}

export const newBank = async (label: string): Promise<Bank> => {
  const tenant = await createTestTenant({ label });
  return { tenant, id: tenant.id, api: clientFor(tenant.key) };
};

export const person = (b: Bank, overrides: Record<string, unknown> = {}) => createPerson(b.api, overrides);
export const business = (b: Bank) => createBusiness(b.api);

let next = 100_000;
/** A fresh account number per call, so tests never collide on the duplicate rule. */
export const accountNumber = (): string => `${(next += 1)}${Math.floor(Math.random() * 1e6)}`.padStart(9, '0').slice(-12);

export const manualBody = (owner: { customer_id: string } | { business_id: string }, extra: Record<string, unknown> = {}) => ({
  ...owner,
  customer_type: 'customer_id' in owner ? 'PERSONAL' : 'BUSINESS',
  type: 'CHECKING',
  account_owner_names: ['Ada Lovelace'],
  account_identifiers: { number: accountNumber() },
  routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
  currency: 'USD',
  ...extra,
});

export const createManual = async (b: Bank, body: Record<string, unknown>): Promise<any> => {
  const response = await b.api.post('/v0/external_accounts', body);
  if (response.status !== 201) throw new Error(`external account create failed: ${response.status} ${response.rawBody}`);
  return response.body;
};

export const del = (b: Bank, id: string) => b.api.call({ method: 'DELETE', path: `/v0/external_accounts/${id}` });
