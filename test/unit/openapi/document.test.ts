import { lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { ROUTE_SCHEMAS, schemasOf } from '../../../functions/route-schemas.js';
import { possiblePermissions, ROUTES } from '../../../functions/routes.js';
import { openApiDocument } from '../../../lib/openapi/document.js';
import { lintConfig } from '../../../lib/openapi/lint-config.js';
import { SYNCTERA_ROUTES } from '../../../local/synctera/routes.generated.js';

type Json = Record<string, any>;
const doc = openApiDocument() as Json;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const operations = (): Array<{ key: string; operation: Json }> =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, operation: item[m] as Json })),
  );

describe('the OpenAPI document', () => {
  it('lints clean with Redocly’s recommended rules', async () => {
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config: await lintConfig() });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('has every route of the route table, and nothing else', () => {
    expect(
      operations()
        .map((o) => `${o.key} ${o.operation.operationId}`)
        .sort(),
    ).toEqual(ROUTES.map((r) => `${r.method} ${r.path} ${r.operation}`).sort());
  });

  it('gives each operation its permission, its path parameters and the Synctera error body on every error', () => {
    for (const route of ROUTES) {
      const operation = doc.paths[route.path][route.method.toLowerCase()] as Json;
      expect(operation['x-bankline-permission']).toEqual(route.permission);
      expect(possiblePermissions(route.permission).every((p) => operation.description.includes(p))).toBe(true);
      const pathNames = operation.parameters.filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
      expect(pathNames).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      const statuses = Object.keys(operation.responses).map(Number);
      expect(statuses.some((s) => s < 300)).toBe(true);
      for (const status of statuses.filter((s) => s >= 400)) {
        expect(operation.responses[status].$ref).toBe(`#/components/responses/Problem${status}`);
      }
      expect(statuses).toEqual(expect.arrayContaining([400, 401, 403, 404, 500]));
      if (route.idempotent || route.method !== 'GET') expect(statuses).toEqual(expect.arrayContaining([409, 422]));
    }
    expect(doc.components.responses.Problem404.content['application/problem+json'].schema).toEqual({
      allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { status: { const: 404 }, code: { enum: ['NOT_FOUND'] } } }],
    });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('marks Bankline extensions, and only routes Synctera does not have', () => {
    const synctera = new Set(SYNCTERA_ROUTES);
    const marked = operations().filter((o) => o.operation['x-bankline-extension'] === true);
    expect(marked.map((o) => o.operation.operationId).sort()).toEqual(
      [
        'createDispute',
        'getDispute',
        'listDisputes',
        'patchDispute',
        'getPaymentSchedule',
        'getMigrationSummary',
        'getOperatorOrganization',
        'getSandboxClock',
        'getTradelineTransfer',
        'listEvents',
        'listTradelineTransfers',
        'moveSandboxClock',
      ].sort(),
    );
    for (const { key } of marked) expect(synctera.has(key), key).toBe(false);
    expect(doc.components.schemas.LinkToken.properties.vendor['x-bankline-extension']).toBe(true);
  });

  it('describes request bodies and query parameters from the schemas the handlers validate with', () => {
    const create = doc.paths['/v0/customers'].post as Json;
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreatePerson' });
    expect(doc.components.schemas.CreatePerson).toMatchObject({ additionalProperties: false, required: ['status'] });
    const list = doc.paths['/v0/customers'].get as Json;
    expect(list.parameters.find((p: Json) => p.name === 'ssn_last_4')).toMatchObject({ in: 'query', required: false });
    expect(list.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CustomerList' });
  });
});

describe('the route schema registry (functions/route-schemas.ts)', () => {
  it('has an entry for every route, and none for a route that does not exist', () => {
    expect(ROUTES.filter((r) => !schemasOf(r)).map((r) => r.operation)).toEqual([]);
    const operations = new Set(ROUTES.map((r) => r.operation));
    expect(Object.keys(ROUTE_SCHEMAS).filter((op) => !operations.has(op))).toEqual([]);
  });

  it('gives every route at least one success answer', () => {
    for (const route of ROUTES) expect(Object.keys(schemasOf(route)!.responses).length, route.operation).toBeGreaterThan(0);
  });
});
