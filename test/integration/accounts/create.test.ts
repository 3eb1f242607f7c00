import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, getItem, KEYS } from '../../helpers/api.js';
import { createTestTenant } from '../../helpers/tenants.js';
import { clientFor } from '../../helpers/api.js';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import {
  acceptedBusiness,
  acceptedPerson,
  createAccount,
  createBusiness,
  createPerson,
  newWorld,
  primary,
  verify,
  type AccountsWorld,
} from './helpers.js';

// POST /v0/accounts: types, relationships and KYC, template selection, numbers, references,
// events, and what it costs in DynamoDB calls.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  world = await newWorld('create');
  holder = await acceptedPerson(world.api);
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

describe('relationships at creation', () => {
  it('requires relationships with exactly one primary holder', async () => {
    expectProblem(await post({ account_type: 'CHECKING' }), 400, 'BAD_REQUEST_BODY', 'relationships is required');
    expectProblem(await post({ account_type: 'CHECKING', relationships: [] }), 400, 'BAD_REQUEST_BODY', 'relationships');
    const joint = await acceptedPerson(world.api);
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint }] }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one PRIMARY_ACCOUNT_HOLDER (found 0)',
    );
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [...primary(holder), { relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: joint }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'found 2',
    );
    const ok = await post({
      account_type: 'CHECKING',
      relationships: [...primary(holder), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.customer_ids).toEqual([holder, joint]);
  });

  it('requires exactly one of customer_id and business_id, and no holder twice', async () => {
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }] }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of customer_id or business_id',
    );
    const business = await acceptedBusiness(world.api);
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder, business_id: business }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of customer_id or business_id',
    );
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [...primary(holder), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'relationships.1.customer_id names the same holder',
    );
  });

  it('accepts the deprecated person_id alias', async () => {
    const response = await post({
      account_type: 'SAVING',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', person_id: holder }],
    });
    expect(response.status).toBe(201);
    expect(response.body.customer_ids).toEqual([holder]);
  });

  it.each(['PRIMARY_ACCOUNT_HOLDER', 'JOINT_ACCOUNT_HOLDER', 'AUTHORIZED_SIGNER'])('requires a %s to be ACCEPTED', async (type) => {
    const unverified = await createPerson(world.api);
    const inReview = await createPerson(world.api, { last_name: 'Review' });
    expect(await verify(world.api, { person_id: inReview })).toBe('REVIEW');
    const relationships = (who: string) =>
      type === 'PRIMARY_ACCOUNT_HOLDER'
        ? [{ relationship_type: type, customer_id: who }]
        : [...primary(holder), { relationship_type: type, customer_id: who }];
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: relationships(unverified) }),
      422,
      'UNPROCESSABLE_ENTITY',
      `verification_status UNVERIFIED; a ${type} must be ACCEPTED`,
    );
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: relationships(inReview) }),
      422,
      'UNPROCESSABLE_ENTITY',
      'verification_status REVIEW',
    );
    expect((await post({ account_type: 'CHECKING', relationships: relationships(await acceptedPerson(world.api)) })).status).toBe(201);
  });

  it('lets an unverified AUTHORIZED_USER in after a clear OFAC screen, and refuses a match or a missing address', async () => {
    const clear = await createPerson(world.api);
    const matched = await createPerson(world.api, { last_name: 'Sanctioned' });
    const noAddress = await createPerson(world.api, { legal_address: undefined });
    const user = (id: string) => [...primary(holder), { relationship_type: 'AUTHORIZED_USER', customer_id: id }];
    const created = await post({ account_type: 'CHECKING', relationships: user(clear) });
    expect(created.status).toBe(201);
    expectProblem(await post({ account_type: 'CHECKING', relationships: user(matched) }), 422, 'UNPROCESSABLE_ENTITY', 'OFAC');
    expectProblem(await post({ account_type: 'CHECKING', relationships: user(noAddress) }), 422, 'PREREQUISITES_MISSING', 'legal_address');
  });

  it('makes a business primary holder a BUSINESS account, with business_ids', async () => {
    const business = await acceptedBusiness(world.api);
    const response = await post({
      account_type: 'CHECKING',
      relationships: [
        { relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: business },
        { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ customer_type: 'BUSINESS', business_ids: [business], customer_ids: [holder] });
    expectProblem(
      await post({ account_type: 'CHECKING', customer_type: 'BUSINESS', relationships: primary(holder) }),
      400,
      'BAD_REQUEST_BODY',
      'customer_type BUSINESS does not match',
    );
    const unverified = await createBusiness(world.api);
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: unverified }] }),
      422,
      'UNPROCESSABLE_ENTITY',
      `business ${unverified}`,
    );
  });

  it("treats another tenant's customer as not found, and writes nothing", async () => {
    const other = await createTestTenant({ label: 'other' });
    const stranger = await acceptedPerson(clientFor(other.key));
    const before = (await eventsOf(world.tenant.id)).length;
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(stranger) }),
      404,
      'NOT_FOUND',
      `relationships.0.customer_id: customer ${stranger} not found`,
    );
    expect((await eventsOf(world.tenant.id)).length).toBe(before);
  });

  it("sets the holder's has_accounts and bumps its version in the create transaction", async () => {
    const person = await acceptedPerson(world.api);
    const before = await getItem(KEYS.person(world.tenant.id, person));
    expect(before?.has_accounts).toBe(false);
    await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(person) });
    const after = await getItem(KEYS.person(world.tenant.id, person));
    expect(after).toMatchObject({ has_accounts: true, version: (before!.version as number) + 1 });
    expect((await world.api.get(`/v0/persons/${person}`)).body.has_accounts).toBe(true);
    // A second account leaves the person untouched.
    await createAccount(world.api, { account_type: 'SAVING', relationships: primary(person) });
    expect((await getItem(KEYS.person(world.tenant.id, person)))?.version).toBe(after!.version);
  });
});

