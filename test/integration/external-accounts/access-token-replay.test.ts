import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../../functions/idempotency/model.js';
import type { FakePlaid } from '../../../local/vendors/plaid/fake-plaid.js';
import { type ApiResult, getItem, KEYS } from '../../helpers/api.js';
import { type Bank, newBank, person } from './helpers.js';
import { plaidCall, sandboxPublicToken, startVendors } from './vendors.js';

// Issue 8, Secrets: the access token is a bearer credential, so the response stored for
// Idempotency-Key replay holds it only sealed under the vendor token key, never in clear under
// the table's key alone; a replay still hands back the original token.

let plaid: FakePlaid;
let bank: Bank;
let customerId: string;

beforeAll(async () => {
  ({ plaid } = await startVendors());
  bank = await newBank('ext-access-token-replay');
  customerId = await person(bank, { first_name: 'Alberta', last_name: 'Charleson', email: 'accountholder0@example.com' });
});

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });
const storedRecord = async (key: string) => {
  const item = await getItem(KEYS.idempotency(bank.id, hashKey(key)));
  if (!item) throw new Error('no idempotency record stored');
  return item;
};

describe('POST /v0/external_accounts/access_tokens with an Idempotency-Key', () => {
  const key = randomUUID();
  let body: Record<string, unknown>;
  let first: ApiResult;

  beforeAll(async () => {
    body = { customer_id: customerId, vendor_public_token: await sandboxPublicToken(plaid), vendor_institution_id: 'ins_109508' };
    first = await bank.api.post('/v0/external_accounts/access_tokens', body, withKey(key));
  });

  it('stores the first response with the access token sealed: the raw item never holds it in clear', async () => {
    expect(first.status, first.rawBody).toBe(201);
    const token = first.body.vendor_access_token as string;
    expect(token).toMatch(/^access-sandbox-/);
    const item = await storedRecord(key);
    expect(item.status).toBe('COMPLETED');
    expect(JSON.stringify(item)).not.toContain(token);
    expect(item.response.sealed_fields).toEqual(['vendor_access_token']);
    const stored = JSON.parse(item.response.body);
    expect(stored.vendor_access_token).toMatch(/^v1\./);
    // The rest of the response is stored as sent.
    expect({ ...stored, vendor_access_token: token }).toEqual(first.body);
  });

  it('replays the same token with Idempotent-Replayed: true, without exchanging the public token again', async () => {
    const replay = await bank.api.post('/v0/external_accounts/access_tokens', body, withKey(key));
    expect(replay.status, replay.rawBody).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.rawBody).toBe(first.rawBody);
    expect(replay.body.vendor_access_token).toBe(first.body.vendor_access_token);
    // Plaid public tokens are single-use: a second exchange is refused, so this answer came from the record.
    const again = await bank.api.post('/v0/external_accounts/access_tokens', body, withKey(randomUUID()));
    expect(again.status).toBe(400);
  });

  it('add_vendor_accounts, whose request carries the token, stores only its hash (the fingerprint) and a response without it', async () => {
    const token = first.body.vendor_access_token as string;
    const accounts = await plaidCall(plaid, '/accounts/get', { access_token: token });
    const checking = accounts.accounts.find((a: { subtype: string }) => a.subtype === 'checking').account_id as string;
    const addKey = randomUUID();
    const add = {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: customerId,
      vendor_access_token: token,
      vendor_account_ids: [checking],
    };
    const response = await bank.api.post('/v0/external_accounts/add_vendor_accounts', add, withKey(addKey));
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body.added_accounts).toHaveLength(1);
    const item = await storedRecord(addKey);
    expect(item.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(item)).not.toContain(token);
    expect(item.response.sealed_fields).toBeUndefined();
  });
});

describe('other routes', () => {
  it('a link token response is stored and replayed as sent, with nothing sealed', async () => {
    const key = randomUUID();
    const body = { customer_id: customerId, client_name: 'Bankline test', country_codes: ['US'], language: 'EN', type: 'DEPOSITORY' };
    const first = await bank.api.post('/v0/external_accounts/link_tokens', body, withKey(key));
    expect(first.status, first.rawBody).toBe(201);
    const item = await storedRecord(key);
    expect(item.response.body).toBe(first.rawBody);
    expect(item.response.sealed_fields).toBeUndefined();
    const replay = await bank.api.post('/v0/external_accounts/link_tokens', body, withKey(key));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.rawBody).toBe(first.rawBody);
  });
});
