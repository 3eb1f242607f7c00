// The public API over real HTTP against the twin: real DynamoDB Local, real authorizer, real
// customers handler, API Gateway's behaviour in front. What a fintech's integration test sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoTenancyStore } from '../../functions/adapters/dynamodb/tenancy-repository.js';
import { createApiKey } from '../../functions/tenancy/use-cases.js';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { call, type InProcessTwin, rawExchange, startInProcessTwin } from './support/in-process-twin.js';

const PROBLEM = 'application/problem+json';
const problem = (status: number, code: string, detail: string) => ({
  type: `https://dev.synctera.com/errors/${code.toLowerCase().replaceAll('_', '-')}`,
  title: expect.any(String),
  status,
  detail,
  code,
});

let twin: InProcessTwin;
let readOnlyKey: string;

beforeAll(async () => {
  twin = await startInProcessTwin();
  readOnlyKey = (await createApiKey(dynamoTenancyStore, { tenantId: twin.oldBank.id, permissions: ['customer:read'] })).api_key;
});
afterAll(async () => twin?.close());

const customers = () => `${twin.url}/v0/customers`;
const countCustomers = async (key: string): Promise<number> => {
  const { status, body } = await call(`${customers()}?limit=100`, { key });
  expect(status).toBe(200);
  return body.customers.length;
};

describe('customers over HTTP', () => {
  let customerId: string;

  it('creates a customer (201) and never echoes the full SSN', async () => {
    const { status, body, text, headers } = await call(customers(), { method: 'POST', key: twin.oldBank.api_key, body: PERSON_BODY });
    expect(status).toBe(201);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({ first_name: 'Jane', last_name: 'Doe', status: 'ACTIVE', ssn: '6789' });
    expect(text).not.toContain('123-45-6789');
    customerId = body.id;
  });

  it('gets it (200) with the last four SSN digits only', async () => {
    const { status, body, text } = await call(`${customers()}/${customerId}`, { key: twin.oldBank.api_key });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: customerId, ssn: '6789', email: PERSON_BODY.email });
    expect(text).not.toContain('123-45-6789');
  });

  it('lists it', async () => {
    const { status, body } = await call(`${customers()}?limit=10`, { key: twin.oldBank.api_key });
    expect(status).toBe(200);
    expect(body.customers.map((c: { id: string }) => c.id)).toContain(customerId);
  });

  it('patches it', async () => {
    const patch = await call(`${customers()}/${customerId}`, {
      method: 'PATCH',
      key: twin.oldBank.api_key,
      body: { email: 'jane.doe@example.com' },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.email).toBe('jane.doe@example.com');
    const { body } = await call(`${customers()}/${customerId}`, { key: twin.oldBank.api_key });
    expect(body.email).toBe('jane.doe@example.com');
  });

  it("answers 404 for another tenant's customer, without leaking it", async () => {
    const { status, body, headers, text } = await call(`${customers()}/${customerId}`, { key: twin.newBank.api_key });
    expect(status).toBe(404);
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(body.code).toBe('NOT_FOUND');
    expect(text).not.toContain('Jane');
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const key = twin.newBank.api_key;
    const before = await countCustomers(key);
    const headers = { 'Idempotency-Key': `e2e-${customerId}` };
    const first = await call(customers(), { method: 'POST', key, body: PERSON_BODY, headers });
    const second = await call(customers(), { method: 'POST', key, body: PERSON_BODY, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countCustomers(key)).toBe(before + 1);

    const reuse = await call(customers(), { method: 'POST', key, body: { ...PERSON_BODY, first_name: 'Other' }, headers });
    expect(reuse.status).toBe(422);
    expect(reuse.body.code).toBe('IDEMPOTENCY_INVALID_REUSE');
  });

  it('rejects malformed JSON with 400 and writes nothing', async () => {
    const key = twin.oldBank.api_key;
    const before = await countCustomers(key);
    const { status, headers, body } = await call(customers(), { method: 'POST', key, rawBody: '{"status":"ACTIVE",' });
    expect(status).toBe(400);
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(body).toMatchObject({ status: 400, code: 'BAD_REQUEST_BODY' });
    expect(await countCustomers(key)).toBe(before);
  });
});

