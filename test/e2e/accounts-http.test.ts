// The accounts journey a fintech runs first, over real HTTP through the twin: onboard and verify
// a customer, open an account, read it, freeze and unfreeze it, suspend it, list it, and see
// the tenant boundary hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
let customerId: string;
let accountId: string;

const url = (path: string) => `${twin.url}${path}`;
const asOldBank = (path: string, init: { method?: string; body?: unknown } = {}) => call(url(path), { ...init, key: twin.oldBank.api_key });

beforeAll(async () => {
  twin = await startInProcessTwin();
  const created = await asOldBank('/v0/customers', { method: 'POST', body: PERSON_BODY });
  expect(created.status).toBe(201);
  customerId = created.body.id;
});
afterAll(async () => twin?.close());

describe('accounts over HTTP', () => {
  const openChecking = () =>
    asOldBank('/v0/accounts', {
      method: 'POST',
      body: { account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: customerId }] },
    });

  it('refuses an account for a holder who has not passed KYC, naming the holder', async () => {
    const { status, body } = await openChecking();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(body.detail).toContain(customerId);
  });

  it('opens a CHECKING account once the holder is ACCEPTED, with zero balances and a masked number', async () => {
    const verified = await asOldBank('/v0/verifications/verify', {
      method: 'POST',
      body: { customer_consent: true, person_id: customerId },
    });
    expect(verified.body.verification_status).toBe('ACCEPTED');
    const { status, body } = await openChecking();
    expect(status).toBe(201);
    accountId = body.id;
    expect(body).toMatchObject({ account_type: 'CHECKING', status: 'ACTIVE_OR_DISBURSED', access_status: 'ACTIVE' });
    expect(body.account_number_masked).toMatch(/\d{4}$/);
    expect(body.balances.map((b: { type: string }) => b.type).sort()).toEqual(['ACCOUNT_BALANCE', 'AVAILABLE_BALANCE']);
    expect(body.balances.every((b: { balance: number }) => b.balance === 0)).toBe(true);
  });

  it('reads it back under /v0 and /v2, and the holder now has_accounts', async () => {
    const v0 = await asOldBank(`/v0/accounts/${accountId}`);
    const v2 = await asOldBank(`/v2/accounts/${accountId}`);
    expect(v0.status).toBe(200);
    expect(v2.status).toBe(200);
    expect(v2.body.id).toBe(accountId);
    expect((await asOldBank(`/v0/customers/${customerId}`)).body.has_accounts).toBe(true);
  });

  it('freezes alone, refuses other changes while FROZEN, then unfreezes', async () => {
    expect(
      (await asOldBank(`/v0/accounts/${accountId}`, { method: 'PATCH', body: { access_status: 'FROZEN', nickname: 'x' } })).status,
    ).toBe(400);
    expect((await asOldBank(`/v0/accounts/${accountId}`, { method: 'PATCH', body: { access_status: 'FROZEN' } })).body.access_status).toBe(
      'FROZEN',
    );
    const blocked = await asOldBank(`/v0/accounts/${accountId}`, { method: 'PATCH', body: { nickname: 'Everyday' } });
    expect(blocked.status).toBeGreaterThanOrEqual(400);
    expect(blocked.status).toBeLessThan(500);
    expect((await asOldBank(`/v0/accounts/${accountId}`, { method: 'PATCH', body: { access_status: 'ACTIVE' } })).body.access_status).toBe(
      'ACTIVE',
    );
  });

  it('needs a note to suspend, and names the rule when it is missing', async () => {
    const missing = await asOldBank(`/v0/accounts/${accountId}`, { method: 'PATCH', body: { status: 'SUSPENDED' } });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain('note');
    const suspended = await asOldBank(`/v0/accounts/${accountId}`, {
      method: 'PATCH',
      body: { status: 'SUSPENDED', note: 'fraud review' },
    });
    expect(suspended.body.status).toBe('SUSPENDED');
  });

  it('lists the account, and the other tenant cannot see it', async () => {
    const list = await asOldBank('/v0/accounts?limit=10');
    expect(list.body.accounts.map((a: { id: string }) => a.id)).toContain(accountId);
    const other = await call(url(`/v0/accounts/${accountId}`), { key: twin.newBank.api_key });
    expect(other.status).toBe(404);
  });
});
