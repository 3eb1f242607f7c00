import { clientFor, eventsOf, expectProblem, personBody, type ApiClient, type ApiResult } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';
import { acceptedPerson, primary } from './accounts/helpers.js';

// Free-form JSON (metadata, the Customer-Device-Info header) comes back exactly as sent, whatever
// its keys: names that mean something to JavaScript objects once broke the DynamoDB marshaller
// (a 500, or an object silently stored as "[object Object]") or vanished in object copies.

let tenant: TestTenant;
let api: ApiClient;
let holder: string;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'free-form' });
  api = clientFor(tenant.key);
  holder = await acceptedPerson(api);
});

const KEY_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

// Written as JSON text: an object literal with a `__proto__` key would set the prototype instead.
const atDepth1 = (key: string) => `{"${key}":{"name":"String","n":1},"plain":"kept"}`;
const atDepth3 = (key: string) => `{"a":{"b":{"c":{"${key}":{"name":"Object"}},"${key}":7}},"${key}":"top"}`;
const CASES = KEY_NAMES.flatMap((key) => [
  { key, depth: 1, json: atDepth1(key) },
  { key, depth: 3, json: atDepth3(key) },
]);

/** The response's metadata, serialised again: equal text means equal keys, order and values. */
const metadataText = (res: ApiResult): string => JSON.stringify(res.body.metadata);

const send = (
  method: 'POST' | 'PATCH',
  path: string,
  body: Record<string, unknown>,
  metadataJson: string,
  headers?: Record<string, string>,
) => api.call({ method, path, rawBody: JSON.stringify(body).replace(/}$/, `,"metadata":${metadataJson}}`), headers });

describe.each(CASES)('metadata with $key at depth $depth', ({ json }) => {
  it('POST and PATCH /v0/customers store it exactly; GET and the list return it', async () => {
    const created = await send('POST', '/v0/customers', personBody({ metadata: undefined }), json);
    expect(created.status, created.rawBody).toBe(201);
    expect(metadataText(created)).toBe(json);
    expect(metadataText(await api.get(`/v0/customers/${created.body.id}`))).toBe(json);

    const patchedJson = json.replace('"name"', '"patched"');
    const patched = await send('PATCH', `/v0/customers/${created.body.id}`, { first_name: 'Zed' }, patchedJson);
    expect(patched.status, patched.rawBody).toBe(200);
    expect(metadataText(patched)).toBe(patchedJson);
    expect(metadataText(await api.get(`/v0/customers/${created.body.id}`))).toBe(patchedJson);

    const listed = await api.get('/v0/customers', { id: created.body.id });
    expect(JSON.stringify(listed.body.customers[0].metadata)).toBe(patchedJson);
  });

  it('POST and PATCH /v0/accounts store it exactly; GET returns it', async () => {
    const created = await send('POST', '/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder) }, json);
    expect(created.status, created.rawBody).toBe(201);
    expect(metadataText(created)).toBe(json);
    expect(metadataText(await api.get(`/v0/accounts/${created.body.id}`))).toBe(json);

    const patchedJson = json.replace('"name"', '"patched"');
    const patched = await send('PATCH', `/v0/accounts/${created.body.id}`, { nickname: 'Pots' }, patchedJson);
    expect(patched.status, patched.rawBody).toBe(200);
    expect(metadataText(patched)).toBe(patchedJson);
    expect(metadataText(await api.get(`/v0/accounts/${created.body.id}`))).toBe(patchedJson);
  });

  it('POST /v0/businesses stores it exactly', async () => {
    const created = await send('POST', '/v0/businesses', { status: 'PROSPECT', is_customer: true, entity_name: 'Proto LLC' }, json);
    expect(created.status, created.rawBody).toBe(201);
    expect(metadataText(await api.get(`/v0/businesses/${created.body.id}`))).toBe(json);
  });

  it('in the Customer-Device-Info header: the write succeeds and the audit keeps the block exactly', async () => {
    const header = `{"vendor":"Socure","metadata":${json}}`;
    const created = await send('POST', '/v0/customers', personBody({ metadata: undefined }), json, { 'Customer-Device-Info': header });
    expect(created.status, created.rawBody).toBe(201);
    expect(metadataText(await api.get(`/v0/customers/${created.body.id}`))).toBe(json);
    const event = (await eventsOf(tenant.id)).find((e) => e.resource_id === created.body.id);
    expect(JSON.stringify(event!.audit.device_info)).toBe(header);
    expect(JSON.stringify(event!.event_resource.metadata)).toBe(json);
  });
});

describe('the reported cases', () => {
  it('{"x":{"constructor":{"name":"String"}}} is stored as sent, not as "[object Object]"', async () => {
    const json = '{"x":{"constructor":{"name":"String"}}}';
    const created = await send('POST', '/v0/customers', personBody({ metadata: undefined }), json);
    expect(created.status).toBe(201);
    expect(metadataText(await api.get(`/v0/customers/${created.body.id}`))).toBe(json);
  });

  it('a top-level constructor key in the Customer-Device-Info header is not a 500', async () => {
    const res = await api.post('/v0/customers', personBody(), {
      headers: { 'Customer-Device-Info': '{"constructor":{"name":"String"},"vendor":"v"}' },
    });
    expect(res.status, res.rawBody).toBe(201);
  });

  it('a __proto__ key outside free-form fields is an unknown field, named', async () => {
    expectProblem(
      await api.call({ method: 'POST', path: '/v0/customers', rawBody: '{"status":"PROSPECT","__proto__":{"x":1}}' }),
      400,
      'BAD_REQUEST_BODY',
      'unknown field __proto__',
    );
    const body = JSON.stringify(personBody()).replace('"address_line_1"', '"__proto__":{"city":"x"},"address_line_1"');
    expectProblem(
      await api.call({ method: 'POST', path: '/v0/customers', rawBody: body }),
      400,
      'BAD_REQUEST_BODY',
      'legal_address: unknown field __proto__',
    );
  });
});
