import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GatewayResponse } from './integration.js';

// The twin's API reference: the OpenAPI document at /openapi.json (lib/openapi/document.ts, with
// the twin's own URL as its server) and Swagger UI at /docs, from the swagger-ui-dist package
// (no CDN). The document module pulls every domain's schemas, so it is imported on first request,
// not when the twin starts.

/** The Swagger UI files the page loads; nothing else of the package is served. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const swaggerUiDir = (): string => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Bankline API reference</title>
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// "Try it out" sends requests to the twin with the key entered under Authorize.
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true });\n`;

const answer = (contentType: string, body: string | Buffer): GatewayResponse => ({
  statusCode: 200,
  headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
  body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
});

/** A page handler for the twin's server: the answer for GET /openapi.json, /docs and its assets, else undefined. */
export const apiReferencePages = (serverUrl: () => string) => {
  let document: Promise<string> | undefined;
  const documentJson = (): Promise<string> =>
    (document ??= import('../lib/openapi/document.js').then(({ openApiDocument }) =>
      JSON.stringify(openApiDocument({ serverUrl: serverUrl() }), null, 2),
    ));

  return (method: string, path: string): Promise<GatewayResponse> | undefined => {
    if (method !== 'GET') return undefined;
    if (path === '/openapi.json') return documentJson().then((json) => answer('application/json', json));
    if (path === '/docs' || path === '/docs/') return Promise.resolve(answer('text/html; charset=utf-8', PAGE));
    if (path === '/docs/init.js') return Promise.resolve(answer('text/javascript; charset=utf-8', INIT));
    const asset = path.startsWith('/docs/') ? path.slice('/docs/'.length) : undefined;
    const contentType = asset === undefined ? undefined : ASSETS[asset];
    if (asset === undefined || contentType === undefined) return undefined;
    return readFile(join(swaggerUiDir(), asset)).then((bytes) => answer(contentType, bytes));
  };
};
