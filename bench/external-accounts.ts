import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { startFakeFinicity } from '../local/vendors/finicity/fake-finicity.js';
import { startFakePlaid } from '../local/vendors/plaid/fake-plaid.js';
import { localVendorCredentials, pointVendorFunctionsAt } from '../local/vendors/local-vendors.js';
import { CUSTOMER_BODY, type Endpoint } from './latency.js';

// External accounts per route: DynamoDB commands and vendor calls of one warm request, and p50
// over a few samples, through the twin against the fake Plaid (in-process, so the figures are
// Bankline's own cost plus a loopback hop, not Plaid's latency).

export interface ExternalAccountFigure {
  route: string;
  p50: number;
  samples: number;
  dynamoCalls: Record<string, number>;
  vendorCalls: Record<string, number>;
}

const SAMPLES = 50;

export const measureExternalAccounts = async (endpoint: Endpoint): Promise<ExternalAccountFigure[]> => {
  const home = mkdtempSync(join(tmpdir(), 'bankline-bench-vendors-'));
  const { credentials } = localVendorCredentials(home);
  const plaid = await startFakePlaid({ clientId: credentials.plaid.client_id, secret: credentials.plaid.secret });
  const finicity = await startFakeFinicity({
    partnerId: credentials.finicity.partner_id,
    partnerSecret: credentials.finicity.partner_secret,
    appKey: credentials.finicity.app_key,
  });
  pointVendorFunctionsAt(home, { plaid, finicity });
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${endpoint.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${endpoint.apiKey}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  };
  const plaidCall = async (path: string, body: Record<string, unknown>): Promise<any> =>
    (
      await fetch(`${plaid.url}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'PLAID-CLIENT-ID': credentials.plaid.client_id,
          'PLAID-SECRET': credentials.plaid.secret,
        },
        body: JSON.stringify(body),
      })
    ).json();

  const figures: ExternalAccountFigure[] = [];
  /**
   * One counted request (DynamoDB and vendor calls), then `samples` timed ones. `setup` makes what
   * one request consumes (an account to delete); it runs before each, outside counts and times.
   */
  const measure = async <S>(route: string, run: (prepared: S) => Promise<unknown>, samples = SAMPLES, setup?: () => Promise<S>) => {
    const prepare = async () => (setup ? await setup() : (undefined as S));
    await run(await prepare());
    let prepared = await prepare();
    const vendorBefore = new Map(plaid.calls);
    resetCallCounts();
    await run(prepared);
    const dynamoCalls = callCounts();
    const vendorCalls: Record<string, number> = {};
    for (const [path, n] of plaid.calls) if (n - (vendorBefore.get(path) ?? 0) > 0) vendorCalls[path] = n - (vendorBefore.get(path) ?? 0);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      prepared = await prepare();
      const start = process.hrtime.bigint();
      await run(prepared);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    figures.push({ route, p50: times[Math.floor(times.length / 2)] ?? Number.NaN, samples, dynamoCalls, vendorCalls });
  };

  try {
    const customer = (await call('POST', '/v0/customers', { ...CUSTOMER_BODY, first_name: 'Alberta', last_name: 'Charleson' }))
      .id as string;
    const linkBody = { customer_id: customer, client_name: 'Bench', country_codes: ['US'], language: 'EN', type: 'DEPOSITORY' };
    await measure('POST /v0/external_accounts/link_tokens', () => call('POST', '/v0/external_accounts/link_tokens', linkBody));
    let accessToken = '';
    await measure('POST /v0/external_accounts/access_tokens', async () => {
      const { public_token } = await plaidCall('/sandbox/public_token/create', {
        institution_id: 'ins_109508',
        initial_products: ['auth'],
      });
      accessToken = (
        await call('POST', '/v0/external_accounts/access_tokens', {
          customer_id: customer,
          vendor_public_token: public_token,
          vendor_institution_id: 'ins_109508',
        })
      ).vendor_access_token;
    });
    const accounts = (await plaidCall('/accounts/get', { access_token: accessToken })).accounts as { account_id: string }[];
    const addBody = (ids: string[]) => ({
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customer,
      vendor_access_token: accessToken,
      vendor_account_ids: ids,
    });
    // The first add creates the account; the measured ones find it linked (DUPLICATE_ACCOUNT): the same reads, no write.
    const added = (await call('POST', '/v0/external_accounts/add_vendor_accounts', addBody([accounts[0]!.account_id]))).added_accounts[0]
      .id as string;
    await measure('POST /v0/external_accounts/add_vendor_accounts (1 id)', () =>
      call('POST', '/v0/external_accounts/add_vendor_accounts', addBody([accounts[0]!.account_id])),
    );
    await measure('POST /v0/external_accounts/sync_vendor_accounts', () =>
      call('POST', '/v0/external_accounts/sync_vendor_accounts', { ...addBody([accounts[0]!.account_id]), vendor_account_ids: undefined }),
    );
    await measure('GET /v0/external_accounts/{id}', () => call('GET', `/v0/external_accounts/${added}`));
    await measure('GET /v0/external_accounts?customer_id=', () => call('GET', `/v0/external_accounts?customer_id=${customer}`));
    await measure('GET /v0/external_accounts/{id}/balance', () => call('GET', `/v0/external_accounts/${added}/balance`));
    await measure('GET /v0/external_accounts/{id}/transactions', () =>
      call('GET', `/v0/external_accounts/${added}/transactions?start_date=2026-01-01&end_date=2026-02-01`),
    );
    const manual = {
      customer_id: customer,
      customer_type: 'PERSONAL',
      type: 'CHECKING',
      account_owner_names: ['Bench Mark'],
      routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
    };
    let n = 0;
    await measure('POST /v0/external_accounts (manual)', () =>
      call('POST', '/v0/external_accounts', { ...manual, account_identifiers: { number: String(100_000_000 + (n += 1)) } }),
    );
    const newManual = async () =>
      (await call('POST', '/v0/external_accounts', { ...manual, account_identifiers: { number: String(200_000_000 + (n += 1)) } }))
        .id as string;
    await measure(
      'DELETE /v0/external_accounts/{id} (manual)',
      (id: string) => call('DELETE', `/v0/external_accounts/${id}`),
      20,
      newManual,
    );
    // A fresh customer and item each time: deleting its only account removes the item at Plaid.
    const linkedAlone = async () => {
      const owner = (await call('POST', '/v0/customers', CUSTOMER_BODY)).id as string;
      const { public_token } = await plaidCall('/sandbox/public_token/create', {
        institution_id: 'ins_109508',
        initial_products: ['auth'],
      });
      const token = (
        await call('POST', '/v0/external_accounts/access_tokens', {
          customer_id: owner,
          vendor_public_token: public_token,
          vendor_institution_id: 'ins_109508',
        })
      ).vendor_access_token as string;
      const [first] = (await plaidCall('/accounts/get', { access_token: token })).accounts as { account_id: string }[];
      const body = {
        vendor: 'PLAID',
        customer_type: 'PERSONAL',
        customer_id: owner,
        vendor_access_token: token,
        vendor_account_ids: [first!.account_id],
      };
      return (await call('POST', '/v0/external_accounts/add_vendor_accounts', body)).added_accounts[0].id as string;
    };
    await measure(
      'DELETE /v0/external_accounts/{id} (last account of a Plaid item)',
      (id: string) => call('DELETE', `/v0/external_accounts/${id}`),
      20,
      linkedAlone,
    );
  } finally {
    await Promise.all([plaid.close(), finicity.close()]);
  }
  return figures;
};

export const printExternalAccountFigures = (figures: ExternalAccountFigure[]): void => {
  const list = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
      .join(', ') || '-';
  console.table(
    figures.map((f) => ({
      route: f.route,
      samples: f.samples,
      p50: `${f.p50.toFixed(2)} ms`,
      'DynamoDB calls': list(f.dynamoCalls),
      'vendor calls (Plaid)': list(f.vendorCalls),
    })),
  );
};
