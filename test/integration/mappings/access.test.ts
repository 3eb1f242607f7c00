import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../../helpers/api.js';
import { account, keyWith, mappingBody, newMigrationWorld, person, personMapping, type MigrationWorld } from './helpers.js';

// Who may do what: both tenants' keys on every route, a third tenant's key (404, never 403),
// and permissions that follow resource_type.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('access');
});

const path = (id: string) => `/v0/migration_mappings/${id}`;
const del = (api: ApiClient, id: string) => api.call({ method: 'DELETE', path: path(id) });

describe('both tenants of a mapping, and no one else', () => {
  it('GET: either tenant reads the same mapping; a third tenant gets 404', async () => {
    const mapping = await personMapping(world);
    const [fromNew, fromOld] = await Promise.all([world.new.api.get(path(mapping.id)), world.old.api.get(path(mapping.id))]);
    expect(fromNew.status).toBe(200);
    expect(fromOld.status).toBe(200);
    expect(fromOld.body).toEqual(fromNew.body);
    expectProblem(await world.stranger.api.get(path(mapping.id)), 404, 'NOT_FOUND', 'migration mapping not found');
  });

  it('list: either tenant lists it; a third tenant does not see it', async () => {
    const mapping = await personMapping(world);
    for (const api of [world.new.api, world.old.api]) {
      const { body } = await api.get('/v0/migration_mappings', { resource_id: mapping.resource_id });
      expect(body.migration_mappings).toEqual([mapping]);
    }
    const stranger = await world.stranger.api.get('/v0/migration_mappings', { resource_id: mapping.resource_id });
    expect(stranger.status).toBe(200);
    expect(stranger.body.migration_mappings).toEqual([]);
  });

  it('PATCH: either tenant may update (like create); a third tenant gets 404 and changes nothing', async () => {
    const mapping = await personMapping(world);
    const [viaOld, viaNew] = await Promise.all([person(world.new), person(world.new)]);
    const fromOld = await world.old.api.patch(path(mapping.id), { resource_id: viaOld });
    expect(fromOld.status, fromOld.rawBody).toBe(200);
    expect(fromOld.body.resource_id).toBe(viaOld);
    const fromNew = await world.new.api.patch(path(mapping.id), { resource_id: viaNew });
    expect(fromNew.status, fromNew.rawBody).toBe(200);
    expectProblem(await world.stranger.api.patch(path(mapping.id), { resource_id: viaOld }), 404, 'NOT_FOUND');
    expect((await world.new.api.get(path(mapping.id))).body.resource_id).toBe(viaNew);
  });

  it('PATCH of old_tenant is for the new tenant key only (a caller never edits itself out of a mapping)', async () => {
    const mapping = await personMapping(world);
    expectProblem(
      await world.old.api.patch(path(mapping.id), { old_tenant: world.stranger.id }),
      400,
      'BAD_REQUEST_BODY',
      'old_tenant can only be changed with an API key of the new tenant',
    );
    expectProblem(await world.new.api.patch(path(mapping.id), { old_tenant: world.stranger.id }), 404, 'NOT_FOUND', 'old_tenant');
  });

  it('DELETE: the old tenant key may delete too; a third tenant gets 404', async () => {
    const [first, second] = await Promise.all([personMapping(world), personMapping(world)]);
    expectProblem(await del(world.stranger.api, first.id), 404, 'NOT_FOUND');
    const fromOld = await del(world.old.api, first.id);
    expect(fromOld.status).toBe(200);
    expect(fromOld.body).toEqual({ id: first.id, resource: 'migration_mapping' });
    expect((await del(world.new.api, second.id)).status).toBe(200);
  });

  it('POST: a third tenant cannot map resources of a tenant outside its organization', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.stranger)]);
    expectProblem(
      await world.stranger.api.post('/v0/migration_mappings', mappingBody(world, 'PERSON', newId, oldId)),
      404,
      'NOT_FOUND',
      'old_tenant',
    );
  });

  it('tradeline transfers: each tenant reads its own side; the other side and a third tenant get 404', async () => {
    const [oldLine, newLine] = await Promise.all([account(world.old, 'LINE_OF_CREDIT'), account(world.new, 'LINE_OF_CREDIT')]);
    const created = await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newLine.id, oldLine.id));
    expect(created.status, created.rawBody).toBe(201);
    const [sales, purchases] = await Promise.all([
      world.old.api.get('/v0/credit_reporting/tradeline_transfers', { account_id: oldLine.id }),
      world.new.api.get('/v0/credit_reporting/tradeline_transfers', { account_id: newLine.id }),
    ]);
    const sale = sales.body.tradeline_transfers[0];
    const purchase = purchases.body.tradeline_transfers[0];
    expect(sale.direction).toBe('SALE');
    expect(purchase.direction).toBe('PURCHASE');
    const transfers = '/v0/credit_reporting/tradeline_transfers';
    expect((await world.old.api.get(`${transfers}/${sale.id}`)).body).toEqual(sale);
    expect((await world.new.api.get(`${transfers}/${purchase.id}`)).body).toEqual(purchase);
    expectProblem(await world.new.api.get(`${transfers}/${sale.id}`), 404, 'NOT_FOUND', 'tradeline transfer not found');
    expectProblem(await world.old.api.get(`${transfers}/${purchase.id}`), 404, 'NOT_FOUND');
    expectProblem(await world.stranger.api.get(`${transfers}/${sale.id}`), 404, 'NOT_FOUND');
    expect((await world.stranger.api.get(transfers, { account_id: oldLine.id })).body.tradeline_transfers).toEqual([]);
  });
});

