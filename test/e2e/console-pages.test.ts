// The operator console as the twin serves it: static files under /console/ (built on the first
// visit), and the demo operator key for the sign-in pre-fill, to loopback host names only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePages } from '../../local/console-pages.js';
import { call, type InProcessTwin, rawExchange, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
beforeAll(async () => {
  twin = await startInProcessTwin({ console: consolePages({ localOperatorKey: () => twin.operator.api_key }) });
});
afterAll(() => twin?.close());

describe('/console on the twin', () => {
  it('redirects /console to /console/ and serves the page, its script and its stylesheet with a strict CSP', async () => {
    const bare = await fetch(`${twin.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');

    const page = await call(`${twin.url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const [, scriptName] = page.text.match(/<script type="module" src="(app-\w+\.js)">/) ?? [];
    const [, styleName] = page.text.match(/<link rel="stylesheet" href="(app-\w+\.css)">/) ?? [];
    expect(scriptName && styleName).toBeTruthy();

    const script = await call(`${twin.url}/console/${scriptName}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.text).toContain('View Migrated Resource');
    expect((await call(`${twin.url}/console/${styleName}`)).headers.get('content-type')).toContain('text/css');
    expect((await call(`${twin.url}/console/nope.js`)).status).toBe(404);
  });

  it('hands the demo operator key to a localhost page only, never cached', async () => {
    const local = await call(`${twin.url}/console/local-operator-key`);
    expect(local.status).toBe(200);
    expect(local.body).toEqual({ api_key: twin.operator.api_key });
    expect(local.headers.get('cache-control')).toBe('no-store');

    // A name that resolves to this machine but is not a loopback name (DNS rebinding) gets nothing.
    // (fetch will not send another Host, so the request is written by hand.)
    const rebound = await rawExchange(
      twin.url,
      'GET /console/local-operator-key HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(rebound).toMatch(/^HTTP\/1\.1 404/);
    expect(rebound).not.toContain(twin.operator.api_key);
  });

  it('leaves the API alone: /v0 routes still go through the gateway', async () => {
    const res = await call(`${twin.url}/v0/customers`, { key: twin.oldBank.api_key });
    expect(res.status).toBe(200);
  });
});
