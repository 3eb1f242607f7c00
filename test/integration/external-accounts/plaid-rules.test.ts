import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, getItem } from '../../helpers/api.js';
import { EXTERNAL_ACCOUNT_KEYS } from '../../../functions/adapters/dynamodb/external-account-keys.js';
import type { FakePlaid } from '../../../local/vendors/plaid/fake-plaid.js';
import { type Bank, business, createManual, manualBody, newBank, person } from './helpers.js';
import { plaidCall, sandboxPublicToken, startVendors } from './vendors.js';

// The vendor rules, each with a passing and a rejected case against the fake Plaid: micro-
// deposits, verify_owner, vendor errors (4xx naming the code, 502/503 writing nothing), and the
// request shapes the contract refuses.

let plaid: FakePlaid;
let bank: Bank;
let alberta: string;

beforeAll(async () => {
  ({ plaid } = await startVendors());
  bank = await newBank('ext-plaid-rules');
  alberta = await person(bank, { first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' });
});

const linkBody = (owner: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  ...owner,
  client_name: 'Bankline test',
  country_codes: ['US'],
  language: 'EN',
  type: 'DEPOSITORY',
  ...extra,
});

const exchange = async (customerId: string, publicToken: string, institution = 'ins_109508') => {
  const response = await bank.api.post('/v0/external_accounts/access_tokens', {
    customer_id: customerId,
    vendor_public_token: publicToken,
    vendor_institution_id: institution,
  });
  if (response.status !== 201) throw new Error(`access token: ${response.status} ${response.rawBody}`);
  return response.body.vendor_access_token as string;
};

const vendorIds = async (accessToken: string) =>
  (await plaidCall(plaid, '/accounts/get', { access_token: accessToken })).accounts.map((a: any) => a.account_id) as string[];

const add = (customerId: string, accessToken: string, ids: string[], extra: Record<string, unknown> = {}) =>
  bank.api.post('/v0/external_accounts/add_vendor_accounts', {
    vendor: 'PLAID',
    customer_type: 'PERSONAL',
    customer_id: customerId,
    vendor_access_token: accessToken,
    vendor_account_ids: ids,
    ...extra,
  });

describe('the micro-deposit walk', () => {
  it('MICRO_DEPOSIT link → access token ("-") → UNVERIFIED account → wrong code refused → code ABC → VERIFIED', async () => {
    const customer = await person(bank);
    const link = await bank.api.post('/v0/external_accounts/link_tokens', linkBody({ customer_id: customer }, { type: 'MICRO_DEPOSIT' }));
    expect(link.status, link.rawBody).toBe(201);
    const linked = await plaidCall(plaid, '/link/bankline/complete', {
      link_token: link.body.link_token,
      micro_deposit: { routing: '110000000', account: '1111222233330000' },
    });
    expect(linked.accounts[0].verification_status).toBe('pending_manual_verification');
    const accessToken = await exchange(customer, linked.public_token, '-');
    const added = await add(customer, accessToken, [linked.accounts[0].id]);
    expect(added.status, added.rawBody).toBe(200);
    const account = added.body.added_accounts[0];
    expect(account).toMatchObject({
      verification: { vendor: 'PLAID', status: 'UNVERIFIED' },
      routing_identifiers: { ach_routing_number: '0000' },
    });

    // The deposits have arrived: a second link token, in update mode, to confirm the amounts.
    const second = await bank.api.post(
      '/v0/external_accounts/link_tokens',
      linkBody({ customer_id: customer }, { type: 'MICRO_DEPOSIT', vendor_institution_id: '-', vendor_access_token: accessToken }),
    );
    expect(second.status, second.rawBody).toBe(201);
    await expect(
      plaidCall(plaid, '/link/bankline/complete', { link_token: second.body.link_token, verification_code: 'XYZ' }),
    ).rejects.toThrow(/INCORRECT_DEPOSIT_VERIFICATION/);
    const stillPending = await bank.api.post('/v0/external_accounts/sync_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customer,
      vendor_access_token: accessToken,
    });
    expect(stillPending.body).toMatchObject({ added_accounts: [], deleted_accounts: [], failed_accounts: [] });
    expect((await bank.api.get(`/v0/external_accounts/${account.id}`)).body.verification.status).toBe('UNVERIFIED');

    await plaidCall(plaid, '/link/bankline/complete', { link_token: second.body.link_token, verification_code: 'ABC' });
    const sync = await bank.api.post('/v0/external_accounts/sync_vendor_accounts', {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customer,
      vendor_access_token: accessToken,
    });
    expect(sync.status, sync.rawBody).toBe(200);
    const after = (await bank.api.get(`/v0/external_accounts/${account.id}`)).body;
    expect(after.verification.status).toBe('VERIFIED');
    const updated = (await eventsOf(bank.id)).filter((e) => e.resource_id === account.id && e.type === 'EXTERNAL_ACCOUNT.UPDATED');
    expect(updated).toHaveLength(1);
  });

  it('refuses verify_owner on a micro-deposit link, and MICRO_DEPOSIT with FINICITY', async () => {
    expectProblem(
      await bank.api.post(
        '/v0/external_accounts/link_tokens',
        linkBody({ customer_id: alberta }, { type: 'MICRO_DEPOSIT', verify_owner: true }),
      ),
      400,
      undefined,
      'verify_owner',
    );
    expectProblem(
      await bank.api.post(
        '/v0/external_accounts/link_tokens',
        linkBody({ customer_id: alberta }, { type: 'MICRO_DEPOSIT', vendor: 'FINICITY' }),
      ),
      400,
      undefined,
      'MICRO_DEPOSIT',
    );
  });
});

