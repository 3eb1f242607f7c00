import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFinicity, startFakeFinicity } from '../../local/vendors/finicity/fake-finicity.js';
import { type FakePlaid, startFakePlaid } from '../../local/vendors/plaid/fake-plaid.js';
import { launchChromium } from './chromium.js';

// The sandbox Link page (fake Plaid) and Connect page (fake Finicity) clicked through in Chromium,
// as a developer does: paste a link_token, pick an institution, log in, choose accounts (or enter
// the micro-deposit code), and read the public_token; link FinBank in Connect.

const plaidCredentials = { clientId: 'browser-client', secret: 'browser-secret' };
let plaid: FakePlaid;
let finicity: FakeFinicity;
let browser: Browser;

const plaidCall = async (path: string, body: Record<string, unknown>) => {
  const response = await fetch(`${plaid.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'PLAID-CLIENT-ID': plaidCredentials.clientId, 'PLAID-SECRET': plaidCredentials.secret },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const linkToken = async (extra: Record<string, unknown> = {}) =>
  (
    await plaidCall('/link/token/create', {
      client_name: 'Browser test',
      language: 'en',
      country_codes: ['US'],
      user: { client_user_id: 'u1' },
      products: ['auth'],
      ...extra,
    })
  ).body.link_token as string;

beforeAll(async () => {
  [plaid, finicity, browser] = await Promise.all([
    startFakePlaid(plaidCredentials),
    startFakeFinicity({ partnerId: 'p', partnerSecret: 's', appKey: 'k' }),
    launchChromium(),
  ]);
});
afterAll(() => Promise.all([plaid.close(), finicity.close()]));

const openLink = async (token: string): Promise<Page> => {
  const page = await browser.newPage();
  await page.goto(`${plaid.url}/link`);
  await page.fill('#link-token', token);
  return page;
};

describe('the Link test page', () => {
  it('links First Platypus with user_good / pass_good and hands out a public_token that exchanges', async () => {
    const page = await openLink(await linkToken());
    await page.selectOption('#institution', 'ins_109508');
    await page.fill('#username', 'user_good');
    await page.fill('#password', 'pass_good');
    await page.click('#continue');
    await page.waitForSelector('#choose:not([hidden])');
    await page.uncheck('input[name=account][value=sav]');
    await page.click('#submit');
    await page.waitForSelector('#public-token:not(:empty)');
    const publicToken = await page.textContent('#public-token');
    expect(publicToken).toMatch(/^public-sandbox-/);
    const exchanged = await plaidCall('/item/public_token/exchange', { public_token: publicToken });
    expect(exchanged.status).toBe(200);
    const accounts = await plaidCall('/accounts/get', { access_token: exchanged.body.access_token });
    expect(accounts.body.accounts.map((a: any) => a.subtype).sort()).toEqual(['checking', 'credit card']);
    await page.close();
  });

  it('shows Plaid’s error for wrong credentials and gives no token', async () => {
    const page = await openLink(await linkToken());
    await page.fill('#username', 'user_good');
    await page.fill('#password', 'wrong');
    await page.click('#continue');
    await page.waitForSelector('#error:not(:empty)');
    expect(await page.textContent('#error')).toContain('INVALID_CREDENTIALS');
    expect(await page.textContent('#public-token')).toBe('');
    await page.close();
  });

  it('runs the micro-deposit flow: account details, then in update mode the code (a wrong one refused)', async () => {
    const page = await openLink(await linkToken({ auth: { same_day_microdeposits_enabled: true } }));
    await page.fill('#routing', '110000000');
    await page.fill('#account', '1111222233330000');
    await page.click('#continue');
    await page.waitForSelector('#choose:not([hidden])');
    await page.click('#submit');
    await page.waitForSelector('#public-token:not(:empty)');
    const exchanged = await plaidCall('/item/public_token/exchange', { public_token: await page.textContent('#public-token') });
    const accessToken = exchanged.body.access_token as string;
    await page.close();

    const verify = await openLink(await linkToken({ access_token: accessToken, products: undefined }));
    await verify.click('#continue');
    await verify.waitForSelector('#code-label:not([hidden])');
    await verify.fill('#code', 'XYZ');
    await verify.click('#submit');
    await verify.waitForSelector('#error:not(:empty)');
    expect(await verify.textContent('#error')).toContain('INCORRECT_DEPOSIT_VERIFICATION');
    await verify.fill('#code', 'ABC');
    await verify.click('#submit');
    await verify.waitForSelector('#public-token:not(:empty)');
    const accounts = await plaidCall('/accounts/get', { access_token: accessToken });
    expect(accounts.body.accounts[0].verification_status).toBe('manually_verified');
    await verify.close();
  });
});

describe('the Connect test page', () => {
  it('links FinBank with profile_03 for the customer in the Connect URL', async () => {
    const auth = await fetch(`${finicity.url}/aggregation/v2/partners/authentication`, {
      method: 'POST',
      headers: { 'Finicity-App-Key': 'k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerId: 'p', partnerSecret: 's' }),
    });
    const { token } = (await auth.json()) as { token: string };
    const headers = { 'Finicity-App-Key': 'k', 'Finicity-App-Token': token, 'Content-Type': 'application/json' };
    const customer = (await (
      await fetch(`${finicity.url}/aggregation/v2/customers/testing`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ username: 'browser-1' }),
      })
    ).json()) as { id: string };
    const { link } = (await (
      await fetch(`${finicity.url}/connect/v2/generate`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ partnerId: 'p', customerId: customer.id }),
      })
    ).json()) as { link: string };
    const page = await browser.newPage();
    await page.goto(link);
    await page.fill('#username', 'profile_03');
    await page.fill('#password', 'profile_03');
    await page.click('#submit');
    await page.waitForSelector('#linked li');
    expect(await page.locator('#linked li').count()).toBe(3);
    const accounts = (await (await fetch(`${finicity.url}/aggregation/v1/customers/${customer.id}/accounts`, { headers })).json()) as {
      accounts: unknown[];
    };
    expect(accounts.accounts).toHaveLength(3);
    await page.close();
  });
});
