import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem, getItem } from '../../helpers/api.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import { logger } from '../../../functions/shared/logger.js';
import type { FakePlaid } from '../../../local/vendors/plaid/fake-plaid.js';
import { type Bank, newBank, person } from './helpers.js';
import { plaidCall, startVendors } from './vendors.js';

// Vendor access tokens are bearer credentials and full account numbers are secrets: neither may
// reach the functions' logs. The vendor walk (link → access token → add → balance), with the
// rejections and vendor errors that make the functions log, runs with the logger at DEBUG while
// everything written to stdout/stderr and the console is captured (the Powertools logger writes
// one JSON line per entry through a Console bound to process.stdout/stderr).

const FULL_ACCOUNT_NUMBER = '1111222233330000'; // First Platypus checking, in the fake Plaid.

let plaid: FakePlaid;
let bank: Bank;
let customerId: string;
const lines: string[] = [];

const capture = () => {
  const grab = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(grab as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(grab as typeof process.stderr.write);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
};

beforeAll(async () => {
  ({ plaid } = await startVendors());
  bank = await newBank('ext-log-secrets');
  customerId = await person(bank, { first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' });
  logger.setLogLevel('DEBUG');
  capture();
});

afterAll(() => {
  vi.restoreAllMocks();
  logger.setLogLevel((process.env.POWERTOOLS_LOG_LEVEL as 'ERROR' | undefined) ?? 'ERROR');
});

describe('the functions’ logs across a vendor walk', () => {
  it('never hold the access token or the full account number', async () => {
    const link = await bank.api.post('/v0/external_accounts/link_tokens', {
      customer_id: customerId,
      client_name: 'Bankline test',
      country_codes: ['US'],
      language: 'EN',
      type: 'DEPOSITORY',
    });
    expect(link.status, link.rawBody).toBe(201);
    const done = await plaidCall(plaid, '/link/bankline/complete', {
      link_token: link.body.link_token,
      institution_id: 'ins_109508',
      username: 'user_good',
      password: 'pass_good',
      account_ids: ['chk'],
    });
    const access = await bank.api.post('/v0/external_accounts/access_tokens', {
      customer_id: customerId,
      vendor_public_token: done.public_token,
      vendor_institution_id: 'ins_109508',
    });
    expect(access.status, access.rawBody).toBe(201);
    const accessToken = access.body.vendor_access_token as string;
    const checkingId = done.accounts[0].id as string;
    const addBody = {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: accessToken,
      vendor_account_ids: [checkingId],
      verify_owner: true,
    };
    const added = await bank.api.post('/v0/external_accounts/add_vendor_accounts', addBody);
    expect(added.status, added.rawBody).toBe(200);
    const id = added.body.added_accounts[0].id as string;
    expect((await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, id)))?.account_identifiers.number).toBe(FULL_ACCOUNT_NUMBER);
    expect((await bank.api.get(`/v0/external_accounts/${id}/balance`)).status).toBe(200);

    // What makes the functions log: rejections carrying the token, and a vendor error.
    expectProblem(
      await bank.api.post('/v0/external_accounts/add_vendor_accounts', { ...addBody, verify_owner: 'yes' }),
      400,
      undefined,
      'verify_owner',
    );
    const other = await person(bank);
    expect(
      (await bank.api.post('/v0/external_accounts/add_vendor_accounts', { ...addBody, customer_id: other })).status,
    ).toBeGreaterThanOrEqual(400);
    await plaidCall(plaid, '/sandbox/item/reset_login', { access_token: accessToken });
    expectProblem(await bank.api.get(`/v0/external_accounts/${id}/balance`), 400, undefined, 'ITEM_LOGIN_REQUIRED');

    const output = lines.join('\n');
    // The capture saw the functions' log lines (the rejections above are logged at INFO).
    expect(output).toContain('request rejected');
    expect(output).not.toContain(accessToken);
    expect(output).not.toContain(accessToken.replace(/^access-sandbox-/, ''));
    expect(output).not.toContain(FULL_ACCOUNT_NUMBER);
    expect(output).not.toContain(done.public_token);
  });
});
