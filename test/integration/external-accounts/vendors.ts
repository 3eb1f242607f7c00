// Starts the fake vendors in the test process and points the vendor function at them (the
// function reads its vendor settings on first use, as a Lambda at cold start).
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { type FakeFinicity, startFakeFinicity } from '../../../local/vendors/finicity/fake-finicity.js';
import { type FakePlaid, startFakePlaid } from '../../../local/vendors/plaid/fake-plaid.js';

export const PLAID_CLIENT = { client_id: 'bankline-test-client', secret: 'bankline-test-secret' };

/** The fake Plaid, as a client calls it (sandbox endpoints, the Link stand-in). */
export const plaidCall = async (plaid: FakePlaid, path: string, body: Record<string, unknown>): Promise<any> => {
  const response = await fetch(`${plaid.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'PLAID-CLIENT-ID': PLAID_CLIENT.client_id, 'PLAID-SECRET': PLAID_CLIENT.secret },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
};

export const FINICITY_PARTNER = {
  partner_id: '2445500000001',
  partner_secret: 'bankline-test-partner-secret',
  app_key: 'bankline-test-app-key',
};

export const startVendors = async (): Promise<{ plaid: FakePlaid; finicity: FakeFinicity }> => {
  const [plaid, finicity] = await Promise.all([
    startFakePlaid({ clientId: PLAID_CLIENT.client_id, secret: PLAID_CLIENT.secret }),
    startFakeFinicity({
      partnerId: FINICITY_PARTNER.partner_id,
      partnerSecret: FINICITY_PARTNER.partner_secret,
      appKey: FINICITY_PARTNER.app_key,
    }),
  ]);
  Object.assign(process.env, {
    VENDOR_ENVIRONMENT: 'sandbox',
    PLAID_BASE_URL: plaid.url,
    FINICITY_BASE_URL: finicity.url,
    VENDOR_CREDENTIALS: JSON.stringify({ plaid: PLAID_CLIENT, finicity: FINICITY_PARTNER }),
    VENDOR_TOKEN_KEY: randomBytes(32).toString('hex'),
    // Generous for a loaded machine; only Tortoise Bank (which never answers) waits this long.
    VENDOR_TIMEOUT_MS: '2000',
  });
  afterAll(() => Promise.all([plaid.close(), finicity.close()]));
  return { plaid, finicity };
};

/** A public token for a First Platypus item, as Plaid's sandbox hands it out without Link. */
export const sandboxPublicToken = async (plaid: FakePlaid, options: Record<string, unknown> = {}, institution = 'ins_109508') =>
  (await plaidCall(plaid, '/sandbox/public_token/create', { institution_id: institution, initial_products: ['auth'], options }))
    .public_token as string;