describe('link token types', () => {
  const linked = async (type: string) => {
    const link = await bank.api.post('/v0/external_accounts/link_tokens', linkBody({ customer_id: alberta }, { type }));
    expect(link.status, link.rawBody).toBe(201);
    expect(link.body.link_token).toMatch(/^link-sandbox-/);
    return (await plaidCall(plaid, '/link/token/get', { link_token: link.body.link_token })).metadata;
  };

  it('CREDIT asks Plaid for transactions on credit cards only', async () => {
    expect(await linked('CREDIT')).toEqual({
      initial_products: ['transactions'],
      account_filters: { credit: { account_subtypes: ['credit card'] } },
    });
  });

  it('INVESTMENT asks Plaid for investments, with no account filter', async () => {
    expect(await linked('INVESTMENT')).toEqual({ initial_products: ['investments'], account_filters: null });
  });

  it('DEPOSITORY asks for auth on checking and savings; an unknown type is refused by name', async () => {
    expect(await linked('DEPOSITORY')).toMatchObject({
      initial_products: ['auth'],
      account_filters: { depository: { account_subtypes: ['checking', 'savings'] } },
    });
    const before = plaid.calls.get('/link/token/create') ?? 0;
    expectProblem(
      await bank.api.post('/v0/external_accounts/link_tokens', linkBody({ customer_id: alberta }, { type: 'LOAN' })),
      400,
      undefined,
      'type',
    );
    expect(plaid.calls.get('/link/token/create') ?? 0).toBe(before);
  });
});

describe('verify_owner', () => {
  it('adds the account when at least 2 of name, phone, email, address match', async () => {
    const accessToken = await exchange(alberta, await sandboxPublicToken(plaid));
    const [checking] = await vendorIds(accessToken);
    const response = await add(alberta, accessToken, [checking as string], { verify_owner: true });
    expect(response.body.added_accounts).toHaveLength(1);
  });

  it('reports FAILED_VERIFICATION when fewer than 2 match, and writes nothing', async () => {
    const stranger = await person(bank, { first_name: 'Zed', last_name: 'Nobody' });
    const accessToken = await exchange(stranger, await sandboxPublicToken(plaid));
    const [checking] = await vendorIds(accessToken);
    const before = (await eventsOf(bank.id)).length;
    const response = await add(stranger, accessToken, [checking as string], { verify_owner: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      added_accounts: [],
      failed_accounts: [{ vendor_account_id: checking, reason: 'FAILED_VERIFICATION' }],
    });
    expect((await eventsOf(bank.id)).length).toBe(before);
  });

  it('is refused for a business owner', async () => {
    const businessId = await business(bank);
    expectProblem(
      await bank.api.post('/v0/external_accounts/link_tokens', linkBody({ business_id: businessId }, { verify_owner: true })),
      400,
      undefined,
      'verify_owner',
    );
  });
});

