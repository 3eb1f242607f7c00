import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { ACCOUNT_TYPES } from '../../../functions/accounts/enums.js';
import { deleteResponseSchema, templateListSchema, templateResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// /v0/accounts/templates (and /v2): defaults per tenant, create/get/list/PUT/PATCH/DELETE,
// validation per type, unique names, and copy-on-create semantics.

let world: AccountsWorld;

beforeAll(async () => {
  world = await newWorld('templates');
});

const base = { bank_country: 'US', currency: 'USD' };
const call = (method: string, path: string, body?: unknown) => world.api.call({ method, path, body });

describe('default templates', () => {
  it('gives every new tenant one enabled template per account type', async () => {
    const response = await world.api.get('/v0/accounts/templates');
    expect(response.status).toBe(200);
    const { account_templates } = templateListSchema.parse(response.body);
    const defaults = account_templates.filter((t) => t.name.startsWith('Default '));
    expect(defaults.map((t) => t.template.account_type).sort()).toEqual([...ACCOUNT_TYPES].sort());
    expect(defaults.every((t) => t.is_enabled && t.tenant === world.tenant.id)).toBe(true);
    expect(Object.keys(response.dynamoCalls)).toEqual(['QueryCommand']);
  });
});

describe('template CRUD', () => {
  it('creates (201), reads, lists by type, and writes an event', async () => {
    const created = await world.api.post('/v0/accounts/templates', {
      name: 'Student checking',
      description: 'No fees',
      is_enabled: true,
      template: { ...base, account_type: 'CHECKING', is_ach_enabled: true, balance_floor: { balance: 0 } },
    });
    expect(created.status).toBe(201);
    const template = templateResponseSchema.parse(created.body);
    // Rails read false unless enabled; is_eft_ca_enabled has no default.
    expect(template.template).toMatchObject({
      account_type: 'CHECKING',
      is_ach_enabled: true,
      is_wire_enabled: false,
      balance_floor: { balance: 0 },
    });
    expect(template.template.is_eft_ca_enabled).toBeUndefined();
    const got = await world.api.get(`/v0/accounts/templates/${template.id}`);
    expect(got.body).toEqual(created.body);
    expect(got.dynamoCalls).toEqual({ GetItemCommand: 1 });
    const checking = (await world.api.get('/v0/accounts/templates', { account_type: 'CHECKING' })).body.account_templates;
    expect(checking.map((t: { name: string }) => t.name).sort()).toEqual(['Default CHECKING', 'Student checking']);
    expect((await eventsOf(world.tenant.id)).some((e) => e.type === 'ACCOUNT_TEMPLATE.CREATED' && e.resource_id === template.id)).toBe(
      true,
    );
    // Leave one enabled CHECKING template for the other suites of this tenant.
    await world.api.patch(`/v0/accounts/templates/${template.id}`, { is_enabled: false });
  });

  it('validates required fields and per-type fields', async () => {
    const post = (body: unknown) => world.api.post('/v0/accounts/templates', body);
    expectProblem(
      await post({ is_enabled: true, template: { ...base, account_type: 'CHECKING' } }),
      400,
      'BAD_REQUEST_BODY',
      'name is required',
    );
    expectProblem(
      await post({ name: 'x', template: { ...base, account_type: 'CHECKING' } }),
      400,
      'BAD_REQUEST_BODY',
      'is_enabled is required',
    );
    expectProblem(
      await post({ name: 'x', is_enabled: true, template: { account_type: 'CHECKING', currency: 'USD' } }),
      400,
      'BAD_REQUEST_BODY',
      'template.bank_country is required',
    );
    expectProblem(
      await post({ name: 'x', is_enabled: true, template: { ...base, account_type: 'LINE_OF_CREDIT' } }),
      400,
      'BAD_REQUEST_BODY',
      'template.minimum_payment is required',
    );
    expectProblem(
      await post({ name: 'x', is_enabled: true, template: { ...base, account_type: 'LINE_OF_CREDIT', minimum_payment: { type: 'FULL' } } }),
      400,
      'BAD_REQUEST_BODY',
      'minimum_payment.type must be RATE_OR_AMOUNT',
    );
    expectProblem(
      await post({ name: 'x', is_enabled: true, template: { ...base, account_type: 'CHECKING', credit_limit: 100 } }),
      400,
      'BAD_REQUEST_BODY',
      'template.credit_limit is not applicable',
    );
    expectProblem(
      await post({ name: 'x', is_enabled: true, template: { ...base, account_type: 'GENERAL_LEDGER' } }),
      403,
      'FORBIDDEN',
      'GENERAL_LEDGER',
    );
    expectProblem(
      await post({
        name: 'x',
        is_enabled: true,
        template: { ...base, account_type: 'CHARGE_SECURED', minimum_payment: { type: 'FULL' }, grace_period: 21, auto_payment_period: 25 },
      }),
      400,
      'BAD_REQUEST_BODY',
      'auto_payment_period must be lower than or equal to grace_period',
    );
    const loc = await post({
      name: 'Credit line',
      is_enabled: false,
      application_type: 'LINE_OF_CREDIT',
      template: { ...base, account_type: 'LINE_OF_CREDIT', minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 250, min_amount: 1000 } },
    });
    expect(loc.status).toBe(201);
    // The deprecated application type answers as CREDIT; credit types default grace_period to 21.
    expect(templateResponseSchema.parse(loc.body)).toMatchObject({ application_type: 'CREDIT', template: { grace_period: 21 } });
  });

  it('keeps names unique within the tenant', async () => {
    const body = { name: 'Unique name', is_enabled: false, template: { ...base, account_type: 'SAVING' } };
    expect((await world.api.post('/v0/accounts/templates', body)).status).toBe(201);
    expectProblem(await world.api.post('/v0/accounts/templates', body), 409, 'ALREADY_EXISTS', 'Unique name');
    const other = await newWorld('templates-other');
    expect((await other.api.post('/v0/accounts/templates', body)).status).toBe(201);
  });

  it('replaces with PUT, patches with PATCH (v0 and v2), renames, and frees the old name', async () => {
    const created = await world.api.post('/v0/accounts/templates', {
      name: 'Before',
      is_enabled: false,
      template: { ...base, account_type: 'SAVING', is_ach_enabled: true },
    });
    const id = created.body.id;
    const put = await call('PUT', `/v0/accounts/templates/${id}`, {
      name: 'After',
      is_enabled: false,
      template: { ...base, account_type: 'SAVING', is_wire_enabled: true },
    });
    expect(put.status).toBe(200);
    expect(templateResponseSchema.parse(put.body).template).toMatchObject({ is_wire_enabled: true, is_ach_enabled: false });
    expect(
      (await world.api.post('/v0/accounts/templates', { name: 'Before', is_enabled: false, template: { ...base, account_type: 'SAVING' } }))
        .status,
    ).toBe(201);
    expectProblem(
      await call('PUT', `/v0/accounts/templates/${id}`, {
        name: 'Before',
        is_enabled: false,
        template: { ...base, account_type: 'SAVING' },
      }),
      409,
      'ALREADY_EXISTS',
    );
    const patched = await world.api.patch(`/v2/accounts/templates/${id}`, { description: 'patched', template: { is_p2p_enabled: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'After',
      description: 'patched',
      template: { is_wire_enabled: true, is_p2p_enabled: true },
    });
    expectProblem(
      await world.api.patch(`/v0/accounts/templates/${id}`, { template: { credit_limit: 5 } }),
      400,
      'BAD_REQUEST_BODY',
      'credit_limit',
    );
    const events = (await eventsOf(world.tenant.id)).filter((e) => e.resource_id === id && e.type === 'ACCOUNT_TEMPLATE.UPDATED');
    expect(events.length).toBe(2);
  });

  it('deletes, answering {id, resource}, and then 404', async () => {
    const created = await world.api.post('/v0/accounts/templates', {
      name: 'Temporary',
      is_enabled: false,
      template: { ...base, account_type: 'CHECKING' },
    });
    const removed = await call('DELETE', `/v0/accounts/templates/${created.body.id}`);
    expect(removed.status).toBe(200);
    expect(deleteResponseSchema.parse(removed.body)).toEqual({ id: created.body.id, resource: 'account_template' });
    expectProblem(await world.api.get(`/v0/accounts/templates/${created.body.id}`), 404, 'NOT_FOUND');
    expectProblem(await call('DELETE', `/v0/accounts/templates/${created.body.id}`), 404, 'NOT_FOUND');
    // The name is free again.
    expect(
      (
        await world.api.post('/v0/accounts/templates', {
          name: 'Temporary',
          is_enabled: false,
          template: { ...base, account_type: 'CHECKING' },
        })
      ).status,
    ).toBe(201);
  });

  it("hides another tenant's templates", async () => {
    const other = await newWorld('templates-hidden');
    const foreign = (await other.api.get('/v0/accounts/templates')).body.account_templates[0];
    expectProblem(await world.api.get(`/v0/accounts/templates/${foreign.id}`), 404, 'NOT_FOUND');
    expectProblem(await call('DELETE', `/v0/accounts/templates/${foreign.id}`), 404, 'NOT_FOUND');
    const holder = await acceptedPerson(world.api);
    expectProblem(
      await world.api.post('/v0/accounts', { account_template_id: foreign.id, relationships: primary(holder) }),
      404,
      'NOT_FOUND',
    );
  });

  it('serves the same templates under /v2', async () => {
    const v0 = await world.api.get('/v0/accounts/templates', { limit: 2 });
    const v2 = await world.api.get('/v2/accounts/templates', { limit: 2 });
    expect(v2.status).toBe(200);
    expect(v2.body.account_templates).toEqual(v0.body.account_templates);
  });
});

describe('copy on create', () => {
  it('leaves existing accounts alone when their template changes or is deleted', async () => {
    const fresh = await newWorld('templates-copy');
    const holder = await acceptedPerson(fresh.api);
    const template = await fresh.api.post('/v0/accounts/templates', {
      name: 'Copy me',
      is_enabled: true,
      template: { ...base, account_type: 'SAVING', is_wire_enabled: true },
    });
    const account = await createAccount(fresh.api, { account_template_id: template.body.id, relationships: primary(holder) });
    expect(account.is_wire_enabled).toBe(true);
    await fresh.api.patch(`/v0/accounts/templates/${template.body.id}`, { template: { is_wire_enabled: false } });
    expect((await fresh.api.get(`/v0/accounts/${account.id}`)).body.is_wire_enabled).toBe(true);
    await fresh.api.call({ method: 'DELETE', path: `/v0/accounts/templates/${template.body.id}` });
    const after = await fresh.api.get(`/v0/accounts/${account.id}`);
    expect(after.body).toEqual(account);
  });
});
