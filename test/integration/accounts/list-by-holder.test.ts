import { beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/api.js';
import { dynamoAccountStore } from '../../../functions/adapters/dynamodb/account-store.js';
import { acceptedBusiness, acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// GET /v0/accounts?customer_id|person_id|business_id is answered from the holders' memberships
// (one Query of the holder's partition, one BatchGetItem of the accounts), not by reading the
// tenant's whole list: at most 2 DynamoDB calls per page, in the unfiltered list's order, and
// the memberships follow every relationship change.

let world: AccountsWorld;
let ada: string;
let bea: string;
let acme: string;
/** Ada's accounts, oldest first. */
const adas: string[] = [];
let beas: string;
let acmes: string;

beforeAll(async () => {
  world = await newWorld('list-by-holder');
  [ada, bea, acme] = await Promise.all([acceptedPerson(world.api), acceptedPerson(world.api), acceptedBusiness(world.api)]);
  // Sequential, so creation order (the list order) is known; others' accounts are interleaved.
  for (let i = 0; i < 5; i++) {
    adas.push((await createAccount(world.api, { account_type: i === 2 ? 'SAVING' : 'CHECKING', relationships: primary(ada) })).id);
    if (i === 1) beas = (await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(bea) })).id;
  }
  acmes = (
    await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: acme }],
    })
  ).id;
});

const list = (query: Record<string, string | number>) => world.api.get('/v0/accounts', query);
const ids = (response: { body: any }) => response.body.accounts.map((a: { id: string }) => a.id) as string[];

/** Every page of a query, with the DynamoDB calls of each. */
const allPages = async (query: Record<string, string | number>) => {
  const pages: { ids: string[]; calls: Record<string, number> }[] = [];
  let token: string | undefined;
  do {
    const response = await list({ ...query, ...(token ? { page_token: token } : {}) });
    expect(response.status, response.rawBody).toBe(200);
    pages.push({ ids: ids(response), calls: response.dynamoCalls });
    token = response.body.next_page_token;
    expect(pages.length).toBeLessThan(10);
  } while (token);
  return pages;
};

