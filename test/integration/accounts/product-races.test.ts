import { afterEach, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { pauseCall, type Pause } from '../../helpers/pause.js';
import { dynamoAccountStore } from '../../../functions/adapters/dynamodb/account-store.js';
import { dynamoProductStore } from '../../../functions/adapters/dynamodb/account-product-store.js';
import { dynamoTemplateStore } from '../../../functions/adapters/dynamodb/account-template-store.js';
import { acceptedPerson, newWorld, primary } from './helpers.js';

// Contract §6.2: a LINE_OF_CREDIT needs a product that compounds daily. Neither order of a
// racing line-of-credit creation and a product PATCH to COMPOUNDED_MONTHLY may end with a line
// of credit on a monthly product; the interleavings are forced by pausing one side's write.

let pauses: Pause[] = [];
afterEach(() => {
  for (const p of pauses) {
    p.release();
    p.restore();
  }
  pauses = [];
});

const interest = {
  product_type: 'INTEREST',
  calculation_method: 'COMPOUNDED_DAILY',
  accrual_payout_schedule: 'MONTHLY',
  rates: [{ rate: 125, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
};
const monthly = { product_type: 'INTEREST', calculation_method: 'COMPOUNDED_MONTHLY' };

const locTemplate = (product: string) => ({
  name: 'LOC with interest',
  is_enabled: false,
  template: {
    account_type: 'LINE_OF_CREDIT',
    bank_country: 'US',
    currency: 'USD',
    minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 100, min_amount: 2500 },
    interest_product_id: product,
  },
});

const setup = async (label: string) => {
  const { api } = await newWorld(label);
  const holder = await acceptedPerson(api);
  const product = (await api.post('/v0/accounts/products', interest)).body.id as string;
  const lineOfCredit = {
    account_type: 'LINE_OF_CREDIT',
    relationships: primary(holder),
    interest_product_id: product,
    credit_limit: 10_000,
  };
  return { api, product, lineOfCredit };
};

describe('a line of credit racing a product PATCH to COMPOUNDED_MONTHLY', () => {
  it('refuses the line of credit when the PATCH commits between its check and its write', async () => {
    const { api, product, lineOfCredit } = await setup('product-race-loc-late');
    const write = pauseCall(dynamoAccountStore, 'createAccount');
    pauses.push(write);
    const opening = api.post('/v0/accounts', lineOfCredit);
    await write.reached;
    expect((await api.patch(`/v0/accounts/products/${product}`, monthly)).status).toBe(200);
    write.release();
    expectProblem(await opening, 422, 'UNPROCESSABLE_ENTITY', 'COMPOUNDED_DAILY');
    expect((await api.get('/v0/accounts', { account_type: 'LINE_OF_CREDIT' })).body.accounts).toEqual([]);
  });

  it('refuses the PATCH when the line of credit commits between its usage check and its write', async () => {
    const { api, product, lineOfCredit } = await setup('product-race-patch-late');
    const write = pauseCall(dynamoProductStore, 'replaceProduct');
    pauses.push(write);
    const patching = api.patch(`/v0/accounts/products/${product}`, monthly);
    await write.reached;
    expect((await api.post('/v0/accounts', lineOfCredit)).status).toBe(201);
    write.release();
    expectProblem(await patching, 422, 'UNPROCESSABLE_ENTITY', 'LINE_OF_CREDIT');
    const listed = await api.get('/v0/accounts/products', { product_type: 'INTEREST' });
    expect(listed.body.account_products[0].calculation_method).toBe('COMPOUNDED_DAILY');
  });

  it('refuses a line-of-credit template when the PATCH commits between its check and its write', async () => {
    const { api, product } = await setup('product-race-template-late');
    const write = pauseCall(dynamoTemplateStore, 'insertTemplate');
    pauses.push(write);
    const creating = api.post('/v0/accounts/templates', locTemplate(product));
    await write.reached;
    expect((await api.patch(`/v0/accounts/products/${product}`, monthly)).status).toBe(200);
    write.release();
    expectProblem(await creating, 422, 'UNPROCESSABLE_ENTITY', 'COMPOUNDED_DAILY');
  });

  it('keeps refusing COMPOUNDED_MONTHLY once a line of credit has used the product', async () => {
    const { api, product, lineOfCredit } = await setup('product-race-marked');
    expect((await api.post('/v0/accounts', lineOfCredit)).status).toBe(201);
    expect((await api.post('/v0/accounts', lineOfCredit)).status).toBe(201);
    expectProblem(await api.patch(`/v0/accounts/products/${product}`, monthly), 422, 'UNPROCESSABLE_ENTITY', 'used by a LINE_OF_CREDIT');
    expect((await api.patch(`/v0/accounts/products/${product}`, { product_type: 'INTEREST', description: 'still fine' })).status).toBe(200);
  });

  it('refuses the PATCH when a line-of-credit template commits between its usage check and its write', async () => {
    const { api, product } = await setup('product-race-template');
    const write = pauseCall(dynamoProductStore, 'replaceProduct');
    pauses.push(write);
    const patching = api.patch(`/v0/accounts/products/${product}`, monthly);
    await write.reached;
    const template = await api.post('/v0/accounts/templates', locTemplate(product));
    expect(template.status).toBe(201);
    write.release();
    expectProblem(await patching, 422, 'UNPROCESSABLE_ENTITY', 'LINE_OF_CREDIT');
  });
});
