// Shared setup for the accounts suites: a tenant, its API client, and customers in the KYC
// state a test needs, all created through the real API.
import { clientFor, type ApiClient } from '../../helpers/api.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';

export interface AccountsWorld {
  tenant: TestTenant;
  api: ApiClient;
}

export const newWorld = async (label = 'accounts'): Promise<AccountsWorld> => {
  const tenant = await createTestTenant({ label });
  return { tenant, api: clientFor(tenant.key) };
};

const address = { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' };

let counter = 0;

/** A person with every KYC prerequisite; `last_name` drives the sandbox outcome. */
export const createPerson = async (api: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> => {
  counter += 1;
  const response = await api.post('/v0/persons', {
    status: 'ACTIVE',
    first_name: 'Ada',
    last_name: 'Lovelace',
    dob: '1990-12-10',
    email: `ada${counter}@example.com`,
    phone_number: '+14155550100',
    ssn: '123-45-6789',
    legal_address: address,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`person create failed: ${response.status} ${response.rawBody}`);
  return response.body.id as string;
};

export const verify = async (api: ApiClient, subject: { person_id: string } | { business_id: string }): Promise<string> => {
  const response = await api.post('/v0/verifications/verify', { customer_consent: true, ...subject });
  if (response.status !== 201) throw new Error(`verify failed: ${response.status} ${response.rawBody}`);
  return response.body.verification_status as string;
};

/** A person whose verification_status is ACCEPTED. */
export const acceptedPerson = async (api: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> => {
  const id = await createPerson(api, overrides);
  const status = await verify(api, { person_id: id });
  if (status !== 'ACCEPTED') throw new Error(`expected ACCEPTED, got ${status}`);
  return id;
};

export const createBusiness = async (api: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> => {
  const response = await api.post('/v0/businesses', {
    status: 'ACTIVE',
    is_customer: true,
    entity_name: 'Acme Widgets',
    legal_address: address,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`business create failed: ${response.status} ${response.rawBody}`);
  return response.body.id as string;
};

export const acceptedBusiness = async (api: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> => {
  const id = await createBusiness(api, overrides);
  const status = await verify(api, { business_id: id });
  if (status !== 'ACCEPTED') throw new Error(`expected ACCEPTED, got ${status}`);
  return id;
};

export const primary = (customerId: string) => [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: customerId }];

/** Creates an account and returns its body; throws with the response on failure. */
export const createAccount = async (api: ApiClient, body: Record<string, unknown>): Promise<any> => {
  const response = await api.post('/v0/accounts', body);
  if (response.status !== 201) throw new Error(`account create failed: ${response.status} ${response.rawBody}`);
  return response.body;
};
