import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientFor, eventsOf, expectProblem, getItem } from '../../helpers/api.js';
import { createTestTenant } from '../../helpers/tenants.js';
import { acceptedPerson } from '../accounts/helpers.js';
import { MAPPING_KEYS } from '../../../functions/adapters/dynamodb/mapping-keys.js';
import { account, business, mappingBody, newMigrationWorld, person, personMapping, type MigrationWorld } from './helpers.js';

// PATCH and DELETE /v0/migration_mappings/{mapping_id}: each rule with a passing and a rejected
// case, the soft delete, and events for both tenants.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('update');
});

const path = (id: string) => `/v0/migration_mappings/${id}`;
const remove = (id: string, api = world.new.api) => api.call({ method: 'DELETE', path: path(id) });
const eventsFor = async (tenantId: string, mappingId: string) => (await eventsOf(tenantId)).filter((e) => e.resource_id === mappingId);

describe('PATCH', () => {
  it('re-points resource_id, with a new last_updated_time, and tells both tenants what changed', async () => {
    const mapping = await personMapping(world);
    const other = await person(world.new);
    const response = await world.new.api.patch(path(mapping.id), { resource_id: other });
    expect(response.status, response.rawBody).toBe(200);
    expect(response.body).toMatchObject({ ...mapping, resource_id: other, last_updated_time: expect.any(String) });
    expect(response.body.last_updated_time > mapping.last_updated_time).toBe(true);
    for (const tenant of [world.new.id, world.old.id]) {
      const updated = (await eventsFor(tenant, mapping.id)).filter((e) => e.type === 'RESOURCE_MAPPING.UPDATED');
      expect(updated).toHaveLength(1);
      expect(updated[0]!.event_resource_changed_fields).toEqual({ resource_id: mapping.resource_id });
      expect(updated[0]!.event_resource).toEqual(response.body);
    }
    // The freed resource can be mapped again; the new one is taken.
    expect(await getItem(MAPPING_KEYS.claim(world.new.id, mapping.resource_id, 'NEW'))).toBeUndefined();
    expect((await getItem(MAPPING_KEYS.claim(world.new.id, other, 'NEW')))?.mapping_id).toBe(mapping.id);
  });

  it('judges the new link like a create: existence, type and uniqueness', async () => {
    const [mapping, taken] = await Promise.all([personMapping(world), personMapping(world)]);
    const aBusiness = await business(world.new);
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_id: randomUUID() }), 404, 'NOT_FOUND', 'resource_id');
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_id: aBusiness }), 404, 'NOT_FOUND', 'resource_id (PERSON');
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_type: 'BUSINESS' }), 404, 'NOT_FOUND', 'BUSINESS');
    expectProblem(
      await world.new.api.patch(path(mapping.id), { old_resource_id: taken.old_resource_id }),
      409,
      'ALREADY_EXISTS',
      'old_resource_id',
    );
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_id: taken.resource_id }), 409, 'ALREADY_EXISTS', 'resource_id');
    expectProblem(
      await world.new.api.patch(path(mapping.id), { old_tenant: world.new.id }),
      400,
      'BAD_REQUEST_BODY',
      'old_tenant must differ from tenant',
    );
    expect((await world.new.api.get(path(mapping.id))).body).toEqual(mapping);
  });

  it('refuses to change accounts to a different account_type', async () => {
    const [oldChecking, newChecking, newSaving] = await Promise.all([account(world.old), account(world.new), account(world.new, 'SAVING')]);
    const { body } = await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newChecking.id, oldChecking.id));
    expectProblem(await world.old.api.patch(path(body.id), { resource_id: newSaving.id }), 400, 'BAD_REQUEST_BODY', 'same account_type');
  });

  it('accepts echoed read-only fields and the unchanged tenant; refuses a new tenant', async () => {
    const mapping = await personMapping(world);
    const echoed = await world.new.api.patch(path(mapping.id), { ...mapping });
    expect(echoed.status, echoed.rawBody).toBe(200);
    // Nothing changed: no write, the same timestamps, no event.
    expect(echoed.body).toEqual(mapping);
    expect((await eventsFor(world.new.id, mapping.id)).map((e) => e.type)).toEqual(['RESOURCE_MAPPING.CREATED']);
    expectProblem(
      await world.new.api.patch(path(mapping.id), { tenant: world.old.id }),
      400,
      'BAD_REQUEST_BODY',
      'tenant cannot be changed',
    );
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_type: 'CARD' }), 400, 'BAD_REQUEST_BODY', 'resource_type');
  });

  it('honours Idempotency-Key', async () => {
    const mapping = await personMapping(world);
    const [a, b] = await Promise.all([person(world.new), person(world.new)]);
    const key = { headers: { 'Idempotency-Key': randomUUID() } };
    const first = await world.new.api.patch(path(mapping.id), { resource_id: a }, key);
    const retry = await world.new.api.patch(path(mapping.id), { resource_id: a }, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expectProblem(await world.new.api.patch(path(mapping.id), { resource_id: b }, key), 422, 'IDEMPOTENCY_INVALID_REUSE');
  });

  it('moves the mapping to another old tenant of the organization: the previous one is told and loses sight of it', async () => {
    const third = await createTestTenant({ organizationId: world.old.tenant.organizationId, label: 'third' });
    const thirdApi = clientFor(third.key);
    const mapping = await personMapping(world);
    const thirdPerson = await acceptedPerson(thirdApi);
    const moved = await world.new.api.patch(path(mapping.id), { old_tenant: third.id, old_resource_id: thirdPerson });
    expect(moved.status, moved.rawBody).toBe(200);
    expectProblem(await world.old.api.get(path(mapping.id)), 404, 'NOT_FOUND');
    expect((await thirdApi.get(path(mapping.id))).body).toEqual(moved.body);
    expect((await eventsFor(world.old.id, mapping.id)).map((e) => e.type)).toEqual([
      'RESOURCE_MAPPING.CREATED',
      'RESOURCE_MAPPING.UPDATED',
    ]);
    expect((await eventsFor(third.id, mapping.id)).map((e) => e.type)).toEqual(['RESOURCE_MAPPING.UPDATED']);
    expect(await getItem(MAPPING_KEYS.claim(world.old.id, mapping.old_resource_id, 'OLD'))).toBeUndefined();
  });
});