describe('templates at creation', () => {
  it('copies the template, lets request fields override it, and records the template id', async () => {
    const template = await world.api.post('/v0/accounts/templates', {
      name: 'Premium savings',
      is_enabled: true,
      template: {
        account_type: 'SAVING',
        bank_country: 'US',
        currency: 'USD',
        is_wire_enabled: true,
        is_ach_enabled: false,
        balance_ceiling: { balance: 500_000 },
      },
    });
    expect(template.status).toBe(201);
    const account = await createAccount(world.api, {
      account_template_id: template.body.id,
      relationships: primary(holder),
      is_ach_enabled: true,
    });
    expect(account).toMatchObject({
      account_type: 'SAVING',
      account_template_id: template.body.id,
      is_wire_enabled: true,
      is_ach_enabled: true,
      balance_ceiling: { balance: 500_000 },
    });
    // Back to one enabled SAVING template, so the other tests can keep naming only the type.
    expect((await world.api.patch(`/v0/accounts/templates/${template.body.id}`, { is_enabled: false })).status).toBe(200);
  });

  it('refuses a type mismatch, a disabled template and an unknown template', async () => {
    const template = await world.api.post('/v0/accounts/templates', {
      name: 'Closed offer',
      is_enabled: false,
      template: { account_type: 'CHECKING', bank_country: 'US', currency: 'USD' },
    });
    expectProblem(
      await post({ account_template_id: template.body.id, relationships: primary(holder) }),
      422,
      'UNPROCESSABLE_ENTITY',
      'disabled',
    );
    const defaults = (await world.api.get('/v0/accounts/templates', { account_type: 'SAVING' })).body.account_templates;
    const saving = defaults.find((t: { name: string }) => t.name === 'Default SAVING');
    expectProblem(
      await post({ account_type: 'CHECKING', account_template_id: saving.id, relationships: primary(holder) }),
      400,
      'BAD_REQUEST_BODY',
      'account_type CHECKING does not match account_type SAVING',
    );
    expectProblem(
      await post({ account_template_id: '3f1a3a2e-0000-4000-8000-000000000000', relationships: primary(holder) }),
      404,
      'NOT_FOUND',
      'account_template_id',
    );
    expectProblem(
      await post({ relationships: primary(holder) }),
      400,
      'BAD_REQUEST_BODY',
      'account_type is required when account_template_id is not sent',
    );
  });

  it('needs exactly one enabled template of the type when none is named', async () => {
    const fresh = await newWorld('templates-select');
    const person = await acceptedPerson(fresh.api);
    const list = (await fresh.api.get('/v0/accounts/templates', { account_type: 'CHECKING' })).body.account_templates;
    expect(list).toHaveLength(1);
    const second = await fresh.api.post('/v0/accounts/templates', {
      name: 'Second checking',
      is_enabled: true,
      template: { account_type: 'CHECKING', bank_country: 'US', currency: 'USD' },
    });
    expectProblem(
      await fresh.api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) }),
      400,
      'BAD_REQUEST_BODY',
      '2 enabled account templates of account_type CHECKING',
    );
    // A disabled template does not count.
    await fresh.api.call({ method: 'PATCH', path: `/v0/accounts/templates/${second.body.id}`, body: { is_enabled: false } });
    expect((await fresh.api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) })).status).toBe(201);
    await fresh.api.call({ method: 'PATCH', path: `/v0/accounts/templates/${list[0].id}`, body: { is_enabled: false } });
    expectProblem(
      await fresh.api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(person) }),
      400,
      'BAD_REQUEST_BODY',
      'no enabled account template of account_type CHECKING',
    );
  });
});

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

describe('events and cost', () => {
  it('writes ACCOUNT.CREATED with the masked number in the one create transaction', async () => {
    const person = await acceptedPerson(world.api);
    const cold = await post({ account_type: 'SAVING', relationships: primary(holder) });
    // Validation reads: the holder (GetItem), the template by type (Query), and on a cold
    // container the tenant's routing number (GetItem, then cached).
    expect(cold.dynamoCalls.TransactWriteItemsCommand).toBe(1);
    expect(cold.dynamoCalls.GetItemCommand).toBeLessThanOrEqual(2);
    const response = await post({ account_type: 'CHECKING', relationships: primary(person), note: 'opened at branch' });
    expect(response.status).toBe(201);
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1, QueryCommand: 1, TransactWriteItemsCommand: 1 });
    const events = await eventsOf(world.tenant.id);
    const created = events.find((e) => e.type === 'ACCOUNT.CREATED' && e.resource_id === response.body.id)!;
    expect(created).toBeDefined();
    expect(created.note).toBe('opened at branch');
    const resource = created.event_resource as Record<string, unknown>;
    expect(resource.account_number).toBeUndefined();
    expect(resource.account_number_masked).toBe(response.body.account_number_masked);
    expect(events.some((e) => e.type === 'PERSON.UPDATED' && e.resource_id === person)).toBe(true);
  });

  it('reads an account with exactly one GetItem', async () => {
    const account = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
    const response = await world.api.get(`/v0/accounts/${account.id}`);
    expect(response.status).toBe(200);
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1 });
    expect(accountResponseSchema.parse(response.body)).toEqual(account);
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