describe('permissions follow resource_type', () => {
  let customerOnly: ApiClient;
  let accountOnly: ApiClient;
  let readOnly: ApiClient;
  let webhooksOnly: ApiClient;
  let personMap: any;
  let accountMap: any;

  beforeAll(async () => {
    [customerOnly, accountOnly, readOnly, webhooksOnly] = await Promise.all([
      keyWith(world.new, 'customer:read,customer:write'),
      keyWith(world.new, 'account:read,account:write'),
      keyWith(world.new, 'customer:read,account:read'),
      keyWith(world.new, 'webhook:read,webhook:write'),
    ]);
    const [oldAccount, newAccount] = await Promise.all([account(world.old), account(world.new)]);
    personMap = await personMapping(world);
    accountMap = (await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newAccount.id, oldAccount.id))).body;
  });

  it('POST: PERSON needs customer:write and ACCOUNT account:write; an account-only key is not stopped at the door', async () => {
    const [oldAccount, newAccount, oldId, newId] = await Promise.all([
      account(world.old),
      account(world.new),
      person(world.old),
      person(world.new),
    ]);
    const accountBody = mappingBody(world, 'ACCOUNT', newAccount.id, oldAccount.id);
    const personBody = mappingBody(world, 'PERSON', newId, oldId);
    expectProblem(await customerOnly.post('/v0/migration_mappings', accountBody), 403, 'FORBIDDEN', 'account:write');
    expectProblem(await accountOnly.post('/v0/migration_mappings', personBody), 403, 'FORBIDDEN', 'customer:write');
    expectProblem(await readOnly.post('/v0/migration_mappings', personBody), 403, 'FORBIDDEN', 'customer:write');
    expect((await accountOnly.post('/v0/migration_mappings', accountBody)).status).toBe(201);
    expect((await customerOnly.post('/v0/migration_mappings', personBody)).status).toBe(201);
  });

  it("GET: the mapped type's read permission", async () => {
    expect((await accountOnly.get(path(accountMap.id))).status).toBe(200);
    expectProblem(await accountOnly.get(path(personMap.id)), 403, 'FORBIDDEN', 'customer:read');
    expect((await customerOnly.get(path(personMap.id))).status).toBe(200);
    expectProblem(await customerOnly.get(path(accountMap.id)), 403, 'FORBIDDEN', 'account:read');
    expectProblem(await webhooksOnly.get(path(personMap.id)), 403, 'FORBIDDEN');
  });

  it("list: an unfiltered list holds only readable types; a filter needs its types' permission", async () => {
    const mine = async (api: ApiClient, query = {}) =>
      (await api.get('/v0/migration_mappings', { limit: 100, ...query })).body.migration_mappings as any[];
    const customerTypes = new Set((await mine(customerOnly)).map((m) => m.resource_type));
    expect(customerTypes.has('PERSON')).toBe(true);
    expect(customerTypes.has('ACCOUNT')).toBe(false);
    expect(new Set((await mine(accountOnly)).map((m) => m.resource_type))).toEqual(new Set(['ACCOUNT']));
    expect((await mine(accountOnly, { resource_type: 'ACCOUNT' })).length).toBeGreaterThan(0);
    expectProblem(await accountOnly.get('/v0/migration_mappings', { resource_type: 'PERSON' }), 403, 'FORBIDDEN', 'customer:read');
    expectProblem(
      await accountOnly.get('/v0/migration_mappings', { resource_type: 'ACCOUNT,BUSINESS' }),
      403,
      'FORBIDDEN',
      'customer:read',
    );
    expectProblem(await webhooksOnly.get('/v0/migration_mappings'), 403, 'FORBIDDEN', 'customer:read or account:read');
  });

  it('PATCH: write on the current type, and on the new type when resource_type changes', async () => {
    const [newAccount, oldAccount] = await Promise.all([account(world.new), account(world.old)]);
    expectProblem(await accountOnly.patch(path(personMap.id), { resource_id: newAccount.id }), 403, 'FORBIDDEN', 'customer:write');
    const toAccount = { resource_type: 'ACCOUNT', resource_id: newAccount.id, old_resource_id: oldAccount.id };
    expectProblem(await customerOnly.patch(path(personMap.id), toAccount), 403, 'FORBIDDEN', 'account:write');
    const changed = await world.new.api.patch(path(personMap.id), toAccount);
    expect(changed.status, changed.rawBody).toBe(200);
    expect(changed.body.resource_type).toBe('ACCOUNT');
  });

  it('DELETE: write on the mapped type', async () => {
    const mapping = await personMapping(world);
    expectProblem(await del(accountOnly, mapping.id), 403, 'FORBIDDEN', 'customer:write');
    expectProblem(await del(readOnly, mapping.id), 403, 'FORBIDDEN', 'customer:write');
    expect((await del(customerOnly, mapping.id)).status).toBe(200);
  });

  it('tradeline transfers need account:read', async () => {
    expectProblem(await customerOnly.get('/v0/credit_reporting/tradeline_transfers'), 403, 'FORBIDDEN', 'account:read');
    expect((await accountOnly.get('/v0/credit_reporting/tradeline_transfers')).status).toBe(200);
  });
});
