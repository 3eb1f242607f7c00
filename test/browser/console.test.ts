import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePages } from '../../local/console-pages.js';
import { WebhookTwin } from '../../local/streams/webhook-twin.js';
import { ClosureTwin } from '../../local/workflows/closure-twin.js';
import { call, type InProcessTwin, startInProcessTwin } from '../e2e/support/in-process-twin.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { type Receiver, startReceiver } from '../helpers/webhook-receiver.js';
import { launchChromium } from './chromium.js';
import { type ConsoleSeed, seedConsoleData } from './support/console-seed.js';

// The operator console in Chromium against an in-process twin, walked as an operator does: sign
// in (pre-filled on localhost), find a customer, open the account and read its balance after a
// simulated ACH, follow "View Migrated Resource" to the new bank and back, resend a webhook.
// Every page is checked with axe-core (no serious or critical violation) and photographed at
// 1280×800 and 390×844 into test-artifacts/console/. Any console error or failed request fails.

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/console/', import.meta.url));
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

let twin: InProcessTwin;
let hooks: WebhookTwin;
let receiver: Receiver;
let browser: Browser;
let context: BrowserContext;
let seed: ConsoleSeed;
let operatorKey: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  receiver = await startReceiver();
  twin = await startInProcessTwin({ console: consolePages({ localOperatorKey: () => operatorKey }) });
  operatorKey = twin.operator.api_key;
  const { endpoint, tableName } = useTestTable();
  hooks = new WebhookTwin({ endpoint, tableName });
  await hooks.start();
  [seed, browser] = await Promise.all([seedConsoleData(twin.url, twin.oldBank, twin.newBank, receiver.url), launchChromium()]);
  await hooks.settle();
  context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US', timezoneId: 'America/New_York' });
  // Generous for a loaded 2-core machine; each wait ends as soon as its condition holds.
  context.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await context?.close();
  await twin?.close();
  await receiver?.close();
});

const watch = (page: Page): void => {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
};

/** Pages whose tables overflow a phone: axe runs there at both widths (scrollable regions must be focusable). */
const AXE_ON_PHONE = new Set(['04-person', '05-account', '07-mappings', '09-webhook']);

const expectNoSeriousViolations = async (page: Page, label: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    label,
  ).toEqual([]);
};

