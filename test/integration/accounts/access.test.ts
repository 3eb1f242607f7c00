import { describe, expect, it } from 'vitest';
import { clientFor, expectProblem } from '../../helpers/api.js';
import { acceptedPerson, newWorld, primary } from './helpers.js';

// The shared chain applied to the accounts routes: permissions, Idempotency-Key, path ids.

describe('accounts through the shared chain', () => {
  it('needs account:read to read and account:write to change', async () => {
    const { tenant, api } = await newWorld('access');
    const holder = await acceptedPerson(api);
    const created = await api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder) });
    const reader = clientFor((await tenant.issueKey('account:read')).apiKey);
    const customersOnly = clientFor((await tenant.issueKey('customer:read,customer:write')).apiKey);
    expect((await reader.get(`/v0/accounts/${created.body.id}`)).status).toBe(200);
    expect((await reader.get('/v0/accounts/templates')).status).toBe(200);
    expectProblem(
      await reader.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder) }),
      403,
      'FORBIDDEN',
      'account:write',
    );
    expectProblem(await reader.patch(`/v0/accounts/${created.body.id}`, { nickname: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await customersOnly.get('/v0/accounts'), 403, 'FORBIDDEN', 'account:read');
    expectProblem(await clientFor(null).get('/v0/accounts'), 401, 'UNAUTHORIZED');
  });

  it('replays a create with the same Idempotency-Key instead of opening a second account', async () => {
    const { api } = await newWorld('idempotent-create');
    const holder = await acceptedPerson(api);
    const body = { account_type: 'CHECKING', relationships: primary(holder) };
    const headers = { 'Idempotency-Key': `open-${holder}` };
    const [first, second] = await Promise.all([api.post('/v0/accounts', body, { headers }), api.post('/v0/accounts', body, { headers })]);
    const statuses = [first.status, second.status].sort();
    // Either the replay waited for the first (201 twice) or it arrived mid-flight (409).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const replay = await api.post('/v0/accounts', body, { headers });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe((first.status === 201 ? first : second).body.id);
    expect((await api.get('/v0/accounts', { customer_id: holder })).body.accounts).toHaveLength(1);
    expectProblem(await api.post('/v0/accounts', { ...body, nickname: 'other' }, { headers }), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });

  it('refuses path ids that are not UUIDs and routes static siblings before {account_id}', async () => {
    const { api } = await newWorld('paths');
    expectProblem(await api.get('/v0/accounts/12345'), 400, 'BAD_PATH_PARAMETER', 'account_id');
    expectProblem(await api.get('/v0/accounts/templates/nope'), 400, 'BAD_PATH_PARAMETER', 'template_id');
    expect((await api.get('/v0/accounts/templates')).body).toHaveProperty('account_templates');
    expect((await api.get('/v0/accounts/products', { product_type: 'INTEREST' })).body).toEqual({ account_products: [] });
  });
});
