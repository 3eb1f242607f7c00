import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountRecord, RelationshipRecord } from '../../functions/accounts/model.js';
import { accountItem, membershipItem } from '../../functions/adapters/dynamodb/account-items.js';
import { personItem } from '../../functions/adapters/dynamodb/customer-items.js';
import { KEYS, stripKeys } from '../../functions/adapters/dynamodb/keys.js';
import type { PersonRecord } from '../../functions/customers/model.js';
import { ACCOUNTS_PER_PERSON, PREFIX, PREFIX_MATCHES, TABLE } from './sizes.js';
import { post, type Tenant } from './twin-calls.js';

// The bulk data of one tenant, built with the adapters' own item builders (accounts, their
// holders' person items and memberships), cloned from a person and an account made through the
// API, so it is shaped exactly as the API writes it. Relationship items and account number claims
// are left out: no list reads them.

const PERSON_BODY = {
  status: 'ACTIVE',
  first_name: 'Template',
  last_name: 'Holder',
  dob: '1990-05-17',
  email: 'template@bench.example',
  phone_number: '+14155550100',
  ssn: '123-45-6789',
  legal_address: { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' },
};

const BUSINESS_BODY = {
  status: 'ACTIVE',
  is_customer: true,
  entity_name: 'Bench Holder LLC',
  legal_address: PERSON_BODY.legal_address,
};

/** A person and an account made through the API, as stored: the templates of the bulk data. */
export const templatesOf = async (url: string, tenant: Tenant, raw: DynamoDBDocumentClient) => {
  const person = await post(url, tenant, '/v0/persons', PERSON_BODY);
  await post(url, tenant, '/v0/verifications/verify', { customer_consent: true, person_id: person.id });
  const account = await post(url, tenant, '/v0/accounts', {
    account_type: 'CHECKING',
    relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: person.id }],
  });
  // The business that holds some of the bulk accounts (the business_id filter), made through the API.
  const business = await post(url, tenant, '/v0/businesses', BUSINESS_BODY);
  await post(url, tenant, '/v0/verifications/verify', { customer_consent: true, business_id: business.id });
  const read = async <T>(key: { pk: string; sk: string }) =>
    stripKeys<T>((await raw.send(new GetCommand({ TableName: TABLE, Key: key }))).Item!);
  return {
    person: await read<PersonRecord>(KEYS.person(tenant.id, person.id)),
    account: await read<AccountRecord>(KEYS.account(tenant.id, account.id)),
    business: business.id as string,
  };
};

const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

/** The bulk items of one tenant, and the values the filters look for. */
export const bulkOf = (tenant: Tenant, templates: Awaited<ReturnType<typeof templatesOf>>, numberBase: number) => {
  const persons = tenant.size / ACCOUNTS_PER_PERSON;
  const base = Date.parse('2024-01-01T00:00:00.000Z');
  const people: PersonRecord[] = Array.from({ length: persons }, (_, j) => {
    const time = at(base, j);
    // The prefix's matches are spread over the tenant, never together at one end of it.
    const stride = Math.floor(persons / PREFIX_MATCHES);
    const match = j % stride === 0 && j / stride < PREFIX_MATCHES;
    return {
      ...templates.person,
      id: randomUUID(),
      creation_time: time,
      last_updated_time: time,
      first_name: match ? `${PREFIX}a${j}` : `Person${j}`,
      last_name: `Holder${j}`,
      email: `person${j}@bench.example`,
      phone_number: `+1${4150000000 + j}`,
      has_accounts: true,
    };
  });
  const items: Record<string, unknown>[] = people.map(personItem);
  const accountsBase = base + persons * 1000;
  // One person's accounts go to the business instead: it holds ACCOUNTS_PER_PERSON accounts spread over the list.
  const businessSlot = Math.floor(persons / 2) + 1;
  for (let i = 0; i < tenant.size; i++) {
    const holder = people[i % persons]!;
    const held =
      i % persons === businessSlot ? { kind: 'BUSINESS' as const, id: templates.business } : { kind: 'PERSON' as const, id: holder.id };
    const time = at(accountsBase, i);
    const number = String(numberBase + i);
    const account: AccountRecord = {
      ...templates.account,
      id: randomUUID(),
      creation_time: time,
      last_updated_time: time,
      account_number: number,
      account_number_masked: `********${number.slice(-4)}`,
      customer_type: held.kind === 'BUSINESS' ? 'BUSINESS' : 'PERSONAL',
      customer_ids: held.kind === 'PERSON' ? [held.id] : [],
      business_ids: held.kind === 'BUSINESS' ? [held.id] : [],
      holder_roles: [{ kind: held.kind, id: held.id, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }],
    };
    const relationship: RelationshipRecord = {
      id: randomUUID(),
      tenant: tenant.id,
      account_id: account.id,
      relationship_type: 'PRIMARY_ACCOUNT_HOLDER',
      holder_kind: held.kind,
      holder_id: held.id,
      created_at: time,
      updated_at: time,
    };
    items.push(accountItem(account), membershipItem(relationship, account));
  }
  const middle = people[Math.floor(persons / 2)]!;
  return { items, holder: middle.id, business: templates.business, email: middle.email!, phone: middle.phone_number! };
};
