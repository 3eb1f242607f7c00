import { businessBody, callApi, clientFor, personBody, type ApiCall, type ApiClient } from '../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callCounts, resetCallCounts } from '../../functions/adapters/dynamodb/call-counter.js';
import { documentClient } from '../../functions/adapters/dynamodb/client.js';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// The cost of each path in DynamoDB commands (design: every access pattern is a GetItem or a
// Query on a key, never a Scan; one TransactWriteItems per change). `dynamoCalls` counts what
// the domain handler sent; callCounts() around a whole call adds the authorizer's one GetItem.
// The tests in this file run one at a time, so the process-wide counter is theirs alone.

let tenant: TestTenant;
let api: ApiClient;
let customer: any;
let business: any;
let verification: any;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'call-counts' });
  api = clientFor(tenant.key);
  customer = (await api.post('/v0/customers', personBody())).body;
  await api.post('/v0/customers', personBody({ first_name: 'Other' }));
  business = (await api.post('/v0/businesses', businessBody())).body;
  verification = (await api.post('/v0/verifications/verify', { customer_consent: true, business_id: business.id })).body.verifications[0];
});

// A log of the commands the functions send (name, key condition, caller), so a count that is
// off says which command was extra. Added to the functions' own client, in this process only.
let commandLog: string[] = [];
beforeAll(() => {
  documentClient().middlewareStack.add(
    (next, context) => (args) => {
      const input = args.input as { IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
      const caller =
        new Error().stack?.split('\n').find((l) => l.includes('/functions/') && !l.includes('/adapters/dynamodb/client.')) ?? '';
      commandLog.push(
        `${context.commandName} ${input.IndexName ?? ''} ${String(input.ExpressionAttributeValues?.[':pk'] ?? '')} ${caller.trim()}`,
      );
      return next(args);
    },
    { step: 'initialize', name: 'callCountsTestLog' },
  );
});

/** Runs one call and returns [handler-only counts, whole-request counts, command log]. */
const measure = async (call: Omit<ApiCall, 'key'>) => {
  resetCallCounts();
  commandLog = [];
  const res = await callApi({ ...call, key: tenant.key });
  return { res, handler: res.dynamoCalls, total: callCounts(), log: commandLog.join('\n') };
};

const expectQueryOnly = (counts: Record<string, number>) => {
  expect(Object.keys(counts)).toEqual(['QueryCommand']);
  expect(counts.QueryCommand).toBeGreaterThanOrEqual(1);
};

describe('reads', () => {
  it('GET /v0/customers/{id}: exactly one GetItem in the handler; the authorizer adds one more', async () => {
    const { res, handler, total } = await measure({ method: 'GET', path: `/v0/customers/${customer.id}` });
    expect(res.status).toBe(200);
    expect(handler).toEqual({ GetItemCommand: 1 });
    expect(total).toEqual({ GetItemCommand: 2 });
  });

  it.each([
    ['GET /v0/persons/{id}', () => `/v0/persons/${customer.id}`],
    ['GET /v0/businesses/{id}', () => `/v0/businesses/${business.id}`],
    ['GET /v0/verifications/{id}', () => `/v0/verifications/${verification.id}`],
    ['GET of an unknown id', () => `/v0/customers/${randomUUID()}`],
  ])('%s: one GetItem', async (_name, path) => {
    const { handler } = await measure({ method: 'GET', path: path() });
    expect(handler).toEqual({ GetItemCommand: 1 });
  });

  it.each([
    ['/v0/customers', () => ({})],
    ['/v0/customers', () => ({ first_name: 'Jane', status: 'ACTIVE', has_accounts: 'false' })],
    ['/v0/customers', () => ({ limit: '1' })],
    ['/v0/persons', () => ({ is_customer: 'true' })],
    ['/v0/businesses', () => ({ entity_name: 'Acme Widgets LLC' })],
    ['/v0/verifications', () => ({})],
    ['/v0/verifications', () => ({ business_id: business.id, include_history: 'true' })],
    ['/v0/verifications', () => ({ result: 'ACCEPTED', verification_type: 'IDENTITY' })],
  ] as const)('GET %s: Query only, never a Scan', async (path, query) => {
    const { res, handler, log } = await measure({ method: 'GET', path, query: query() });
    expect(res.status, res.rawBody).toBe(200);
    expect(Object.keys(handler), log).toEqual(['QueryCommand']);
  });

  it.each([
    ['/v0/customers', 'creation_time:desc', 'gsi1'],
    ['/v0/customers', 'last_name:asc', 'gsi3'],
    ['/v0/persons', 'first_name:desc', 'gsi4'],
    ['/v0/customers', 'last_updated_time:asc', 'gsi5'],
    ['/v0/businesses', 'entity_name:desc', 'gsi3'],
    ['/v0/businesses', 'last_updated_time:desc', 'gsi5'],
  ] as const)('GET %s?sort_by=%s: one Query on %s', async (path, sortBy, index) => {
    const { res, handler, log } = await measure({ method: 'GET', path, query: { sort_by: sortBy } });
    expect(res.status, res.rawBody).toBe(200);
    expect(handler, log).toEqual({ QueryCommand: 1 });
    expect(log).toMatch(new RegExp(`^QueryCommand ${index} `, 'm'));
  });

  it('a list filtered by several verification subjects is still Query only', async () => {
    const { handler } = await measure({
      method: 'GET',
      path: '/v0/verifications',
      query: { person_id: customer.id, business_id: business.id },
    });
    expectQueryOnly(handler);
  });

  it('the second page is one Query too', async () => {
    const first = await api.get('/v0/customers', { limit: 1 });
    const { res, handler } = await measure({
      method: 'GET',
      path: '/v0/customers',
      query: { limit: '1', page_token: first.body.next_page_token },
    });
    expect(res.status).toBe(200);
    expect(handler).toEqual({ QueryCommand: 1 });
  });

  it('legacy GET /v0/customers/{id}/verifications: one GetItem and one Query', async () => {
    const { handler } = await measure({ method: 'GET', path: `/v0/customers/${customer.id}/verifications` });
    expect(handler).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
  });
});

describe('writes', () => {
  it('POST /v0/customers: one TransactWriteItems (record + outbox event)', async () => {
    const { res, handler, total } = await measure({ method: 'POST', path: '/v0/customers', body: personBody() });
    expect(res.status).toBe(201);
    expect(handler).toEqual({ TransactWriteItemsCommand: 1 });
    expect(total).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it('POST /v0/businesses: one TransactWriteItems', async () => {
    const { handler } = await measure({ method: 'POST', path: '/v0/businesses', body: businessBody() });
    expect(handler).toEqual({ TransactWriteItemsCommand: 1 });
  });

  it('POST with an Idempotency-Key: + one PutItem (take the key) + one UpdateItem (store the response)', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await measure({ method: 'POST', path: '/v0/customers', body: personBody(), headers });
    expect(first.handler).toEqual({ PutItemCommand: 1, TransactWriteItemsCommand: 1, UpdateItemCommand: 1 });
    const replay = await measure({ method: 'POST', path: '/v0/customers', body: personBody(), headers });
    expect(replay.res.headers['idempotent-replayed']).toBe('true');
    expect(replay.handler).toEqual({ PutItemCommand: 1 });
  });

  it('a 4xx under an Idempotency-Key is stored too (PutItem + UpdateItem, no transaction)', async () => {
    const { res, handler } = await measure({
      method: 'POST',
      path: '/v0/customers',
      body: { status: 'ALIVE' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(res.status).toBe(400);
    expect(handler).toEqual({ PutItemCommand: 1, UpdateItemCommand: 1 });
  });

  it('PATCH: one GetItem and one TransactWriteItems', async () => {
    const { res, handler } = await measure({ method: 'PATCH', path: `/v0/customers/${customer.id}`, body: { middle_name: 'Z' } });
    expect(res.status).toBe(200);
    expect(handler).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it('verify: one GetItem and one TransactWriteItems (the checks it supersedes are named on the person)', async () => {
    const { res, handler, log } = await measure({
      method: 'POST',
      path: '/v0/verifications/verify',
      body: { customer_consent: true, person_id: customer.id },
    });
    expect(res.status).toBe(201);
    expect(handler, log).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });
});

describe('rejections cost (almost) nothing', () => {
  it('a 401 costs the authorizer one GetItem and the handler nothing', async () => {
    resetCallCounts();
    const res = await callApi({ method: 'GET', path: '/v0/customers', key: `bl_${'Z'.repeat(43)}` });
    expect(res.status).toBe(401);
    expect(callCounts()).toEqual({ GetItemCommand: 1 });
  });

  it('a malformed key never reaches DynamoDB', async () => {
    resetCallCounts();
    expect((await callApi({ method: 'GET', path: '/v0/customers', key: 'nope' })).status).toBe(401);
    expect(callCounts()).toEqual({});
  });

  it.each([
    ['malformed JSON', { method: 'POST', path: '/v0/customers', rawBody: '{' }],
    ['bad body', { method: 'POST', path: '/v0/customers', body: { status: 'ALIVE' } }],
    ['bad path id', { method: 'GET', path: '/v0/customers/xyz' }],
    ['bad query', { method: 'GET', path: '/v0/customers', query: { limit: '0' } }],
    ['bad page token', { method: 'GET', path: '/v0/customers', query: { page_token: 'x.y' } }],
  ] as const)('%s: no DynamoDB call in the handler', async (_name, call) => {
    const { res, handler } = await measure(call as Omit<ApiCall, 'key'>);
    expect(res.status).toBe(400);
    expect(handler).toEqual({});
  });

  it('a 403 makes no DynamoDB call in the handler', async () => {
    const reader = await tenant.issueKey('customer:read');
    const res = await callApi({ method: 'POST', path: '/v0/customers', key: reader.apiKey, body: personBody() });
    expect(res.status).toBe(403);
    expect(res.dynamoCalls).toEqual({});
  });
});