const callsOf = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('accounts filtered by holder', () => {
  it("lists a person's accounts oldest first with one Query and one BatchGetItem", async () => {
    const response = await list({ customer_id: ada });
    expect(response.status, response.rawBody).toBe(200);
    expect(ids(response)).toEqual(adas);
    expect(response.dynamoCalls).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    expect(response.body).not.toHaveProperty('next_page_token');
    expect(ids(await list({ person_id: ada, sort_by: 'creation_time:desc' }))).toEqual([...adas].reverse());
    expect(ids(await list({ business_id: acme }))).toEqual([acmes]);
  });

  it('lists them in the same order as the unfiltered list', async () => {
    const everything = ids(await list({}));
    expect(ids(await list({ customer_id: ada }))).toEqual(everything.filter((id) => adas.includes(id)));
  });

  it('pages in both directions, every account once, at most 2 calls per page', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const pages = await allPages({ customer_id: ada, limit: 2, sort_by: `creation_time:${direction}` });
      expect(pages.map((p) => p.ids.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap((p) => p.ids)).toEqual(direction === 'asc' ? adas : [...adas].reverse());
      for (const page of pages) expect(callsOf(page.calls), JSON.stringify(page.calls)).toBeLessThanOrEqual(2);
    }
  });

  it('applies the other filters to the holder’s accounts, still 2 calls per page', async () => {
    const response = await list({ customer_id: ada, account_type: 'SAVING' });
    expect(ids(response)).toEqual([adas[2]]);
    expect(callsOf(response.dynamoCalls)).toBeLessThanOrEqual(2);
    const pages = await allPages({ customer_id: ada, account_type: 'CHECKING', limit: 2 });
    expect(pages.flatMap((p) => p.ids)).toEqual(adas.filter((_, i) => i !== 2));
    for (const page of pages) expect(callsOf(page.calls)).toBeLessThanOrEqual(2);
    expect(ids(await list({ customer_id: ada, business_id: acme }))).toEqual([]);
  });

  it('merges several holders in list order, an account they share once', async () => {
    const shared = await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: [...primary(bea), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: ada }],
    });
    try {
      expect(ids(await list({ customer_id: `${bea},${ada}` }))).toEqual([adas[0], adas[1], beas, adas[2], adas[3], adas[4], shared.id]);
      const pages = await allPages({ customer_id: ada, person_id: bea, limit: 3 });
      expect(pages.flatMap((p) => p.ids)).toEqual([adas[0], adas[1], beas, adas[2], adas[3], adas[4], shared.id]);
    } finally {
      const rel = (await world.api.get(`/v0/accounts/${shared.id}/relationships`)).body.relationships.find(
        (r: any) => r.customer_id === ada,
      );
      await world.api.call({ method: 'DELETE', path: `/v0/accounts/${shared.id}/relationships/${rel.id}` });
    }
  });

  it('follows relationship changes: added, retyped and removed holders', async () => {
    const account = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(bea) });
    const base = `/v0/accounts/${account.id}/relationships`;
    expect(ids(await list({ customer_id: bea }))).toContain(account.id);
    expect(ids(await list({ customer_id: ada }))).not.toContain(account.id);

    const added = await world.api.post(base, { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: ada });
    expect(added.status, added.rawBody).toBe(201);
    expect(ids(await list({ customer_id: ada }))).toEqual([...adas, account.id]);

    const retyped = await world.api.put(`${base}/${added.body.id}`, { relationship_type: 'AUTHORIZED_SIGNER', customer_id: ada });
    expect(retyped.status, retyped.rawBody).toBe(200);
    expect(ids(await list({ customer_id: ada }))).toEqual([...adas, account.id]);

    const business = await world.api.post(base, { relationship_type: 'AUTHORIZED_SIGNER', business_id: acme });
    expect(business.status, business.rawBody).toBe(201);
    expect(ids(await list({ business_id: acme }))).toEqual([acmes, account.id]);

    expect((await world.api.call({ method: 'DELETE', path: `${base}/${added.body.id}` })).status).toBe(200);
    expect(ids(await list({ customer_id: ada }))).toEqual(adas);
    expect((await world.api.call({ method: 'DELETE', path: `${base}/${business.body.id}` })).status).toBe(200);
    expect(ids(await list({ business_id: acme }))).toEqual([acmes]);
  });

  it('finds nothing for an unknown holder or another tenant’s holder', async () => {
    const other = await newWorld('list-by-holder-other');
    expect(ids(await other.api.get('/v0/accounts', { customer_id: ada }))).toEqual([]);
    const unknown = await list({ customer_id: '3b241101-e2bb-4255-8caf-4136c566a962' });
    expect(ids(unknown)).toEqual([]);
    expect(callsOf(unknown.dynamoCalls)).toBeLessThanOrEqual(2);
  });

  it('refuses a cursor that is not a position in a holder list (400, never a DynamoDB error)', async () => {
    const heldBy = { kind: 'PERSON' as const, ids: [ada] };
    const tenantId = world.tenant.id;
    const position = `2024-01-01T00:00:00.000Z#${adas[0]}`;
    const cursors: Record<string, string>[] = [
      { after: 'x' },
      { after: `${position}\u0000` },
      { after: position, pk: 'TENANT#x' },
      { gsi1pk: 'a', gsi1sk: 'b', pk: 'c', sk: 'd' },
    ];
    for (const cursor of cursors) {
      await expect(dynamoAccountStore.listAccounts(tenantId, { heldBy, cursor, limit: 10, ascending: true })).rejects.toMatchObject({
        name: 'InvalidInput',
        code: 'BAD_QUERY_PARAMETER',
      });
    }
    const resumed = await dynamoAccountStore.listAccounts(tenantId, { heldBy, cursor: { after: position }, limit: 10, ascending: true });
    expect(resumed.items.map((a) => a.id)).toEqual(adas);
  });
});
