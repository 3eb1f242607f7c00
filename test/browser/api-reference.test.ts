import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { type RunningServer, startServer } from '../../local/server.js';
import { launchChromium } from './chromium.js';

// The twin's /docs in Chromium: Swagger UI loads from the twin alone (no other origin is asked
// for anything) and renders every operation of the document.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ port: 0 }), launchChromium()]);
});
afterAll(() => server?.close());

describe('the API reference page', () => {
  it('renders every operation, loading nothing from outside the twin', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    const operations = await page.locator('.opblock').count();
    expect(operations).toBe(ROUTES.length);
    expect(await page.locator('.info .title').textContent()).toContain('Bankline API');
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
  });
});
