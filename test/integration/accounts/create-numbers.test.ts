import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, getItem, KEYS } from '../../helpers/api.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: generated and manual account numbers, unique per bank across tenants.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

describe('account numbers', () => {
  it('generates a 12-digit number, masked to fintech id + last 4, with the tenant routing number', async () => {
    const account = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
    expect(account.account_number).toMatch(/^\d{12}$/);
    expect(account.account_number_masked).toBe(`${account.account_number.slice(0, 3)}*****${account.account_number.slice(-4)}`);
    expect(account.bank_routing).toBe(world.tenant.tenant.bank_routing);
    const claim = await getItem(KEYS.accountNumberClaim(account.bank_routing, account.account_number));
    expect(claim).toMatchObject({ account_id: account.id, tenant: world.tenant.id });
  });

  it('takes a manual number once per bank, across tenants', async () => {
    const manual = String(Date.now()).slice(-10);
    const account = await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: primary(holder),
      manual_account_number: manual,
    });
    expect(account).toMatchObject({ account_number: manual, account_number_masked: `******${manual.slice(-4)}` });
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), manual_account_number: manual }),
      409,
      'ALREADY_EXISTS',
      'manual_account_number',
    );
    const other = await newWorld('same-bank');
    const otherHolder = await acceptedPerson(other.api);
    expectProblem(
      await other.api.post('/v0/accounts', {
        account_type: 'CHECKING',
        relationships: primary(otherHolder),
        manual_account_number: manual,
      }),
      409,
      'ALREADY_EXISTS',
    );
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), manual_account_number: '12ab' }),
      400,
      'BAD_REQUEST_BODY',
      'manual_account_number must be 7 to 12 digits',
    );
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), account_number: '123456789' }),
      400,
      'BAD_REQUEST_BODY',
      'account_number is read-only',
    );
  });
});
