import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

// The twin's API reference: the OpenAPI document and Swagger UI, served from node_modules.

let twin: InProcessTwin;

beforeAll(async () => {
  twin = await startInProcessTwin();
});

afterAll(async () => {
  await twin?.close();
});

describe('the twin’s API reference', () => {
  it('serves the OpenAPI document at /openapi.json, with every route and the twin as its server', async () => {
    const { status, headers, body } = await call(`${twin.url}/openapi.json`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.openapi).toBe('3.1.0');
    expect(body.servers).toEqual([expect.objectContaining({ url: twin.url })]);
    const operations = Object.values(body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(operations.sort()).toEqual(ROUTES.map((r) => r.operation).sort());
  });

  it('serves Swagger UI at /docs, its assets from the swagger-ui-dist package and nothing else of it', async () => {
    const page = await call(`${twin.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/init.js']));
    for (const asset of assets) expect((await call(`${twin.url}${asset}`)).status, asset).toBe(200);
    expect((await call(`${twin.url}/docs/init.js`)).text).toContain("url: '/openapi.json'");
    expect(page.text).not.toMatch(/https?:\/\//);
    expect((await call(`${twin.url}/docs/package.json`)).status).toBe(404);
  });

  it('points a Synctera route Bankline does not serve to /docs', async () => {
    const { status, body } = await call(`${twin.url}/v0/cards`, { key: twin.oldBank.api_key });
    expect(status).toBe(404);
    expect(body.detail).toContain('/docs');
  });
});
