// Real Chromium for the browser suite, through playwright-core (no bundled browsers): Debian's
// `chromium` package at /usr/bin/chromium (.ci/run installs it when missing).
import { afterAll } from 'vitest';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = async (): Promise<Browser> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
  afterAll(() => browser.close());
  return browser;
};
