import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { BatchWriteItemCommand, type BatchWriteItemCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { accountItem, membershipItem } from '../functions/adapters/dynamodb/account-items.js';
import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { personItem } from '../functions/adapters/dynamodb/customer-items.js';
import { KEYS, stripKeys } from '../functions/adapters/dynamodb/keys.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import type { AccountRecord, RelationshipRecord } from '../functions/accounts/model.js';
import type { PersonRecord } from '../functions/customers/model.js';
import { PERMISSIONS } from '../functions/routes.js';
import { createApiKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { localClient } from '../local/local-client.js';
import { startServer } from '../local/server.js';
import { ensureTable } from '../local/table.js';

// `npx tsx bench/lists.ts` (also a section of `npm run bench`): list latency through the twin
// with 100k accounts in one tenant next to 1k in another, in the same run, sampled alternately
// so machine noise falls on both. A list that reads by key costs the same at both sizes.
//
// The data is written straight to the table with the adapters' own item builders (accounts,
// their holders' person items and memberships), cloned from a person and an account made
// through the API: fast (BatchWriteItem in parallel), and shaped exactly as the API writes
// them. Relationship items and account number claims are left out: no list reads them.

const TABLE = 'bankline-bench-lists';
/** Positive integer from the environment (smoke runs: BENCH_LISTS_LARGE=2000 BENCH_LISTS_SAMPLES=20), else the default. */
const sizeFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
};
const SMALL = 1_000;
/** The size; a smaller override is for smoke runs only, its ratios mean little. */
export const LARGE = Math.max(SMALL, Math.ceil(sizeFromEnv('BENCH_LISTS_LARGE', 100_000) / 100) * 100);
/** Each person holds this many accounts, spread over the list (person j holds accounts j, j+P, ...). */
const ACCOUNTS_PER_PERSON = 4;
/**
 * Persons whose first_name starts with the filtered prefix: 0.1% of the large tenant's persons.
 * The small tenant has as many, so both pages hold the same records and only the tenant size differs.
 */
const PREFIX_MATCHES = Math.max(1, Math.round((LARGE / ACCOUNTS_PER_PERSON) * 0.001));
const PREFIX = 'Zor';
const PAGE = 100;
const SAMPLES = sizeFromEnv('BENCH_LISTS_SAMPLES', 200);
const WARMUP = Math.min(20, SAMPLES);
// DynamoDB Local's insert rate is the bound (Node marshals 200k items in about 2 s); more writers keep its threads busy.
const WRITERS = 32;

export interface ListFigure {
  name: string;
  smallP50: number;
  largeP50: number;
  ratio: number;
  /** A filter (answered from a key): held to the calls-per-page limit as well as the ratio. */
  filter: boolean;
  /** DynamoDB commands of one page at 100k (the authorizer's answer is cached, as on AWS). */
  dynamoCalls: Record<string, number>;
}

interface Tenant {
  id: string;
  apiKey: string;
  size: number;
}

type Call = (tenant: Tenant, path: string, query?: Record<string, string>) => Promise<any>;

const caller =
  (url: string): Call =>
  async (tenant, path, query = {}) => {
    const response = await fetch(`${url}${path}?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${tenant.apiKey}` } });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  };

const post = async (url: string, tenant: Tenant, path: string, body: unknown): Promise<any> => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tenant.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
};

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
const templatesOf = async (url: string, tenant: Tenant, raw: DynamoDBDocumentClient) => {
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
const bulkOf = (tenant: Tenant, templates: Awaited<ReturnType<typeof templatesOf>>, numberBase: number) => {
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

/** BatchWriteItem in chunks of 25 by parallel writers; unprocessed items are sent again. */
const load = async (client: DynamoDBClient, items: readonly Record<string, unknown>[]) => {
  let next = 0;
  const writer = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let request: BatchWriteItemCommandInput['RequestItems'] = {
        [TABLE]: chunk.map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } })),
      };
      while (request && Object.keys(request).length > 0)
        request = (await client.send(new BatchWriteItemCommand({ RequestItems: request }))).UnprocessedItems;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
};

