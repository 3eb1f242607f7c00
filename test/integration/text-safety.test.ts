import { clientFor, expectProblem, personBody, tenantCounts, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';
import { acceptedPerson, createAccount, primary } from './accounts/helpers.js';

// Human-entered text refuses control characters and unpaired surrogates with a 400 naming the
// field, and nothing is written; ordinary Unicode is stored and returned as sent.

let tenant: TestTenant;
let api: ApiClient;
let holder: string;

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'text-safety' });
  api = clientFor(tenant.key);
  holder = await acceptedPerson(api);
});

const RULE = 'must not contain control characters (other than tab and newline) or unpaired UTF-16 surrogates';
const UNICODE = 'Zoë Ångström 名前 🚀';
const address = { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' };

describe('rejected with a 400 naming the field, nothing written', () => {
  it.each([
    ['first_name', { first_name: 'Ada\u0000' }],
    ['last_name', { last_name: 'Love\u001blace' }],
    ['chosen_name', { chosen_name: '\u007fAda' }],
    ['legal_address.address_line_1', { legal_address: { ...address, address_line_1: '1 Main\rSt' } }],
    ['legal_address.city', { legal_address: { ...address, city: 'San\ud800Francisco' } }],
    ['shipping_address.nickname', { shipping_address: { ...address, nickname: 'home\udc00' } }],
  ])('POST /v0/customers with a bad %s', async (field, override) => {
    const before = await tenantCounts(tenant.id);
    expectProblem(await api.post('/v0/customers', personBody(override)), 400, 'BAD_REQUEST_BODY', `${field} ${RULE}`);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it('PATCH /v0/customers and POST /v0/businesses', async () => {
    const customer = (await api.post('/v0/customers', personBody())).body;
    expectProblem(
      await api.patch(`/v0/customers/${customer.id}`, { middle_name: 'Q\u0008' }),
      400,
      'BAD_REQUEST_BODY',
      `middle_name ${RULE}`,
    );
    expect((await api.get(`/v0/customers/${customer.id}`)).body.middle_name).toBe(customer.middle_name);
    const business = { status: 'PROSPECT', is_customer: true, entity_name: 'Acme\u0007 LLC', trade_names: ['ok', 'bad\u0000'] };
    expectProblem(await api.post('/v0/businesses', business), 400, 'BAD_REQUEST_BODY', [`entity_name ${RULE}`, `trade_names.1 ${RULE}`]);
  });

  it('account nickname and purpose, on POST and PATCH', async () => {
    expectProblem(
      await api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder), nickname: 'Pots\u0000' }),
      400,
      'BAD_REQUEST_BODY',
      `nickname ${RULE}`,
    );
    const account = await createAccount(api, { account_type: 'CHECKING', relationships: primary(holder), nickname: 'Pots' });
    expectProblem(
      await api.patch(`/v0/accounts/${account.id}`, { account_purpose: 'rent\ud83d' }),
      400,
      'BAD_REQUEST_BODY',
      `account_purpose ${RULE}`,
    );
    expect((await api.get(`/v0/accounts/${account.id}`)).body.nickname).toBe('Pots');
  });

  it('template name and description, product description', async () => {
    const template = {
      name: 'Basic\u0000',
      description: 'ok',
      is_enabled: false,
      template: { account_type: 'SAVING', bank_country: 'US', currency: 'USD' },
    };
    expectProblem(await api.post('/v0/accounts/templates', template), 400, 'BAD_REQUEST_BODY', `name ${RULE}`);
    expectProblem(
      await api.post('/v0/accounts/templates', { ...template, name: 'Basic', description: '\u001f' }),
      400,
      'BAD_REQUEST_BODY',
      `description ${RULE}`,
    );
    const product = {
      product_type: 'INTEREST',
      calculation_method: 'COMPOUNDED_DAILY',
      accrual_payout_schedule: 'MONTHLY',
      rates: [{ rate: 125, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
      description: 'High\u0000yield',
    };
    expectProblem(await api.post('/v0/accounts/products', product), 400, 'BAD_REQUEST_BODY', `description ${RULE}`);
  });
});

describe('ordinary Unicode keeps working', () => {
  it(`round-trips ${UNICODE} through customers, addresses, accounts and templates`, async () => {
    const sent = personBody({
      first_name: UNICODE,
      last_name: UNICODE,
      legal_address: { ...address, address_line_1: UNICODE, city: UNICODE, nickname: UNICODE },
      note: `line one\nline\ttwo ${UNICODE}`,
    });
    const created = await api.post('/v0/customers', sent);
    expect(created.status, created.rawBody).toBe(201);
    const read = (await api.get(`/v0/customers/${created.body.id}`)).body;
    expect(read).toMatchObject({
      first_name: UNICODE,
      last_name: UNICODE,
      legal_address: { address_line_1: UNICODE, city: UNICODE, nickname: UNICODE },
    });

    const account = await createAccount(api, {
      account_type: 'CHECKING',
      relationships: primary(holder),
      nickname: UNICODE,
      account_purpose: UNICODE,
    });
    expect((await api.get(`/v0/accounts/${account.id}`)).body).toMatchObject({ nickname: UNICODE, account_purpose: UNICODE });

    const template = await api.post('/v0/accounts/templates', {
      name: `${UNICODE} ${tenant.id.slice(0, 8)}`,
      description: UNICODE,
      is_enabled: false,
      template: { account_type: 'SAVING', bank_country: 'US', currency: 'USD' },
    });
    expect(template.status, template.rawBody).toBe(201);
    expect((await api.get(`/v0/accounts/templates/${template.body.id}`)).body).toMatchObject({
      name: `${UNICODE} ${tenant.id.slice(0, 8)}`,
      description: UNICODE,
    });
  });
});
