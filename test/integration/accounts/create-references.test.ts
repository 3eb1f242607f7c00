import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: interest products, fee products and linked accounts it refers to.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

describe('references', () => {
  it('needs interest products and linked accounts of the same tenant', async () => {
    const monthly = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_MONTHLY',
      accrual_payout_schedule: 'MONTHLY',
      rates: [{ rate: 125, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
    });
    const daily = await world.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      rates: [{ rate: 1999, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
    });
    const saving = await post({ account_type: 'SAVING', relationships: primary(holder), interest_product_id: monthly.body.id });
    expect(saving.status).toBe(201);
    expect(saving.body.interest_product_id).toBe(monthly.body.id);
    expectProblem(
      await post({ account_type: 'LINE_OF_CREDIT', relationships: primary(holder), interest_product_id: monthly.body.id }),
      422,
      'UNPROCESSABLE_ENTITY',
      'COMPOUNDED_DAILY',
    );
    expect(
      (
        await post({
          account_type: 'LINE_OF_CREDIT',
          relationships: primary(holder),
          interest_product_id: daily.body.id,
          credit_limit: 100_000,
        })
      ).status,
    ).toBe(201);

    const other = await newWorld('other-products');
    const foreign = await other.api.post('/v0/accounts/products', {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'NONE',
      rates: [{ rate: 5, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
    });
    expectProblem(
      await post({ account_type: 'SAVING', relationships: primary(holder), interest_product_id: foreign.body.id }),
      404,
      'NOT_FOUND',
      'interest_product_id',
    );

    const backing = await createAccount(world.api, { account_type: 'SAVING', relationships: primary(holder) });
    const loc = await createAccount(world.api, { account_type: 'LINE_OF_CREDIT', relationships: primary(holder) });
    const floored = await post({
      account_type: 'CHECKING',
      relationships: primary(holder),
      balance_floor: { balance: 0, overdraft_account_id: backing.id },
    });
    expect(floored.body.balance_floor).toEqual({ balance: 0, linked_account_id: backing.id, overdraft_account_id: backing.id });
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), balance_floor: { balance: 0, linked_account_id: loc.id } }),
      422,
      'UNPROCESSABLE_ENTITY',
      'must be a CHECKING or SAVING account',
    );
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: primary(holder),
        balance_ceiling: { balance: 10, linked_account_id: '3f1a3a2e-0000-4000-8000-000000000000' },
      }),
      404,
      'NOT_FOUND',
      'balance_ceiling.linked_account_id',
    );
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(holder), fee_product_ids: ['3f1a3a2e-0000-4000-8000-000000000000'] }),
      400,
      'BAD_REQUEST_BODY',
      'fee_product_ids',
    );
  });
});