/** axe-core on the page as it is, then a full-page screenshot at each viewport. */
const check = async (page: Page, name: string): Promise<void> => {
  await expectNoSeriousViolations(page, `${name} at 1280×800`);
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    if (label === 'phone' && AXE_ON_PHONE.has(name)) await expectNoSeriousViolations(page, `${name} at 390×844`);
    await page.screenshot({ path: `${ARTIFACTS}${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
};

/** expect.poll with the page's patience (vitest's default is 1 s; a sandbox clock advance runs the tenant's due work first). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

const heading = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text }).waitFor();

describe('the operator console', () => {
  it('walks sign-in, customer, account balance, View Migrated Resource both ways, mappings and a webhook resend', async () => {
    const page = await context.newPage();
    watch(page);
    const oldBank = twin.oldBank.name;
    const newBank = twin.newBank.name;

    // Sign in: the field is pre-filled from the twin's local-only endpoint.
    await page.goto(`${twin.url}/console/`);
    await eventually(() => page.inputValue('#key')).toBe(operatorKey);
    await check(page, '01-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(page.url()).not.toContain(operatorKey);

    // The organization and its tenants.
    const oldBankCard = page.getByRole('listitem').filter({ hasText: oldBank });
    await oldBankCard.waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: newBank }).count()).toBe(1);
    await check(page, '02-organization');
    await oldBankCard.getByRole('link', { name: 'Customers' }).click();

    // Pages follow the API's page tokens: one person per page, forward and back.
    await page.goto(`${twin.url}/console/#/t/${twin.oldBank.id}/customers?limit=1`);
    const persons = page.getByRole('table', { name: 'Persons' }).locator('tbody tr');
    await page.getByText('Page 1').waitFor();
    await persons.first().waitFor();
    const first = await persons.allTextContents();
    expect(first).toHaveLength(1);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await eventually(() => persons.allTextContents()).not.toEqual(first);
    expect(await persons.count()).toBe(1);
    await page.getByRole('button', { name: 'Previous' }).click();
    await eventually(() => persons.allTextContents()).toEqual(first);
    await page.goto(`${twin.url}/console/#/t/${twin.oldBank.id}/customers`);

    // Find the customer by name.
    await heading(page, `Customers · ${oldBank}`);
    await page.getByRole('link', { name: /Babbage/ }).waitFor();
    await page.getByLabel('Last name starts with').fill(seed.lastName.slice(0, 4));
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.getByRole('link', { name: /Babbage/ }).count()).toBe(0);
    await page.getByRole('link', { name: `Ada ${seed.lastName}` }).waitFor();
    await check(page, '03-customers');
    await page.getByRole('link', { name: `Ada ${seed.lastName}` }).click();

    // The person, and the account they hold.
    await heading(page, `Person · ${oldBank}`);
    await page.getByRole('link', { name: /CHECKING/ }).waitFor();
    await page.getByRole('cell', { name: 'Chase' }).waitFor();
    expect(await page.getByRole('cell', { name: '•••• 6789' }).count()).toBe(1);
    await page.getByText('View Migrated Resource').waitFor({ state: 'attached' });
    await check(page, '04-person');
    await page.getByRole('link', { name: /CHECKING/ }).click();

    // The balance after the simulated incoming ACH.
    await heading(page, `Account · ${oldBank}`);
    await eventually(() => page.getByTestId('account-balance').textContent()).toBe('$1,234.56');
    await page.getByRole('table', { name: 'Posted transactions' }).getByRole('cell', { name: 'ACH_INCOMING_CREDIT' }).waitFor();
    await check(page, '05-account');

    // To the new bank's account through the mapping, then back.
    // By keyboard: the action menu opens with Enter and its item is the next Tab stop.
    await page.getByText('Actions', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('View Migrated Resource');
    await page.keyboard.press('Enter');
    await heading(page, `Account · ${newBank}`);
    const banner = page.getByRole('status').filter({ hasText: 'Migrated resource' });
    await eventually(() => banner.textContent()).toContain(newBank);
    expect(await banner.textContent()).toContain(oldBank);
    expect(page.url()).toContain(seed.newAccountId);
    await eventually(() => page.getByTestId('account-balance').textContent()).toBe('$0.00');
    await check(page, '06-account-migrated');
    // From the new side the same action leads back to the old record (a mapping read from either tenant).
    await page.getByText('Actions', { exact: true }).click();
    expect(await page.getByRole('link', { name: 'View Migrated Resource' }).getAttribute('href')).toContain(seed.oldAccountId);
    await page.getByRole('link', { name: `Back to ${oldBank}` }).click();
    await heading(page, `Account · ${oldBank}`);
    expect(page.url()).toContain(seed.oldAccountId);

    // A customer without a mapping has no such action (absent, not disabled).
    const mappingsRead = page.waitForResponse((r) => r.url().includes(`any_resource_id=${seed.unmappedPersonId}`));
    await page.goto(`${twin.url}/console/#/t/${twin.oldBank.id}/persons/${seed.unmappedPersonId}`);
    await heading(page, `Person · ${oldBank}`);
    await (await mappingsRead).finished();
    await page.evaluate('new Promise(requestAnimationFrame)'); // the answer rendered
    await page.getByText('Babbage').waitFor();
    expect(await page.getByText('View Migrated Resource').count()).toBe(0);
    expect(await page.getByText('Actions', { exact: true }).count()).toBe(0);

    // A business, mapped too: its page offers the same action.
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Businesses' }).click();
    await page.getByRole('link', { name: seed.businessName }).click();
    await heading(page, `Business · ${oldBank}`);
    await page.getByText('Actions', { exact: true }).click();
    await page.getByRole('link', { name: 'View Migrated Resource' }).click();
    await heading(page, `Business · ${newBank}`);
    expect(page.url()).toContain(seed.newBusinessId);
    await page.getByRole('status').filter({ hasText: 'Migrated resource' }).waitFor();
    await check(page, '04-business-migrated');

    // Migration mappings.
    await page.getByRole('link', { name: 'Migration mappings' }).click();
    await heading(page, `Migration mappings · ${newBank}`);
    await page.getByRole('combobox', { name: 'Tenant' }).selectOption({ label: oldBank });
    await heading(page, `Migration mappings · ${oldBank}`);
    await page.getByRole('cell', { name: 'ACCOUNT', exact: true }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /Mappings seen from/ })
        .locator('tbody tr')
        .count(),
    ).toBe(3);
    const progress = page.getByRole('table', { name: /Mappings per tenant pair/ }).locator('tbody tr');
    await progress.first().waitFor();
    // From, to, PERSON, BUSINESS, ACCOUNT, total.
    expect(await progress.first().locator('td').allTextContents()).toEqual([oldBank, newBank, '1 live', '1 live', '1 live', '3 live']);
    await check(page, '07-mappings');

    // Webhooks: the subscription, its delivery and response history, and a resend.
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await heading(page, `Webhooks · ${oldBank}`);
    await check(page, '08-webhooks');
    await page.getByRole('link', { name: receiver.url }).click();
    await heading(page, `Webhook · ${oldBank}`);
    const delivery = page.getByRole('row').filter({ hasText: 'ACCOUNT.UPDATED' }).first();
    await delivery.getByText('SUCCESS').waitFor();
    await delivery.getByText('History').click();
    await delivery.locator('.attempts li').first().waitFor();
    expect(await delivery.locator('.attempts li').first().textContent()).toContain('200');
    await check(page, '09-webhook');
    const before = receiver.received.length;
    await delivery.getByRole('button', { name: /^Resend/ }).click();
    await delivery.getByText('Resend queued').waitFor();
    await hooks.settle();
    expect(receiver.received.length).toBe(before + 1);

    // The accounts list, and the sandbox clock moved a day (a console action).
    await page.getByRole('link', { name: 'Accounts' }).click();
    await heading(page, `Accounts · ${oldBank}`);
    await page.getByRole('cell', { name: '$1,234.56' }).first().waitFor();
    const clock = page.locator('.clock time');
    await clock.waitFor();
    const clockBefore = await clock.getAttribute('datetime');
    await check(page, '10-accounts');
    await page.getByRole('button', { name: 'Advance 1 day' }).click();
    await eventually(() => clock.getAttribute('datetime')).not.toBe(clockBefore);
    const moved = (Date.parse((await clock.getAttribute('datetime'))!) - Date.parse(clockBefore!)) / 3_600_000;
    expect(moved).toBeGreaterThanOrEqual(24);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('watches a closure advance step by step after sandbox clock advances', async () => {
    const closures = new ClosureTwin({
      endpoint: useTestTable().endpoint,
      tableName: useTestTable().tableName,
      tenants: (t: string) => t === twin.oldBank.id,
    });
    await closures.start();
    try {
      const key = twin.oldBank.api_key;
      const opened = await call(`${twin.url}/v0/accounts`, {
        method: 'POST',
        key,
        body: {
          account_type: 'CHECKING',
          relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: seed.oldPersonId }],
        },
      });
      expect(opened.status, opened.text).toBe(201);
      const closing = await call(`${twin.url}/v0/accounts/${opened.body.id}/initiate_closure`, {
        method: 'POST',
        key,
        body: {
          reason: 'CUSTOMER_REQUEST_TRANSFER',
          reason_details: 'moving to another bank',
          payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
          destination_id: seed.oldAccountId,
        },
      });
      expect(closing.status, closing.text).toBe(200);
      await closures.settle();

      const page = await context.newPage();
      watch(page);
      // A new tab has its own sessionStorage: sign in again; the hash keeps the page asked for.
      await page.goto(`${twin.url}/console/#/t/${twin.oldBank.id}/accounts/${opened.body.id}`);
      await eventually(() => page.inputValue('#key')).toBe(operatorKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const steps = page.getByRole('list', { name: 'Closure steps' });
      await steps.waitFor();
      const current = () => steps.locator('[aria-current="step"]').textContent();
      await eventually(current).toContain('Wait for the return window');
      await check(page, '11-closure');
      // The close waits for the next business day: a day at a time (a weekend takes more than one).
      for (let day = 0; day < 4 && (await steps.locator('[aria-current="step"]').count()) > 0; day += 1) {
        const advanced = page.waitForResponse((r) => r.url().endsWith('/v0/sandbox/clock') && r.request().method() === 'POST');
        await page.getByRole('button', { name: 'Advance 1 day' }).click();
        await advanced;
        await closures.settle();
        const reread = page.waitForResponse((r) => r.url().endsWith(`/v0/accounts/${opened.body.id}`));
        await page.getByRole('button', { name: 'Refresh' }).click();
        await (await reread).finished();
        await page.evaluate('new Promise(requestAnimationFrame)'); // the answer rendered
      }
      await eventually(() => page.getByRole('listitem').filter({ hasText: 'Closed' }).textContent()).toContain('(done)');
      await page.getByText('CLOSED').first().waitFor();
      await check(page, '12-closure-closed');
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await closures.stop();
    }
  });
});