/** The page token of the page starting at `fraction` of the account list, walked to through the API. */
const tokenAt = async (get: Call, tenant: Tenant, fraction: number): Promise<string> => {
  let token: string | undefined;
  for (let page = 0; page < Math.floor((tenant.size * fraction) / PAGE); page++) {
    token = (await get(tenant, '/v0/accounts', { limit: String(PAGE), ...(token ? { page_token: token } : {}) })).next_page_token;
  }
  if (!token) throw new Error('the walk ended before the wanted depth');
  return token;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** p50 of one request at both sizes, sampled alternately, and the DynamoDB calls of one page at 100k. */
const compare = async (
  name: string,
  filter: boolean,
  small: () => Promise<unknown>,
  large: () => Promise<unknown>,
): Promise<ListFigure> => {
  for (let i = 0; i < WARMUP; i++) {
    await small();
    await large();
  }
  const times = { small: [] as number[], large: [] as number[] };
  // Each size goes first every other time, so neither always runs right after the other.
  for (let i = 0; i < SAMPLES; i++) {
    if (i % 2 === 0) times.small.push(await timed(small));
    times.large.push(await timed(large));
    if (i % 2 === 1) times.small.push(await timed(small));
  }
  resetCallCounts();
  await large();
  const smallP50 = median(times.small);
  const largeP50 = median(times.large);
  return { name, smallP50, largeP50, ratio: largeP50 / smallP50, filter, dynamoCalls: callCounts() };
};

export const measureLists = async (log: (line: string) => void = () => {}): Promise<ListFigure[]> => {
  const dynamo = await startDynamoDbLocal();
  try {
    await ensureTable(localClient(dynamo.endpoint), TABLE);
    pointFunctionsAt({ tableName: TABLE, endpoint: dynamo.endpoint });
    const client = localClient(dynamo.endpoint);
    const raw = DynamoDBDocumentClient.from(client);
    const org = await createOrganization(dynamoTenancyStore, 'Bench Lists Fintech');
    const tenantOf = async (name: string, size: number): Promise<Tenant> => {
      const tenant = await createTenant(dynamoTenancyStore, { organizationId: org.id, name, bankRouting: '021000021' });
      const { api_key } = await createApiKey(dynamoTenancyStore, { tenantId: tenant.id, permissions: [...PERMISSIONS] });
      return { id: tenant.id, apiKey: api_key, size };
    };
    const [large, small] = [await tenantOf('large bank', LARGE), await tenantOf('small bank', SMALL)];
    const server = await startServer();
    try {
      const started = Date.now();
      const bulk = new Map<Tenant, ReturnType<typeof bulkOf>>();
      for (const [tenant, numberBase] of [
        [large, 400_000_000_000],
        [small, 500_000_000_000],
      ] as const) {
        const data = bulkOf(tenant, await templatesOf(server.url, tenant, raw), numberBase);
        await load(client, data.items);
        bulk.set(tenant, data);
      }
      const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
      log(
        `loaded ${LARGE + SMALL} accounts, ${(LARGE + SMALL) / ACCOUNTS_PER_PERSON} persons, 2 businesses and the memberships in ${seconds(started)}`,
      );
      const get = caller(server.url);
      const walked = Date.now();
      const deep = { large: await tokenAt(get, large, 0.9), small: await tokenAt(get, small, 0.9) };
      log(`walked to 90% of both account lists (${(0.9 * (LARGE + SMALL)) / PAGE} pages) in ${seconds(walked)}`);
      const both = (name: string, request: (tenant: Tenant) => Promise<unknown>, filter = true) =>
        compare(
          name,
          filter,
          () => request(small),
          () => request(large),
        );
      const figures: ListFigure[] = [];
      const persons = (tenant: Tenant, query: Record<string, string>) => get(tenant, '/v0/persons', query);
      figures.push(await both('accounts: first page (100)', (t) => get(t, '/v0/accounts', { limit: String(PAGE) }), false));
      figures.push(
        await both(
          'accounts: page at 90% depth',
          (t) => get(t, '/v0/accounts', { limit: String(PAGE), page_token: t === large ? deep.large : deep.small }),
          false,
        ),
      );
      const byHolder = async (t: Tenant, filter: string, id: string) => {
        const page = await get(t, '/v0/accounts', { [filter]: id });
        if (page.accounts.length !== ACCOUNTS_PER_PERSON)
          throw new Error(`${filter}: ${page.accounts.length} accounts, not ${ACCOUNTS_PER_PERSON}`);
        return page;
      };
      figures.push(await both(`accounts by customer_id (${ACCOUNTS_PER_PERSON})`, (t) => byHolder(t, 'customer_id', bulk.get(t)!.holder)));
      figures.push(await both(`accounts by person_id (${ACCOUNTS_PER_PERSON})`, (t) => byHolder(t, 'person_id', bulk.get(t)!.holder)));
      figures.push(
        await both(`accounts by business_id (${ACCOUNTS_PER_PERSON})`, (t) => byHolder(t, 'business_id', bulk.get(t)!.business)),
      );
      figures.push(
        await both(`persons by first_name ${PREFIX}* (${PREFIX_MATCHES} of ${LARGE / ACCOUNTS_PER_PERSON})`, (t) =>
          persons(t, { first_name: `${PREFIX}*` }),
        ),
      );
      figures.push(await both('persons by email', (t) => persons(t, { email: bulk.get(t)!.email })));
      figures.push(await both('persons by phone_number', (t) => persons(t, { phone_number: bulk.get(t)!.phone })));
      return figures;
    } finally {
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
};

const ms = (value: number) => `${value.toFixed(2)} ms`;

export const printListFigures = (figures: readonly ListFigure[]): void => {
  console.table(
    figures.map((f) => ({
      list: f.name,
      'p50 at 1k': ms(f.smallP50),
      [`p50 at ${LARGE / 1000}k`]: ms(f.largeP50),
      ratio: f.ratio.toFixed(2),
      'DynamoDB calls per page': Object.entries(f.dynamoCalls)
        .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
        .join(', '),
    })),
  );
};

/** Calls per page from the counts of one request. */
export const callsOf = (figure: ListFigure): number => Object.values(figure.dynamoCalls).reduce((sum, n) => sum + n, 0);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Lists with ${LARGE / 1000}k accounts in one tenant vs ${SMALL / 1000}k in another (same run, p50 of ${SAMPLES})`);
  printListFigures(await measureLists(console.log));
}