describe('API Gateway behaviour in front of the handlers', () => {
  it('401 with the Synctera body when the Authorization header is missing', async () => {
    const { status, headers, body } = await call(customers());
    expect(status).toBe(401);
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(body).toEqual(problem(401, 'UNAUTHORIZED', 'missing or invalid API key'));
  });

  it('401 for an unknown key and for a malformed one', async () => {
    for (const key of [`bl_${'A'.repeat(43)}`, 'not-a-key']) {
      const { status, headers, body } = await call(customers(), { key });
      expect(status).toBe(401);
      expect(headers.get('content-type')).toBe(PROBLEM);
      expect(body).toEqual(problem(401, 'UNAUTHORIZED', 'missing or invalid API key'));
    }
  });

  it('403 for a key without customer:write', async () => {
    const { status, headers, body } = await call(customers(), { method: 'POST', key: readOnlyKey, body: PERSON_BODY });
    expect(status).toBe(403);
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // The same key may read.
    expect((await call(customers(), { key: readOnlyKey })).status).toBe(200);
  });

  it('404 "no such route" for an unknown path, before any auth', async () => {
    for (const [method, path] of [
      ['GET', '/v0/nothing-here'],
      ['GET', '/'],
    ] as const) {
      const { status, headers, body } = await call(`${twin.url}${path}`, { method });
      expect(status, `${method} ${path}`).toBe(404);
      expect(headers.get('content-type')).toBe(PROBLEM);
      expect(body).toEqual(problem(404, 'NOT_FOUND', 'no such route'));
    }
  });

  it('413 for a payload over API Gateway’s 10 MB limit', async () => {
    const { status, body } = await call(customers(), {
      method: 'POST',
      key: twin.oldBank.api_key,
      rawBody: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(status).toBe(413);
    expect(body).toMatchObject({ status: 413, code: 'REQUEST_TOO_LARGE' });
  });

  // Node refuses these before the gateway sees a request; its own answer is a bare status line.
  it('431 with the Synctera body for headers over Node’s limit', async () => {
    const { status, headers, body } = await call(customers(), { key: twin.oldBank.api_key, headers: { 'X-Padding': 'x'.repeat(20_000) } });
    expect(status).toBe(431);
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual(problem(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'the request line and headers are too large'));
  });

  it('431 with the Synctera body for a request line over Node’s limit', async () => {
    const response = await rawExchange(twin.url, `GET /v0/customers?name=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const [head = '', text = ''] = response.split('\r\n\r\n', 2);
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain(`Content-Type: ${PROBLEM}`);
    expect(JSON.parse(text)).toEqual(problem(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'the request line and headers are too large'));
  });

  it('400 with the Synctera body for a request Node cannot parse', async () => {
    const response = await rawExchange(twin.url, 'NOT AN HTTP REQUEST\r\n\r\n');
    const [head = '', text = ''] = response.split('\r\n\r\n', 2);
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toContain(`Content-Type: ${PROBLEM}`);
    expect(JSON.parse(text)).toEqual(problem(400, 'BAD_REQUEST', 'the request could not be processed'));
  });

  it('caches authorizer decisions like API Gateway: a revoked key works until the cache expires', async () => {
    const { api_key, record } = await createApiKey(dynamoTenancyStore, { tenantId: twin.oldBank.id, permissions: ['customer:read'] });
    const uncached = await startInProcessTwin({ authorizerCacheTtlSeconds: 0 });
    try {
      expect((await call(customers(), { key: api_key })).status).toBe(200);
      expect((await call(`${uncached.url}/v0/customers`, { key: api_key })).status).toBe(200);
      await dynamoTenancyStore.revokeApiKey(twin.oldBank.id, record.key_id, new Date().toISOString());
      // Default twin: same TTL as the CDK's authorizer cache, so the revoked key still passes.
      expect((await call(customers(), { key: api_key })).status).toBe(200);
      // With caching off, revocation is immediate.
      expect((await call(`${uncached.url}/v0/customers`, { key: api_key })).status).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});
