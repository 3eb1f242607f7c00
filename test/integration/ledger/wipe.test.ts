import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedPerson } from '../accounts/helpers.js';
import { assertBooks, fund, type LedgerWorld, newLedgerWorld, openChecking } from './world.js';

// POST /v0/wipe: customer and account data go, templates and keys stay (contract §12.1).

let world: LedgerWorld;

beforeAll(async () => {
  process.env.SANDBOX = 'true';
  world = await newLedgerWorld('ledger-wipe');
});

describe('wipe', () => {
  it('deletes customers, accounts and money movement, keeps templates and the key working', async () => {
    const account = await openChecking(world);
    await fund(world, account, 1_000);
    const templatesBefore = (await world.api.get('/v0/accounts/templates?limit=100')).body.account_templates.length;
    const res = await world.api.post('/v0/wipe', {});
    expect(res.status, res.rawBody).toBe(204);
    expect((await world.api.get(`/v0/accounts/${account}`)).status).toBe(404);
    expect((await world.api.get(`/v0/persons/${world.holder}`)).status).toBe(404);
    expect((await world.api.get('/v0/accounts?limit=10')).body.accounts).toEqual([]);
    expect((await world.api.get('/v0/transactions/posted?limit=10')).body.transactions).toEqual([]);
    expect((await world.api.get('/v0/accounts/templates?limit=100')).body.account_templates).toHaveLength(templatesBefore);
    // The tenant starts over: a new holder and account, funded from the (re-created) FUNDING GL.
    const holder = await acceptedPerson(world.api);
    world.holder = holder;
    const fresh = await openChecking(world);
    await fund(world, fresh, 500);
    await assertBooks(world);
  });
});
