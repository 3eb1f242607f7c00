import { clientFor, personBody, type ApiClient } from '../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamodb/client.js';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';
import { createAccount, primary, verify } from './accounts/helpers.js';

// A POST then an immediate GET or PATCH must find what the POST wrote. On AWS only a strongly
// consistent read guarantees that, so every GetItem a handler sends for a base-table item asks
// for one (GSIs cannot, and no request path depends on one for a just-written item); the KYC
// hook's membership Query is on the base table and consistent too.

let tenant: TestTenant;
let api: ApiClient;
const sent: { command: string; consistent: boolean; index?: string; pk: string }[] = [];

beforeAll(async () => {
  tenant = await createTestTenant({ label: 'consistent-reads' });
  api = clientFor(tenant.key);
  documentClient().middlewareStack.add(
    (next, context) => (args) => {
      const input = args.input as {
        ConsistentRead?: boolean;
        IndexName?: string;
        Key?: { pk?: string };
        ExpressionAttributeValues?: Record<string, unknown>;
      };
      sent.push({
        command: String(context.commandName),
        consistent: input.ConsistentRead === true,
        ...(input.IndexName ? { index: input.IndexName } : {}),
        pk: String(input.Key?.pk ?? input.ExpressionAttributeValues?.[':pk'] ?? ''),
      });
      return next(args);
    },
    { step: 'initialize', name: 'consistentReadsTestLog' },
  );
});

/** Reads of this tenant's items (the authorizer's API-key read is cached 300 s anyway, see docs/api-notes.md). */
const tenantReads = (command: string) => sent.filter((c) => c.command === command && c.pk.startsWith(`TENANT#${tenant.id}`));

describe('request-path reads', () => {
  it('every GetItem of a customer, account, template or product is strongly consistent', async () => {
    sent.length = 0;
    const person = (await api.post('/v0/persons', personBody())).body.id as string;
    await api.get(`/v0/customers/${person}`);
    await api.patch(`/v0/persons/${person}`, { middle_name: 'Q' });
    await verify(api, { person_id: person });
    const product = (
      await api.post('/v0/accounts/products', {
        product_type: 'INTEREST',
        calculation_method: 'COMPOUNDED_DAILY',
        accrual_payout_schedule: 'MONTHLY',
        rates: [{ rate: 5, accrual_period: 'DAILY', valid_from: '2024-01-01' }],
      })
    ).body.id as string;
    await api.patch(`/v0/accounts/products/${product}`, { product_type: 'INTEREST', description: 'x' });
    const template = (await api.get('/v0/accounts/templates')).body.account_templates[0].id as string;
    await api.get(`/v0/accounts/templates/${template}`);
    const account = await createAccount(api, { account_type: 'SAVING', relationships: primary(person), interest_product_id: product });
    await api.get(`/v0/accounts/${account.id}`);
    await api.patch(`/v0/accounts/${account.id}`, { nickname: 'n' });
    const gets = tenantReads('GetItemCommand');
    expect(gets.length).toBeGreaterThan(8);
    expect(gets.filter((g) => !g.consistent)).toEqual([]);
  });

  it("the KYC hook reads a holder's accounts from the holder's partition, consistently, with no index", async () => {
    const person = (await api.post('/v0/persons', personBody())).body.id as string;
    await verify(api, { person_id: person });
    await createAccount(api, { account_type: 'CHECKING', relationships: primary(person) });
    await api.patch(`/v0/persons/${person}`, { last_name: 'Rejected' });
    sent.length = 0;
    expect(await verify(api, { person_id: person })).toBe('REJECTED');
    const queries = tenantReads('QueryCommand');
    expect(queries.filter((q) => q.index)).toEqual([]);
    expect(queries).toEqual([{ command: 'QueryCommand', consistent: true, pk: `TENANT#${tenant.id}#PERSON#${person}` }]);
    expect(tenantReads('GetItemCommand').filter((g) => !g.consistent)).toEqual([]);
  });
});
