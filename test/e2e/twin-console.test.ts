// What the twin tells a developer: one line per request, its `GET /` index, and the answers it
// gives where API Gateway would only say 404 (a wrong method, a Synctera route Bankline lacks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../local/server.js';
import type { RequestLogEntry } from '../../local/request-log.js';
import { formatRequestLine } from '../../local/request-log.js';
import { twinIndex } from '../../local/twin-index.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

const PROBLEM = 'application/problem+json';
let twin: InProcessTwin;
let indexUrl: string;
let closeIndexed: () => Promise<void>;
const lines: RequestLogEntry[] = [];

beforeAll(async () => {
  twin = await startInProcessTwin({ onRequest: (entry) => lines.push(entry) });
  const indexed = await startServer({ index: () => twinIndex(twin, { api: 'http://localhost:3000', link_test_page: 'http://x/link' }) });
  indexUrl = indexed.url;
  closeIndexed = indexed.close;
});
afterAll(async () => {
  await twin?.close();
  await closeIndexed?.();
});

describe('request log', () => {
  it('one entry per request: method, path without query, status, duration, correlation id; detail on failure', async () => {
    const ok = await call(`${twin.url}/v0/customers?limit=1&email=jane@example.com`, {
      key: twin.oldBank.api_key,
      headers: { 'X-Correlation-Id': 'trace-123' },
    });
    expect(ok.status).toBe(200);
    const failed = await call(`${twin.url}/v0/customers/not-a-uuid`, { key: twin.oldBank.api_key });
    expect(failed.status).toBe(400);

    const [first, second] = lines.filter((l) => l.path.startsWith('/v0/customers')).slice(-2);
    expect(first).toMatchObject({ method: 'GET', path: '/v0/customers', status: 200, correlationId: 'trace-123' });
    expect(first!.durationMs).toBeGreaterThanOrEqual(0);
    expect(first).not.toHaveProperty('detail');
    expect(second).toMatchObject({ method: 'GET', path: '/v0/customers/not-a-uuid', status: 400, detail: failed.body.detail });
    expect(second!.correlationId).toBe(failed.headers.get('x-correlation-id'));

    const text = formatRequestLine(second!);
    expect(text).toContain('GET /v0/customers/not-a-uuid  400');
    expect(text).toContain(`corr ${second!.correlationId}`);
    expect(text).toContain(failed.body.detail);
    expect(JSON.parse(formatRequestLine(first!, true))).toMatchObject({ message: 'request', status: 200, correlation_id: 'trace-123' });
  });
});

describe('GET /', () => {
  it('answers version, links and tenants by name and id, never their keys', async () => {
    const { status, body, text } = await call(`${indexUrl}/`);
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'Bankline local twin',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      links: { api: 'http://localhost:3000', link_test_page: 'http://x/link' },
      tenants: twin.tenants.map(({ name, id }) => ({ name, id })),
    });
    expect(text).not.toContain(twin.oldBank.api_key);
  });
});

describe('routes the twin does not serve', () => {
  it('405 with Allow and the Synctera error body for a wrong method on a Bankline resource', async () => {
    const { status, headers, body } = await call(`${twin.url}/v0/customers`, { method: 'DELETE' });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET, POST');
    expect(headers.get('content-type')).toBe(PROBLEM);
    expect(body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED', detail: expect.stringContaining('GET, POST') });
  });

  it('404 naming the Synctera route and pointing to /docs when Bankline does not serve it', async () => {
    const { status, body } = await call(`${twin.url}/v0/cards/5f0c5a4e-0000-4000-8000-000000000000`, { key: twin.oldBank.api_key });
    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(body.detail).toContain('GET /v0/cards/{card_id}');
    expect(body.detail).toContain('/docs');
  });

  it('a typo still gets the plain "no such route"', async () => {
    const { status, body } = await call(`${twin.url}/v0/custmers`);
    expect(status).toBe(404);
    expect(body.detail).toBe('no such route');
  });
});
