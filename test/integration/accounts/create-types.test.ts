import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { createAccount, primary, type AccountsWorld } from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: account types and the fields each allows, opening balances, and the /v2 variant.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

describe('account types', () => {
  it.each(['CHECKING', 'SAVING', 'LINE_OF_CREDIT', 'CHARGE_UNSECURED', 'CREDIT_CARD'])(
    'creates a %s account from the default template',
    async (type) => {
      const response = await post({ account_type: type, relationships: primary(holder) });
      expect(response.status).toBe(201);
      const account = accountResponseSchema.parse(response.body);
      expect(account).toMatchObject({
        account_type: type,
        status: 'ACTIVE_OR_DISBURSED',
        access_status: 'ACTIVE',
        customer_type: 'PERSONAL',
        customer_ids: [holder],
        currency: 'USD',
      });
    },
  );

  it('creates a CHARGE_SECURED account backed by a CHECKING account, and refuses one without security', async () => {
    const checking = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
    const secured = await post({
      account_type: 'CHARGE_SECURED',
      relationships: primary(holder),
      security: { linked_account_id: checking.id },
    });
    expect(secured.status).toBe(201);
    expect(accountResponseSchema.parse(secured.body).security).toEqual({ linked_account_id: checking.id });
    expectProblem(
      await post({ account_type: 'CHARGE_SECURED', relationships: primary(holder) }),
      400,
      'BAD_REQUEST_BODY',
      'security.linked_account_id is required',
    );
  });

  it('refuses GENERAL_LEDGER from an integrator key, and an unknown type', async () => {
    expectProblem(await post({ account_type: 'GENERAL_LEDGER', relationships: primary(holder) }), 403, 'FORBIDDEN', 'GENERAL_LEDGER');
    expectProblem(await post({ account_type: 'PIGGY_BANK', relationships: primary(holder) }), 400, 'BAD_REQUEST_BODY', 'account_type');
  });

  it('refuses fields that do not apply to the type, naming them', async () => {
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), credit_limit: 5000 }),
      400,
      'BAD_REQUEST_BODY',
      'credit_limit is not applicable to account_type CHECKING',
    );
    expectProblem(
      await post({ account_type: 'LINE_OF_CREDIT', relationships: primary(holder), is_card_enabled: true }),
      400,
      'BAD_REQUEST_BODY',
      'is_card_enabled',
    );
  });

  it('stores and returns the writable fields', async () => {
    const body = {
      account_type: 'CHECKING',
      relationships: primary(holder),
      nickname: 'Everyday',
      account_purpose: 'salary',
      metadata: { ref: 'abc', tier: 2 },
      is_wire_enabled: true,
      is_card_enabled: false,
      spend_control_ids: ['7d943c51-e4ff-4e57-9558-08cab6b963c7'],
      balance_floor: { balance: 0 },
      balance_ceiling: { balance: 100_000 },
      iban: 'GB82WEST12345698765432',
      swift_code: 'WESTGB2L',
    };
    const account = accountResponseSchema.parse((await post(body)).body);
    expect(account).toMatchObject({
      nickname: 'Everyday',
      account_purpose: 'salary',
      metadata: { ref: 'abc', tier: 2 },
      is_wire_enabled: true,
      is_card_enabled: false,
      is_ach_enabled: true,
      spend_control_ids: body.spend_control_ids,
      balance_floor: { balance: 0 },
      balance_ceiling: { balance: 100_000 },
    });
    expectProblem(
      await post({ ...body, balance_floor: { balance: 200_000 } }),
      400,
      'BAD_REQUEST_BODY',
      'balance_floor.balance must not exceed balance_ceiling.balance',
    );
    expectProblem(
      await post({ ...body, spend_control_ids: Array(11).fill(body.spend_control_ids[0]) }),
      400,
      'BAD_REQUEST_BODY',
      'spend_control_ids',
    );
    expectProblem(await post({ ...body, credit: 1 }), 400, 'BAD_REQUEST_BODY', 'unknown field credit');
    expectProblem(await post({ ...body, balance_ceiling: { balance: 1.5 } }), 400, 'BAD_REQUEST_BODY', 'balance_ceiling.balance');
  });
});

describe('balances', () => {
  it('answers zero balances, with the credit limit available on unsecured credit', async () => {
    const loc = await createAccount(world.api, { account_type: 'LINE_OF_CREDIT', relationships: primary(holder), credit_limit: 250_000 });
    expect(loc.balances).toEqual([
      { type: 'ACCOUNT_BALANCE', balance: 0 },
      { type: 'AVAILABLE_BALANCE', balance: 250_000 },
    ]);
    const checking = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
    expect(checking.balances).toEqual([
      { type: 'ACCOUNT_BALANCE', balance: 0 },
      { type: 'AVAILABLE_BALANCE', balance: 0 },
    ]);
  });
});

describe('v2', () => {
  it('serves the same accounts under /v2 with the v2 fields', async () => {
    const programId = '0e5e3b52-8a5f-4c53-9f0b-1a2b3c4d5e6f';
    const response = await world.api.post('/v2/accounts', {
      account_type: 'CHECKING',
      relationships: primary(holder),
      account_program_id: programId,
    });
    expect(response.status).toBe(201);
    expect(accountResponseSchema.parse(response.body).account_program_id).toBe(programId);
    const v0 = await world.api.get(`/v0/accounts/${response.body.id}`);
    expect(v0.body.account_program_id).toBeUndefined();
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), account_program_id: programId }),
      400,
      'BAD_REQUEST_BODY',
      'unknown field account_program_id',
    );
  });
});
