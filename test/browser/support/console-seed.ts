import { call } from '../../e2e/support/in-process-twin.js';

// What the console walk needs, made through the public API as an integrator would: a verified
// person with a checking account on the old bank, funded by a simulated incoming ACH; their twins
// on the new bank, mapped old → new; an external account; a customer without a mapping; and a
// webhook subscription (with a signing secret) with one delivery.

export interface ConsoleSeed {
  oldPersonId: string;
  oldAccountId: string;
  newPersonId: string;
  newAccountId: string;
  businessName: string;
  newBusinessId: string;
  webhookId: string;
  /** A customer of the old bank with no mapping: its page has no "View Migrated Resource". */
  unmappedPersonId: string;
  /** The simulated ACH credit, in cents. */
  achAmount: number;
  lastName: string;
}

const must = async (url: string, key: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
  const res = await call(`${url}${path}`, { method, key, ...(body !== undefined ? { body } : {}) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.body;
};

const person = (lastName: string) => ({
  status: 'ACTIVE',
  first_name: 'Ada',
  last_name: lastName,
  dob: '1990-12-10',
  email: 'ada@example.com',
  phone_number: '+14155550100',
  ssn: '123-45-6789',
  legal_address: { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' },
});

const customerWithAccount = async (url: string, key: string, lastName: string) => {
  const { id: personId } = await must(url, key, '/v0/persons', person(lastName));
  await must(url, key, '/v0/verifications/verify', { customer_consent: true, person_id: personId });
  const account = await must(url, key, '/v0/accounts', {
    account_type: 'CHECKING',
    relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: personId }],
  });
  return { personId: personId as string, accountId: account.id as string, accountNumber: account.account_number as string };
};

export async function seedConsoleData(
  url: string,
  oldBank: { id: string; api_key: string },
  newBank: { id: string; api_key: string },
  webhookUrl: string,
): Promise<ConsoleSeed> {
  const lastName = 'Lovelace';
  const achAmount = 123_456;
  const [old, fresh] = await Promise.all([
    customerWithAccount(url, oldBank.api_key, lastName),
    customerWithAccount(url, newBank.api_key, lastName),
  ]);
  await must(url, oldBank.api_key, '/v0/external_accounts', {
    customer_id: old.personId,
    customer_type: 'PERSONAL',
    type: 'CHECKING',
    account_owner_names: [`Ada ${lastName}`],
    account_identifiers: { number: '123456789' },
    routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
    currency: 'USD',
  });
  const { id: unmappedPersonId } = await must(url, oldBank.api_key, '/v0/persons', person('Babbage'));
  const { now } = await must(url, oldBank.api_key, '/v0/sandbox/clock');
  await must(url, oldBank.api_key, '/v0/ach/transaction_simulations/receiving_transaction', {
    account_number: old.accountNumber,
    amount: achAmount,
    dc_sign: 'credit',
    effective_date: String(now).slice(0, 10),
  });
  const businessName = 'Analytical Engines LLC';
  const [oldBusiness, newBusiness] = await Promise.all(
    [oldBank, newBank].map((bank) =>
      must(url, bank.api_key, '/v0/businesses', { is_customer: true, status: 'PROSPECT', entity_name: businessName }),
    ),
  );
  for (const [type, newId, oldId] of [
    ['PERSON', fresh.personId, old.personId],
    ['BUSINESS', newBusiness.id, oldBusiness.id],
    ['ACCOUNT', fresh.accountId, old.accountId],
  ] as const) {
    await must(url, newBank.api_key, '/v0/migration_mappings', {
      resource_type: type,
      resource_id: newId,
      old_tenant: oldBank.id,
      old_resource_id: oldId,
    });
  }
  await must(url, oldBank.api_key, '/v0/webhook_secrets', {});
  const webhook = await must(url, oldBank.api_key, '/v0/webhooks', {
    url: webhookUrl,
    enabled_events: ['ACCOUNT.*'],
    is_enabled: true,
    description: 'console walk receiver',
  });
  await must(url, oldBank.api_key, '/v0/webhooks/trigger', { event: 'ACCOUNT.UPDATED' });
  return {
    oldPersonId: old.personId,
    oldAccountId: old.accountId,
    newPersonId: fresh.personId,
    newAccountId: fresh.accountId,
    businessName,
    newBusinessId: newBusiness.id,
    webhookId: webhook.id,
    unmappedPersonId,
    achAmount,
    lastName,
  };
}
