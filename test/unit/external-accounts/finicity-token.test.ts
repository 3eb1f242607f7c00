import { afterAll, beforeAll, expect, it } from 'vitest';
import { finicityClient, TOKEN_RENEW_AFTER_MS } from '../../../functions/adapters/vendors/finicity/finicity-client.js';
import { type FakeFinicity, startFakeFinicity } from '../../../local/vendors/finicity/fake-finicity.js';

// The partner token is cached, and renewed before Finicity's 2-hour expiry (after 90 minutes),
// on a clock the test moves; and renewed once when Finicity refuses it anyway.

const partner = { partner_id: 'p1', partner_secret: 's1', app_key: 'k1' };
let fake: FakeFinicity;

beforeAll(async () => {
  fake = await startFakeFinicity({ partnerId: partner.partner_id, partnerSecret: partner.partner_secret, appKey: partner.app_key });
});
afterAll(() => fake.close());

it('reuses the token for 90 minutes, then renews it before it expires', async () => {
  let now = 1_000_000;
  const client = finicityClient({ baseUrl: fake.url, testing: true, ...partner, timeoutMs: 2000 }, () => now);
  const before = fake.authentications();
  await client.findCustomers('nobody');
  await client.findCustomers('nobody');
  expect(fake.authentications() - before).toBe(1);
  now += TOKEN_RENEW_AFTER_MS - 1;
  await client.findCustomers('nobody');
  expect(fake.authentications() - before).toBe(1);
  now += 2;
  await client.findCustomers('nobody');
  expect(fake.authentications() - before).toBe(2);
  expect(TOKEN_RENEW_AFTER_MS).toBeLessThan(2 * 3_600_000);
});

it('renews once when Finicity no longer honours a cached token', async () => {
  const short = await startFakeFinicity({ partnerId: 'p2', partnerSecret: 's2', appKey: 'k2', tokenLifetimeMs: -1 });
  try {
    const client = finicityClient({
      baseUrl: short.url,
      testing: true,
      partner_id: 'p2',
      partner_secret: 's2',
      app_key: 'k2',
      timeoutMs: 2000,
    });
    await expect(client.findCustomers('x')).rejects.toThrow(/expired/);
    expect(short.authentications()).toBe(2);
  } finally {
    await short.close();
  }
});

it('refuses wrong partner credentials by Finicity’s code', async () => {
  const client = finicityClient({ baseUrl: fake.url, testing: true, ...partner, partner_secret: 'wrong', timeoutMs: 2000 });
  await expect(client.findCustomers('x')).rejects.toMatchObject({ name: 'VendorFailure', code: 'FINICITY_10023' });
});
