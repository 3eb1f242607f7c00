import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, getItem } from '../../helpers/api.js';
import { MAPPING_KEYS } from '../../../functions/adapters/dynamodb/mapping-keys.js';
import { account, business, mappingBody, newMigrationWorld, person, type MigrationWorld } from './helpers.js';

// POST /v0/migration_mappings: each validation rule with a passing and a rejected case, the
// 409 on duplicates, events for both tenants, Idempotency-Key, and the DynamoDB cost.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('create');
});

const post = (body: Record<string, unknown>, api = world.new.api, extra = {}) => api.post('/v0/migration_mappings', body, extra);

/** Everything a rejected create could have written: events on both sides and the claims. */
const footprint = async (oldResourceId: string, resourceId: string) => ({
  oldEvents: (await eventsOf(world.old.id)).length,
  newEvents: (await eventsOf(world.new.id)).length,
  oldClaim: await getItem(MAPPING_KEYS.claim(world.old.id, oldResourceId, 'OLD')),
  newClaim: await getItem(MAPPING_KEYS.claim(world.new.id, resourceId, 'NEW')),
});

describe('the two tenants', () => {
  it('maps a person with the new tenant key, tenant left out, and answers the mapping object', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const response = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect(response.status, response.rawBody).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual([
      'creation_time',
      'id',
      'last_updated_time',
      'old_resource_id',
      'old_tenant',
      'resource_id',
      'resource_type',
      'tenant',
    ]);
    expect(response.body).toMatchObject({
      tenant: world.new.id,
      resource_id: newId,
      old_tenant: world.old.id,
      old_resource_id: oldId,
      resource_type: 'PERSON',
    });
    expect(response.body.creation_time).toBe(response.body.last_updated_time);
  });

  it('maps with the old tenant key when the body names the new tenant; the new tenant owns it', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const response = await post(mappingBody(world, 'PERSON', newId, oldId, { tenant: world.new.id }), world.old.api);
    expect(response.status, response.rawBody).toBe(201);
    expect(response.body.tenant).toBe(world.new.id);
    expect((await world.new.api.get(`/v0/migration_mappings/${response.body.id}`)).body).toEqual(response.body);
  });

  it('refuses the old tenant key without tenant (the mapping would map the old tenant onto itself)', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    expectProblem(
      await post(mappingBody(world, 'PERSON', newId, oldId), world.old.api),
      400,
      'BAD_REQUEST_BODY',
      'old_tenant must differ from tenant',
    );
  });

  it('refuses old_tenant equal to tenant', async () => {
    const id = await person(world.new);
    expectProblem(
      await post(mappingBody(world, 'PERSON', id, id, { old_tenant: world.new.id })),
      400,
      'BAD_REQUEST_BODY',
      'old_tenant must differ from tenant',
    );
  });

  it("refuses a body where the key's tenant is neither tenant nor old_tenant", async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const body = mappingBody(world, 'PERSON', newId, oldId, { tenant: world.old.id, old_tenant: world.stranger.id });
    expectProblem(await post(body), 400, 'BAD_REQUEST_BODY', "tenant or old_tenant must be the API key's tenant");
  });

  it('answers 404 naming the field for a tenant of another organization or an unknown tenant, and writes nothing', async () => {
    const [oldId, newId, oldPerson] = await Promise.all([person(world.stranger), person(world.new), person(world.old)]);
    const before = await footprint(oldId, newId);
    expectProblem(
      await post(mappingBody(world, 'PERSON', newId, oldId, { old_tenant: world.stranger.id })),
      404,
      'NOT_FOUND',
      `old_tenant ${world.stranger.id}`,
    );
    expectProblem(await post(mappingBody(world, 'PERSON', newId, oldId, { old_tenant: randomUUID() })), 404, 'NOT_FOUND', 'old_tenant');
    const fromOld = mappingBody(world, 'PERSON', newId, oldPerson, { tenant: world.stranger.id });
    expectProblem(await post(fromOld, world.old.api), 404, 'NOT_FOUND', `tenant ${world.stranger.id}`);
    expect(await footprint(oldId, newId)).toEqual(before);
  });
});

