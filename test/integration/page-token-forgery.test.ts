// The page-token checksum carries no secret, so a client can mint a token that passes it. What
// keeps that harmless is the cursor check: a forged cursor must still be exactly a key of the
// list being read, in the caller's tenant, or the answer is a 400 (never a 500, never data).
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken } from '../../functions/shared/pagination.js';
import { clientFor, expectProblem, personBody, type ApiClient } from '../helpers/api.js';
import { createTestTenants, type TestTenant } from '../helpers/tenants.js';

let mine: TestTenant;
let theirs: TestTenant;
let api: ApiClient;

// The scope the list operation binds its token to (functions/http/list-query.ts pagingOf).
const scopeOf = (query: Record<string, string>) => `listCustomers|${JSON.stringify(query)}|{}`;

beforeAll(async () => {
  [mine, theirs] = await createTestTenants(2);
  api = clientFor(mine.key);
  for (let i = 0; i < 3; i++) expect((await api.post('/v0/customers', personBody())).status).toBe(201);
});

const forged = (cursor: Record<string, string>) => encodePageToken(mine.id, scopeOf({}), cursor);

describe('a forged page_token', () => {
  it('that names only the index keys is a 400, not a DynamoDB error', async () => {
    const token = forged({ gsi1pk: `TENANT#${mine.id}#PERSONS`, gsi1sk: '2020-01-01T00:00:00.000Z#x' });
    expectProblem(await api.get('/v0/customers', { page_token: token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });

  it("that points into another tenant's partition is a 400", async () => {
    const token = forged({
      pk: `TENANT#${theirs.id}#PERSON#x`,
      sk: 'PERSON',
      gsi1pk: `TENANT#${theirs.id}#PERSONS`,
      gsi1sk: '2020-01-01T00:00:00.000Z#x',
    });
    expectProblem(await api.get('/v0/customers', { page_token: token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });

  it("that uses another tenant's item as its base key is a 400", async () => {
    const token = forged({
      pk: `TENANT#${theirs.id}#PERSON#x`,
      sk: 'PERSON',
      gsi1pk: `TENANT#${mine.id}#PERSONS`,
      gsi1sk: '2020-01-01T00:00:00.000Z#x',
    });
    expectProblem(await api.get('/v0/customers', { page_token: token }), 400, 'BAD_QUERY_PARAMETER', 'page_token');
  });

  it('that is well-formed and in my own list simply resumes there', async () => {
    const token = forged({
      pk: `TENANT#${mine.id}#PERSON#x`,
      sk: 'PERSON',
      gsi1pk: `TENANT#${mine.id}#PERSONS`,
      gsi1sk: '2000-01-01T00:00:00.000Z#x',
    });
    const res = await api.get('/v0/customers', { page_token: token });
    expect(res.status).toBe(200);
    expect(res.body.customers).toHaveLength(3);
  });
});
