import { beforeAll, describe, expect, it } from 'vitest';
import { newMigrationWorld, person, mappingBody, type MigrationWorld } from './helpers.js';

// Racing creates: the uniqueness claims are conditional writes in the create's transaction, so
// however many requests race for one resource, exactly one mapping exists afterwards.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('race');
});

describe('parallel creates', () => {
  it('50 creates for the same old resource (half through each tenant key) leave exactly one mapping', async () => {
    const oldId = await person(world.old);
    const newIds = await Promise.all(Array.from({ length: 50 }, () => person(world.new)));
    const responses = await Promise.all(
      newIds.map((newId, i) =>
        i % 2 === 0
          ? world.new.api.post('/v0/migration_mappings', mappingBody(world, 'PERSON', newId, oldId))
          : world.old.api.post('/v0/migration_mappings', mappingBody(world, 'PERSON', newId, oldId, { tenant: world.new.id })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    for (const api of [world.new.api, world.old.api]) {
      const listed = await api.get('/v0/migration_mappings', { old_resource_id: oldId, include_deleted: 'true' });
      expect(listed.body.migration_mappings).toHaveLength(1);
    }
  });

  it('50 creates for the same new resource leave exactly one mapping', async () => {
    const newId = await person(world.new);
    const oldIds = await Promise.all(Array.from({ length: 50 }, () => person(world.old)));
    const responses = await Promise.all(
      oldIds.map((oldId) => world.new.api.post('/v0/migration_mappings', mappingBody(world, 'PERSON', newId, oldId))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
    const listed = await world.new.api.get('/v0/migration_mappings', { resource_id: newId, include_deleted: 'true' });
    expect(listed.body.migration_mappings).toHaveLength(1);
  });
});
