import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { productListSchema, productResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// /v0/accounts/products: INTEREST products, rates in basis points, the list's required
// product_type, and the COMPOUNDED_DAILY rule for lines of credit.

let world: AccountsWorld;

beforeAll(async () => {
  world = await newWorld('products');
});

const interest = (overrides: Record<string, unknown> = {}) => ({
  product_type: 'INTEREST',
  calculation_method: 'COMPOUNDED_DAILY',
  accrual_payout_schedule: 'MONTHLY',
  rates: [{ rate: 125, accrual_period: 'DAILY', valid_from: '2024-01-01', valid_to: '2025-01-01' }],
  description: 'High-yield savings',
  ...overrides,
});
const post = (body: unknown) => world.api.post('/v0/accounts/products', body);
const patch = (id: string, body: unknown) => world.api.patch(`/v0/accounts/products/${id}`, body);

describe('create', () => {
  it('creates an INTEREST product (201) with an event', async () => {
    const response = await post(interest());
    expect(response.status).toBe(201);
    expect(productResponseSchema.parse(response.body)).toMatchObject({ product_type: 'INTEREST', rates: [{ rate: 125 }] });
    expect((await eventsOf(world.tenant.id)).some((e) => e.type === 'ACCOUNT_PRODUCT.CREATED' && e.resource_id === response.body.id)).toBe(
      true,
    );
  });

  it('requires every field, non-empty rates, basis points as integers', async () => {
    for (const field of ['calculation_method', 'accrual_payout_schedule', 'rates']) {
      expectProblem(await post(interest({ [field]: undefined })), 400, 'BAD_REQUEST_BODY', `${field} is required`);
    }
    expectProblem(await post({ calculation_method: 'COMPOUNDED_DAILY' }), 400, 'BAD_REQUEST_BODY', 'product_type is required');
    expectProblem(await post(interest({ rates: [] })), 400, 'BAD_REQUEST_BODY', 'rates must have at least 1 entry');
    expectProblem(
      await post(interest({ rates: [{ rate: 1.25, accrual_period: 'DAILY', valid_from: '2024-01-01' }] })),
      400,
      'BAD_REQUEST_BODY',
      'rates.0.rate',
    );
    expectProblem(
      await post(interest({ rates: [{ rate: -1, accrual_period: 'DAILY', valid_from: '2024-01-01' }] })),
      400,
      'BAD_REQUEST_BODY',
      'rates.0.rate',
    );
    expectProblem(
      await post(interest({ rates: [{ rate: 5, accrual_period: 'MONTHLY', valid_from: '2024-01-01' }] })),
      400,
      'BAD_REQUEST_BODY',
      'MONTHLY is not supported',
    );
    expectProblem(await post(interest({ calculation_method: 'SIMPLE' })), 400, 'BAD_REQUEST_BODY', 'calculation_method must be one of');
  });

  it('refuses overlapping rate periods and accepts back-to-back ones', async () => {
    const overlapping = [
      { rate: 100, accrual_period: 'DAILY', valid_from: '2024-01-01', valid_to: '2024-07-01' },
      { rate: 150, accrual_period: 'DAILY', valid_from: '2024-06-01' },
    ];
    expectProblem(await post(interest({ rates: overlapping })), 400, 'BAD_REQUEST_BODY', 'overlap');
    expectProblem(
      await post(
        interest({
          rates: [
            { rate: 1, accrual_period: 'DAILY', valid_from: '2024-01-01' },
            { rate: 2, accrual_period: 'DAILY', valid_from: '2025-01-01' },
          ],
        }),
      ),
      400,
      'BAD_REQUEST_BODY',
      'overlap',
    );
    const backToBack = [
      { rate: 150, accrual_period: 'DAILY', valid_from: '2024-07-01' },
      { rate: 100, accrual_period: 'DAILY', valid_from: '2024-01-01', valid_to: '2024-07-01' },
    ];
    expect((await post(interest({ rates: backToBack }))).status).toBe(201);
    expectProblem(
      await post(interest({ rates: [{ rate: 1, accrual_period: 'DAILY', valid_from: '2024-01-01', valid_to: '2024-01-01' }] })),
      400,
      'BAD_REQUEST_BODY',
      'valid_to must be after valid_from',
    );
  });

  it('refuses the deprecated FEE product type with a pointer', async () => {
    expectProblem(
      await post({ product_type: 'FEE', fee_type: 'MONTHLY_FEE', amount: 500, currency: 'USD' }),
      400,
      'BAD_REQUEST_BODY',
      'FEE is deprecated',
    );
  });
});

describe('list', () => {
  it('requires product_type and filters by id and dates', async () => {
    const fresh = await newWorld('products-list');
    const a = await fresh.api.post('/v0/accounts/products', interest());
    const b = await fresh.api.post(
      '/v0/accounts/products',
      interest({ rates: [{ rate: 300, accrual_period: 'DAILY', valid_from: '2023-01-01' }] }),
    );
    expectProblem(await fresh.api.get('/v0/accounts/products'), 400, 'BAD_QUERY_PARAMETER', 'product_type is required');
    const all = await fresh.api.get('/v0/accounts/products', { product_type: 'INTEREST' });
    expect(productListSchema.parse(all.body).account_products.map((p) => p.id)).toEqual([a.body.id, b.body.id]);
    expect(Object.keys(all.dynamoCalls)).toEqual(['QueryCommand']);
    expect(
      (await fresh.api.get('/v0/accounts/products', { product_type: 'INTEREST', id: b.body.id })).body.account_products.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([b.body.id]);
    expect(
      (await fresh.api.get('/v0/accounts/products', { product_type: 'INTEREST', start_date: '2024-01-01' })).body.account_products.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([a.body.id]);
    expect(
      (await fresh.api.get('/v0/accounts/products', { product_type: 'INTEREST', end_date: '2025-06-01' })).body.account_products.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([a.body.id]);
    expect((await fresh.api.get('/v0/accounts/products', { product_type: 'FEE' })).body).toEqual({ account_products: [] });
    const paged = await fresh.api.get('/v0/accounts/products', { product_type: 'INTEREST', limit: 1 });
    expect(paged.body.account_products).toHaveLength(1);
    const next = await fresh.api.get('/v0/accounts/products', {
      product_type: 'INTEREST',
      limit: 1,
      page_token: paged.body.next_page_token,
    });
    expect(next.body.account_products[0].id).toBe(b.body.id);
  });
});

describe('patch', () => {
  it('updates fields, replaces rates (at least one), and records the change', async () => {
    const created = await post(interest());
    const updated = await patch(created.body.id, {
      product_type: 'INTEREST',
      description: 'Promo',
      rates: [{ rate: 200, accrual_period: 'DAILY', valid_from: '2025-01-01' }],
    });
    expect(updated.status).toBe(200);
    expect(productResponseSchema.parse(updated.body)).toMatchObject({
      description: 'Promo',
      rates: [{ rate: 200, valid_from: '2025-01-01' }],
      calculation_method: 'COMPOUNDED_DAILY',
    });
    expectProblem(
      await patch(created.body.id, { product_type: 'INTEREST', rates: [] }),
      400,
      'BAD_REQUEST_BODY',
      'rates must have at least 1 entry',
    );
    expectProblem(await patch(created.body.id, { description: 'no type' }), 400, 'BAD_REQUEST_BODY', 'product_type is required');
    const event = (await eventsOf(world.tenant.id)).find((e) => e.type === 'ACCOUNT_PRODUCT.UPDATED' && e.resource_id === created.body.id)!;
    expect(event.event_resource_changed_fields).toMatchObject({ description: 'High-yield savings' });
  });

  it("answers 404 for an unknown or another tenant's product", async () => {
    const other = await newWorld('products-other');
    const foreign = await other.api.post('/v0/accounts/products', interest());
    expectProblem(await patch(foreign.body.id, { product_type: 'INTEREST', description: 'mine' }), 404, 'NOT_FOUND');
    expectProblem(await patch('3f1a3a2e-0000-4000-8000-000000000000', { product_type: 'INTEREST' }), 404, 'NOT_FOUND');
  });

  it('keeps a product used by a line of credit compounding daily', async () => {
    const fresh = await newWorld('products-loc');
    const holder = await acceptedPerson(fresh.api);
    const daily = await fresh.api.post('/v0/accounts/products', interest());
    const unused = await fresh.api.post('/v0/accounts/products', interest());
    await createAccount(fresh.api, {
      account_type: 'LINE_OF_CREDIT',
      relationships: primary(holder),
      interest_product_id: daily.body.id,
      credit_limit: 10_000,
    });
    const monthly = { product_type: 'INTEREST', calculation_method: 'COMPOUNDED_MONTHLY' };
    expectProblem(
      await fresh.api.patch(`/v0/accounts/products/${daily.body.id}`, monthly),
      422,
      'UNPROCESSABLE_ENTITY',
      'used by a LINE_OF_CREDIT account',
    );
    expect((await fresh.api.patch(`/v0/accounts/products/${unused.body.id}`, monthly)).status).toBe(200);
    const template = await fresh.api.post('/v0/accounts/templates', {
      name: 'LOC with interest',
      is_enabled: false,
      template: {
        account_type: 'LINE_OF_CREDIT',
        bank_country: 'US',
        currency: 'USD',
        minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 100, min_amount: 2500 },
        interest_product_id: unused.body.id,
      },
    });
    expectProblem(template, 422, 'UNPROCESSABLE_ENTITY', 'COMPOUNDED_DAILY');
  });
});
