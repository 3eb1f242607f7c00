import { pathToFileURL } from 'node:url';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { PERMISSIONS } from '../functions/routes.js';
import { createApiKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { localClient } from '../local/local-client.js';
import { startServer } from '../local/server.js';
import { ensureTable } from '../local/table.js';
import { bulkOf, templatesOf } from './lists/bulk-data.js';
import { load } from './lists/bulk-load.js';
import { compare, type ListFigure } from './lists/compare.js';
import { printListFigures } from './lists/list-figures.js';
import { ACCOUNTS_PER_PERSON, LARGE, PAGE, PREFIX, PREFIX_MATCHES, SAMPLES, SMALL, TABLE } from './lists/sizes.js';
import { type Call, caller, type Tenant } from './lists/twin-calls.js';

// `npx tsx bench/lists.ts` (also a section of `npm run bench`): list latency through the twin
// with 100k accounts in one tenant next to 1k in another, in the same run, sampled alternately
// so machine noise falls on both. A list that reads by key costs the same at both sizes.
//
// The data is written straight to the table with the adapters' own item builders (accounts,
// their holders' person items and memberships), cloned from a person and an account made
// through the API: fast (BatchWriteItem in parallel), and shaped exactly as the API writes
// them. Relationship items and account number claims are left out: no list reads them.

export type { ListFigure } from './lists/compare.js';
export { callsOf, printListFigures } from './lists/list-figures.js';
export { LARGE } from './lists/sizes.js';

/** The page token of the page starting at `fraction` of the account list, walked to through the API. */
const tokenAt = async (get: Call, tenant: Tenant, fraction: number): Promise<string> => {
  let token: string | undefined;
  for (let page = 0; page < Math.floor((tenant.size * fraction) / PAGE); page++) {
    token = (await get(tenant, '/v0/accounts', { limit: String(PAGE), ...(token ? { page_token: token } : {}) })).next_page_token;
  }
  if (!token) throw new Error('the walk ended before the wanted depth');
  return token;
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Lists with ${LARGE / 1000}k accounts in one tenant vs ${SMALL / 1000}k in another (same run, p50 of ${SAMPLES})`);
  printListFigures(await measureLists(console.log));
}