describe('DELETE', () => {
  it('is soft: deletion_time is set, GET still shows it, both tenants get RESOURCE_MAPPING.DELETED', async () => {
    const mapping = await personMapping(world);
    const response = await remove(mapping.id, world.old.api);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: mapping.id, resource: 'migration_mapping' });
    const after = (await world.new.api.get(path(mapping.id))).body;
    expect(after).toMatchObject({ ...mapping, deletion_time: expect.any(String), last_updated_time: after.deletion_time });
    expect((await world.old.api.get(path(mapping.id))).body).toEqual(after);
    for (const tenant of [world.new.id, world.old.id]) {
      const deleted = (await eventsFor(tenant, mapping.id)).filter((e) => e.type === 'RESOURCE_MAPPING.DELETED');
      expect(deleted).toHaveLength(1);
      expect(deleted[0]!.event_resource).toEqual(after);
    }
  });

  it('a second DELETE changes nothing; a deleted mapping cannot be patched; an unknown id is 404', async () => {
    const mapping = await personMapping(world);
    await remove(mapping.id);
    const deleted = (await world.new.api.get(path(mapping.id))).body;
    expect((await remove(mapping.id)).status).toBe(200);
    expect((await world.new.api.get(path(mapping.id))).body).toEqual(deleted);
    expect((await eventsFor(world.new.id, mapping.id)).filter((e) => e.type === 'RESOURCE_MAPPING.DELETED')).toHaveLength(1);
    expectProblem(
      await world.new.api.patch(path(mapping.id), { resource_id: await person(world.new) }),
      422,
      'UNPROCESSABLE_ENTITY',
      'deleted',
    );
    expectProblem(await remove(randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await world.new.api.get('/v0/migration_mappings/not-a-uuid'), 400, 'BAD_PATH_PARAMETER', 'mapping_id');
  });
});

describe('DynamoDB calls', () => {
  it('PATCH: the mapping and both resources (GetItem), then one TransactWriteItems', async () => {
    const mapping = await personMapping(world);
    const response = await world.old.api.patch(path(mapping.id), { resource_id: await person(world.new) });
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 3, TransactWriteItemsCommand: 1 });
  });

  it('DELETE: the mapping (GetItem), then one TransactWriteItems; a credit mapping also reads its two tradeline records', async () => {
    const mapping = await personMapping(world);
    expect((await remove(mapping.id)).dynamoCalls).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
    const [oldLine, newLine] = await Promise.all([account(world.old, 'LINE_OF_CREDIT'), account(world.new, 'LINE_OF_CREDIT')]);
    const { body } = await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newLine.id, oldLine.id));
    expect((await remove(body.id)).dynamoCalls).toEqual({ GetItemCommand: 3, TransactWriteItemsCommand: 1 });
  });
});
