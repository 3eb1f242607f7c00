import {
  businessBody,
  callApi,
  clientFor,
  expectProblem,
  getItem,
  KEYS,
  personBody,
  readFixture,
  tenantCounts,
  type ApiCall,
} from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// Table-driven from fixtures/bad-input-cases.json: every bad request gets its 4xx with the
// Synctera body naming what is wrong, and writes nothing at all.

interface Case {
  name: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  status: number;
  code: string;
  detail: string[];
}

const { cases } = readFixture<{ cases: Case[] }>('bad-input-cases.json');

let tenant: TestTenant;
const vars: Record<string, string> = {};

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'bad-input' });
  const api = clientFor(tenant.key);
  const customer = await api.post('/v0/customers', personBody());
  await api.post('/v0/customers', personBody({ first_name: 'Second' }));
  const business = await api.post('/v0/businesses', businessBody());
  const page = await api.get('/v0/customers', { limit: 1 });
  expect(customer.status).toBe(201);
  expect(business.status).toBe(201);
  const token: string = page.body.next_page_token;
  expect(token).toBeTruthy();
  const tampered = Buffer.from(token, 'base64url');
  tampered[tampered.length >> 1]! ^= 1;
  vars.customer_id = customer.body.id;
  vars.business_id = business.body.id;
  vars.page_token = token;
  vars.tampered_token = tampered.toString('base64url');
});

const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { n: nest(depth - 1) });

/** Placeholders and the `$repeat` / `$nest` expansions described in the fixture. */
const expand = (value: unknown): unknown => {
  if (typeof value === 'string') {
    const repeat = /^\$repeat:(\d+):(.*)$/s.exec(value);
    if (repeat) return repeat[2]!.repeat(Number(repeat[1]));
    const nested = /^\$nest:(\d+)$/.exec(value);
    if (nested) return nest(Number(nested[1]));
    return value.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  }
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [expand(k) as string, expand(v)]));
  return value;
};

const toCall = (c: Case): ApiCall => ({
  method: c.method,
  path: expand(c.path) as string,
  key: tenant.key,
  query: c.query && (expand(c.query) as Record<string, string>),
  headers: c.headers && (expand(c.headers) as Record<string, string>),
  ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
  ...(c.body !== undefined ? { body: expand(c.body) } : {}),
});

describe('bad input is refused by name and writes nothing', () => {
  it('the fixture has a case for every category the contract cares about', () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const status of [400, 404, 413, 415]) expect(cases.some((c) => c.status === status)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Everything the tenant holds that a bad request could touch: counts, and the two records.
    const snapshot = () =>
      Promise.all([
        tenantCounts(tenant.id),
        getItem(KEYS.person(tenant.id, vars.customer_id!)),
        getItem(KEYS.business(tenant.id, vars.business_id!)),
      ]);
    const before = await snapshot();

    const res = await callApi(toCall(c));
    const problem = expectProblem(res, c.status, c.code, c.detail);
    // No internals in an error body.
    expect(problem.detail).not.toMatch(/\bat .+\.(ts|js):\d+|Exception|DynamoDB|TENANT#/);

    expect(await snapshot()).toEqual(before);
  });
});