describe('the mapped resources', () => {
  it('requires resource_id in the new tenant and old_resource_id in the old tenant (404 naming each)', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    expectProblem(await post(mappingBody(world, 'PERSON', oldId, oldId)), 404, 'NOT_FOUND', 'resource_id (PERSON');
    expectProblem(await post(mappingBody(world, 'PERSON', newId, newId)), 404, 'NOT_FOUND', 'old_resource_id (PERSON');
    expectProblem(await post(mappingBody(world, 'PERSON', randomUUID(), oldId)), 404, 'NOT_FOUND', 'resource_id');
  });

  it('requires the given type: a person is not a business, an account not a person', async () => {
    const [oldPerson, newPerson, oldBusiness, newBusiness] = await Promise.all([
      person(world.old),
      person(world.new),
      business(world.old),
      business(world.new),
    ]);
    expectProblem(await post(mappingBody(world, 'BUSINESS', newPerson, oldPerson)), 404, 'NOT_FOUND', 'BUSINESS');
    expectProblem(await post(mappingBody(world, 'PERSON', newBusiness, oldBusiness)), 404, 'NOT_FOUND', 'PERSON');
    const created = await post(mappingBody(world, 'BUSINESS', newBusiness, oldBusiness));
    expect(created.status, created.rawBody).toBe(201);
    expect(created.body.resource_type).toBe('BUSINESS');
  });

  it('maps accounts of the same account_type and refuses different ones with a clear 400', async () => {
    const [oldChecking, newChecking, newSaving] = await Promise.all([account(world.old), account(world.new), account(world.new, 'SAVING')]);
    expectProblem(await post(mappingBody(world, 'ACCOUNT', newSaving.id, oldChecking.id)), 400, 'BAD_REQUEST_BODY', [
      'same account_type',
      'resource_id is SAVING',
      'old_resource_id is CHECKING',
    ]);
    const created = await post(mappingBody(world, 'ACCOUNT', newChecking.id, oldChecking.id));
    expect(created.status, created.rawBody).toBe(201);
  });

  it.each([
    ['a resource_id that is not a UUID', { resource_id: 'abc' }, 'resource_id must be a valid UUID'],
    ['an old_tenant that is not a UUID', { old_tenant: 'old-bank' }, 'old_tenant must be a valid UUID'],
    ['a tenant that is not a UUID', { tenant: 'x' }, 'tenant must be a valid UUID'],
    ['an unknown resource_type', { resource_type: 'CARD' }, 'resource_type must be one of PERSON, BUSINESS, ACCOUNT'],
    ['a missing old_resource_id', { old_resource_id: undefined }, 'old_resource_id is required'],
    ['an unknown field', { colour: 'blue' }, 'unknown field colour'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, override, detail) => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const body: Record<string, unknown> = { ...mappingBody(world, 'PERSON', newId, oldId), ...override };
    for (const [k, v] of Object.entries(override)) if (v === undefined) delete body[k];
    const before = await footprint(oldId, newId);
    expectProblem(await post(body), 400, 'BAD_REQUEST_BODY', detail);
    expect(await footprint(oldId, newId)).toEqual(before);
  });
});

describe('one live mapping per resource', () => {
  it('answers 409 for a second mapping of the old resource or of the new resource; a deleted mapping frees both', async () => {
    const [oldId, newId, otherOld, otherNew] = await Promise.all([
      person(world.old),
      person(world.new),
      person(world.old),
      person(world.new),
    ]);
    const first = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect(first.status).toBe(201);
    expectProblem(await post(mappingBody(world, 'PERSON', otherNew, oldId)), 409, 'ALREADY_EXISTS', `old_resource_id ${oldId}`);
    expectProblem(await post(mappingBody(world, 'PERSON', newId, otherOld)), 409, 'ALREADY_EXISTS', `resource_id ${newId}`);
    expect((await world.new.api.call({ method: 'DELETE', path: `/v0/migration_mappings/${first.body.id}` })).status).toBe(200);
    const again = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect(again.status, again.rawBody).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('lets a resource be the new side of one mapping and the old side of another (a second migration)', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    expect((await post(mappingBody(world, 'PERSON', newId, oldId))).status).toBe(201);
    // The new bank's person moves on again: it is now the OLD side, mapped back to a fresh person of the old bank.
    const onward = await post(
      {
        resource_type: 'PERSON',
        resource_id: await person(world.old),
        old_tenant: world.new.id,
        old_resource_id: newId,
        tenant: world.old.id,
      },
      world.new.api,
    );
    expect(onward.status, onward.rawBody).toBe(201);
  });
});

describe('events', () => {
  it('writes RESOURCE_MAPPING.CREATED for the new tenant and a copy for the old tenant, in the same transaction', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const response = await post(mappingBody(world, 'PERSON', newId, oldId));
    const forTenant = async (tenantId: string) => (await eventsOf(tenantId)).filter((e) => e.resource_id === response.body.id);
    const [newSide, oldSide] = await Promise.all([forTenant(world.new.id), forTenant(world.old.id)]);
    expect(newSide).toHaveLength(1);
    expect(oldSide).toHaveLength(1);
    for (const [event, tenant] of [
      [newSide[0], world.new.id],
      [oldSide[0], world.old.id],
    ] as const) {
      expect(event).toMatchObject({ type: 'RESOURCE_MAPPING.CREATED', tenant, event_resource: response.body });
      expect(event!.audit.api_key_id).toBe(world.new.tenant.keyId);
    }
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for a retry and refuses the key with another body', async () => {
    const [oldId, newId, otherNew] = await Promise.all([person(world.old), person(world.new), person(world.new)]);
    const key = { headers: { 'Idempotency-Key': randomUUID() } };
    const first = await post(mappingBody(world, 'PERSON', newId, oldId), world.new.api, key);
    const retry = await post(mappingBody(world, 'PERSON', newId, oldId), world.new.api, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expectProblem(await post(mappingBody(world, 'PERSON', otherNew, oldId), world.new.api, key), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });
});

describe('DynamoDB calls', () => {
  it('a create is the existence reads (tenant, both resources) and one TransactWriteItems, no Query or Scan', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const response = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect(response.status).toBe(201);
    expect(response.dynamoCalls.TransactWriteItemsCommand).toBe(1);
    expect(response.dynamoCalls.GetItemCommand).toBeGreaterThanOrEqual(2);
    expect(response.dynamoCalls.GetItemCommand).toBeLessThanOrEqual(3);
    expect(Object.keys(response.dynamoCalls).sort()).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('a GET is one GetItem', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const { body } = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect((await world.old.api.get(`/v0/migration_mappings/${body.id}`)).dynamoCalls).toEqual({ GetItemCommand: 1 });
  });
});
