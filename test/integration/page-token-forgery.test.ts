// Page tokens are sealed with AES-256-GCM under the stage's secret and bound to the calling
// tenant and the exact query: a client can neither read one (no table keys, no tenant ids) nor
// make, alter or move one. Behind that, the cursor check still holds: even a token sealed with
// the real secret (a leaked secret) can only resume within the caller's own list.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken, pageTokenKeyFrom } from '../../functions/shared/pagination.js';
import { clientFor, expectProblem, personBody, type ApiClient } from '../helpers/api.js';
import { createTestTenants, type TestTenant } from '../helpers/tenants.js';

let mine: TestTenant;
let theirs: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  [mine, theirs] = await createTestTenants(2);
  api = clientFor(mine.key);
  for (let i = 0; i < 3; i++) expect((await api.post('/v0/customers', personBody())).status).toBe(201);
});

/** The next_page_token of the first page of one customer. */
const firstToken = async (query: Record<string, string> = {}): Promise<string> => {
  const res = await api.get('/v0/customers', { limit: '1', ...query });
  expect(res.status).toBe(200);
  expect(typeof res.body.next_page_token).toBe('string');
  return res.body.next_page_token as string;
};

const flipBit = (token: string, byte: number): string => {
  const bytes = Buffer.from(token, 'base64url');
  bytes[byte] = bytes[byte]! ^ 1;
  return bytes.toString('base64url');
};

const refused = (res: Awaited<ReturnType<ApiClient['get']>>) => expectProblem(res, 400, 'BAD_QUERY_PARAMETER', 'page_token');

describe('a page_token handed out by a list', () => {
  it('reveals nothing when decoded: no key names, no tenant id, no JSON', async () => {
    const token = await firstToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    for (const needle of ['TENANT', 'PERSON', 'gsi1', mine.id, mine.id.slice(0, 8), '{"']) {
      expect(token).not.toContain(needle);
      expect(decoded).not.toContain(needle);
    }
  });

  it('resumes the same query for the same tenant', async () => {
    const first = await api.get('/v0/customers', { limit: '1' });
    const second = await api.get('/v0/customers', { limit: '1', page_token: first.body.next_page_token });
    expect(second.status).toBe(200);
    expect(second.body.customers[0].id).not.toBe(first.body.customers[0].id);
  });

  it("is refused to another tenant's key, even on the same endpoint and query", async () => {
    refused(await clientFor(theirs.key).get('/v0/customers', { limit: '1', page_token: await firstToken() }));
  });

  it('is refused with one bit flipped anywhere', async () => {
    const token = await firstToken();
    const length = Buffer.from(token, 'base64url').length;
    for (const byte of [0, 5, Math.floor(length / 2), length - 1])
      refused(await api.get('/v0/customers', { page_token: flipBit(token, byte) }));
  });

  it('is refused with other filters or another order', async () => {
    const token = await firstToken({ status: 'ACTIVE' });
    refused(await api.get('/v0/customers', { status: 'FROZEN', page_token: token }));
    refused(await api.get('/v0/customers', { page_token: token }));
    refused(await api.get('/v0/customers', { status: 'ACTIVE', sort_by: 'creation_time:desc', page_token: token }));
    refused(await api.get('/v0/persons', { status: 'ACTIVE', page_token: token }));
  });
});

describe('a hand-made page_token', () => {
  // The scope the list operation binds its token to (functions/http/list-query.ts pagingOf).
  const scope = 'listCustomers|{}|{}|{}';
  const mineCursor = {
    pk: () => `TENANT#${mine.id}#PERSON#x`,
    gsi1pk: () => `TENANT#${mine.id}#PERSONS`,
  };

  it('in the old readable format (base64 JSON and a checksum) is a 400', async () => {
    const payload = Buffer.from(JSON.stringify({ gsi1pk: mineCursor.gsi1pk(), gsi1sk: '2000-01-01T00:00:00.000Z#x' })).toString(
      'base64url',
    );
    refused(await api.get('/v0/customers', { page_token: `${payload}.${'A'.repeat(22)}` }));
  });

  it('sealed under another secret is a 400', async () => {
    const otherKey = pageTokenKeyFrom('a forger’s guess at the secret, 32+ characters');
    const token = encodePageToken(
      otherKey,
      { callerTenantId: mine.id, scope },
      {
        pk: mineCursor.pk(),
        sk: 'PERSON',
        gsi1pk: mineCursor.gsi1pk(),
        gsi1sk: '2000-01-01T00:00:00.000Z#x',
      },
    );
    refused(await api.get('/v0/customers', { page_token: token }));
  });

  describe('sealed with the real secret (as if it leaked)', () => {
    const sealed = (cursor: Record<string, string>) =>
      encodePageToken(pageTokenKeyFrom(process.env.PAGE_TOKEN_SECRET!), { callerTenantId: mine.id, scope }, cursor);

    it('that names only the index keys is a 400, not a DynamoDB error', async () => {
      refused(
        await api.get('/v0/customers', { page_token: sealed({ gsi1pk: mineCursor.gsi1pk(), gsi1sk: '2020-01-01T00:00:00.000Z#x' }) }),
      );
    });

    it("that points into another tenant's partition is a 400", async () => {
      const token = sealed({
        pk: `TENANT#${theirs.id}#PERSON#x`,
        sk: 'PERSON',
        gsi1pk: `TENANT#${theirs.id}#PERSONS`,
        gsi1sk: '2020-01-01T00:00:00.000Z#x',
      });
      refused(await api.get('/v0/customers', { page_token: token }));
    });

    it("that uses another tenant's item as its base key is a 400", async () => {
      const token = sealed({
        pk: `TENANT#${theirs.id}#PERSON#x`,
        sk: 'PERSON',
        gsi1pk: mineCursor.gsi1pk(),
        gsi1sk: '2020-01-01T00:00:00.000Z#x',
      });
      refused(await api.get('/v0/customers', { page_token: token }));
    });

    it('that is well-formed and in my own list simply resumes there', async () => {
      const token = sealed({ pk: mineCursor.pk(), sk: 'PERSON', gsi1pk: mineCursor.gsi1pk(), gsi1sk: '2000-01-01T00:00:00.000Z#x' });
      const res = await api.get('/v0/customers', { page_token: token });
      expect(res.status).toBe(200);
      expect(res.body.customers).toHaveLength(3);
    });
  });
});
