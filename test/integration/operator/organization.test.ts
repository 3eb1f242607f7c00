import { expectProblem } from '../../helpers/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { account, business, mappingBody, newMigrationWorld, personMapping, type MigrationWorld } from '../mappings/helpers.js';
import * as z from 'zod/mini';
import { migrationSummarySchema, organizationResponseSchema } from '../../../functions/operator/response-schemas.js';
import { issueOperatorKey, operatorClient } from './helpers.js';

// The organization-scoped read path (issue 13): GET /v0/operator/organization and
// GET /v0/operator/migration_summary, with an operator key and no X-Bankline-Tenant.

let world: MigrationWorld;
let operatorKey: string;
let liveMapping: { id: string; resource_id: string; old_resource_id: string };
const asOperator = () => operatorClient(operatorKey, undefined);

const created = (res: { status: number; rawBody: string; body: any }) => {
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.rawBody}`);
  return res.body;
};

beforeAll(async () => {
  world = await newMigrationWorld('operator-org');
  operatorKey = (await issueOperatorKey(world.old.tenant.organizationId)).apiKey;
  // old -> new: 2 persons (one then deleted) and 1 account; new -> old: 1 business.
  liveMapping = await personMapping(world);
  const deleted = await personMapping(world);
  expect((await world.new.api.call({ method: 'DELETE', path: `/v0/migration_mappings/${deleted.id}` })).status).toBe(200);
  const [oldAccount, newAccount] = await Promise.all([account(world.old), account(world.new)]);
  created(await world.new.api.post('/v0/migration_mappings', mappingBody(world, 'ACCOUNT', newAccount.id, oldAccount.id)));
  const [oldBusiness, newBusiness] = await Promise.all([business(world.new), business(world.old)]);
  created(
    await world.old.api.post('/v0/migration_mappings', {
      resource_type: 'BUSINESS',
      resource_id: newBusiness,
      old_tenant: world.new.id,
      old_resource_id: oldBusiness,
    }),
  );
});

describe('GET /v0/operator/organization', () => {
  it('names the organization and lists its tenants, and only them', async () => {
    const res = await asOperator().get('/v0/operator/organization');
    expect(res.status).toBe(200);
    expect(z.safeParse(organizationResponseSchema, res.body).success).toBe(true);
    expect(res.body).toMatchObject({ id: world.old.tenant.organizationId, name: expect.stringContaining('operator-org') });
    expect(res.body.tenants.map((t: { id: string }) => t.id).sort()).toEqual([world.old.id, world.new.id].sort());
    expect(res.body.tenants[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      bank_routing: '021000021',
      creation_time: expect.any(String),
    });
  });

  it('needs no X-Bankline-Tenant, and a header naming any tenant changes nothing', async () => {
    const res = await operatorClient(operatorKey, world.stranger.id).get('/v0/operator/organization');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(world.old.tenant.organizationId);
  });

  it('is Query and GetItem only', async () => {
    const res = await asOperator().get('/v0/operator/organization');
    expect(Object.keys(res.dynamoCalls).sort()).toEqual(['GetItemCommand', 'QueryCommand']);
  });
});

describe('GET /v0/operator/migration_summary', () => {
  it('counts mappings per (old tenant, new tenant) pair by resource type and status', async () => {
    const res = await asOperator().get('/v0/operator/migration_summary');
    expect(res.status).toBe(200);
    expect(z.safeParse(migrationSummarySchema, res.body).success).toBe(true);
    expect(res.body.organization_id).toBe(world.old.tenant.organizationId);
    const pair = (oldTenant: string, newTenant: string) =>
      res.body.pairs.find((p: { old_tenant: string; tenant: string }) => p.old_tenant === oldTenant && p.tenant === newTenant);
    expect(res.body.pairs).toHaveLength(2);
    expect(pair(world.old.id, world.new.id)).toEqual({
      old_tenant: world.old.id,
      old_tenant_name: world.old.tenant.tenant.name,
      tenant: world.new.id,
      tenant_name: world.new.tenant.tenant.name,
      by_resource_type: {
        PERSON: { ACTIVE: 1, DELETED: 1 },
        BUSINESS: { ACTIVE: 0, DELETED: 0 },
        ACCOUNT: { ACTIVE: 1, DELETED: 0 },
      },
      total: { ACTIVE: 2, DELETED: 1 },
    });
    expect(pair(world.new.id, world.old.id)).toMatchObject({
      by_resource_type: { BUSINESS: { ACTIVE: 1, DELETED: 0 }, PERSON: { ACTIVE: 0, DELETED: 0 } },
      total: { ACTIVE: 1, DELETED: 0 },
    });
    // Queries only (one chain per tenant of the organization), never a Scan.
    expect(Object.keys(res.dynamoCalls)).toEqual(['QueryCommand']);
  });

  it('is empty for an organization without mappings', async () => {
    const lonely = (await issueOperatorKey(world.stranger.tenant.organizationId)).apiKey;
    const res = await operatorClient(lonely, undefined).get('/v0/operator/migration_summary');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ organization_id: world.stranger.tenant.organizationId, pairs: [] });
  });

  it('tenant keys get 403 naming organization:read', async () => {
    expectProblem(await world.new.api.get('/v0/operator/migration_summary'), 403, 'FORBIDDEN', 'organization:read');
  });
});

describe('"View Migrated Resource" through the public mapping list', () => {
  it('an operator finds the mapping from either tenant, by either side’s id, and opens the other side', async () => {
    const fromOld = await operatorClient(operatorKey, world.old.id).get('/v0/migration_mappings', {
      any_resource_id: liveMapping.old_resource_id,
    });
    expect(fromOld.status).toBe(200);
    expect(fromOld.body.migration_mappings.map((m: { id: string }) => m.id)).toEqual([liveMapping.id]);
    const fromNew = await operatorClient(operatorKey, world.new.id).get('/v0/migration_mappings', {
      any_resource_id: liveMapping.resource_id,
    });
    expect(fromNew.body.migration_mappings[0]).toMatchObject({ tenant: world.new.id, old_tenant: world.old.id });
    const opened = await operatorClient(operatorKey, world.new.id).get(`/v0/persons/${liveMapping.resource_id}`);
    expect(opened.status).toBe(200);
  });
});