describe('vendor errors', () => {
  it('each forced Plaid error becomes a 4xx naming it, with what to do', async () => {
    for (const [code, hint] of [
      ['ITEM_LOGIN_REQUIRED', 'update-mode link token'],
      ['INSTITUTION_NOT_RESPONDING', 'retry later'],
      ['NO_AUTH_ACCOUNTS', 'link another account'],
      ['PRODUCTS_NOT_SUPPORTED', 'add the account manually'],
    ] as const) {
      const accessToken = await exchange(alberta, await sandboxPublicToken(plaid, { override_password: `error_${code}` }));
      const response = await add(alberta, accessToken, ['any-id']);
      expect(response.status, response.rawBody).toBe(200);
      expect(response.body.failed_accounts).toEqual([
        expect.objectContaining({ vendor_account_id: 'any-id', reason: 'PROVIDER_ERROR', vendor_error_message: expect.any(String) }),
      ]);
      expect(response.body.failed_accounts[0].reason_description).toContain(hint);
    }
  });

  it('wrong sandbox credentials never give a public token', async () => {
    await expect(sandboxPublicToken(plaid, { override_password: 'wrong' })).rejects.toThrow(/INVALID_CREDENTIALS/);
  });

  it('a used public token is refused by name (INVALID_PUBLIC_TOKEN) with what to do', async () => {
    const token = await sandboxPublicToken(plaid);
    await exchange(alberta, token);
    const again = await bank.api.post('/v0/external_accounts/access_tokens', {
      customer_id: alberta,
      vendor_public_token: token,
      vendor_institution_id: 'ins_109508',
    });
    expectProblem(again, 400, 'INVALID_PUBLIC_TOKEN', 'run Link again');
  });

  it('a failing institution (500) gives 502 and writes nothing; the same Idempotency-Key can be retried', async () => {
    const accessToken = await exchange(alberta, await sandboxPublicToken(plaid, {}, 'ins_failing'));
    const before = (await eventsOf(bank.id)).length;
    const key = randomUUID();
    const first = await add(alberta, accessToken, ['x'], {});
    expectProblem(first, 502, 'VENDOR_UNAVAILABLE', 'retry');
    const withKey = await bank.api.post(
      '/v0/external_accounts/add_vendor_accounts',
      { vendor: 'PLAID', customer_type: 'PERSONAL', customer_id: alberta, vendor_access_token: accessToken, vendor_account_ids: ['x'] },
      { headers: { 'Idempotency-Key': key } },
    );
    expectProblem(withKey, 502);
    const retried = await bank.api.post(
      '/v0/external_accounts/add_vendor_accounts',
      { vendor: 'PLAID', customer_type: 'PERSONAL', customer_id: alberta, vendor_access_token: accessToken, vendor_account_ids: ['x'] },
      { headers: { 'Idempotency-Key': key } },
    );
    expectProblem(retried, 502);
    expect((await eventsOf(bank.id)).length).toBe(before);
  });

  it('a slow institution gives 503 VENDOR_TIMEOUT', async () => {
    const accessToken = await exchange(alberta, await sandboxPublicToken(plaid, {}, 'ins_slow'));
    expectProblem(await add(alberta, accessToken, ['x']), 503, 'VENDOR_TIMEOUT', 'retry');
  });
});

describe('request rules', () => {
  it('refuses an access token issued for another customer, and one never exchanged', async () => {
    const accessToken = await exchange(alberta, await sandboxPublicToken(plaid));
    const other = await person(bank);
    expectProblem(await add(other, accessToken, ['x']), 400, undefined, 'access_tokens');
    expectProblem(await add(alberta, 'access-sandbox-unknown', ['x']), 400, undefined, 'vendor_access_token');
  });

  it('needs vendor_account_ids for add with PLAID, and refuses add with FINICITY', async () => {
    const accessToken = await exchange(alberta, await sandboxPublicToken(plaid));
    const { vendor_account_ids: _, ...body } = {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: alberta,
      vendor_access_token: accessToken,
      vendor_account_ids: [],
    };
    expectProblem(await bank.api.post('/v0/external_accounts/add_vendor_accounts', body), 400, undefined, 'vendor_account_ids');
    expectProblem(
      await bank.api.post('/v0/external_accounts/add_vendor_accounts', { ...body, vendor: 'FINICITY', vendor_customer_id: '1' }),
      400,
      undefined,
      'sync_vendor_accounts',
    );
  });

  it('a manual account has no vendor balance (422), and a vendor account is reported duplicate of a manual one', async () => {
    const customer = await person(bank);
    const manual = await createManual(
      bank,
      manualBody(
        { customer_id: customer },
        {
          account_identifiers: { number: '1111222233330000' },
          routing_identifiers: { bank_name: 'X', bank_countries: ['US'], ach_routing_number: '011401533' },
        },
      ),
    );
    expectProblem(await bank.api.get(`/v0/external_accounts/${manual.id}/balance`), 422, undefined, 'manually');
    const accessToken = await exchange(customer, await sandboxPublicToken(plaid));
    const [checking] = await vendorIds(accessToken);
    const response = await add(customer, accessToken, [checking as string]);
    expect(response.body.failed_accounts).toEqual([expect.objectContaining({ reason: 'DUPLICATE_ACCOUNT' })]);
    expect(await getItem(EXTERNAL_ACCOUNT_KEYS.account(bank.id, manual.id))).toBeDefined();
  });
});
