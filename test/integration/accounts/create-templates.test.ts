import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: which template an account is created from, named or chosen by type.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

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
