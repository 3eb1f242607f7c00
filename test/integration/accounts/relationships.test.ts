import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem } from '../../helpers/api.js';
import { deleteResponseSchema, relationshipListSchema, relationshipResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedBusiness, acceptedPerson, createAccount, createPerson, newWorld, primary, type AccountsWorld } from './helpers.js';

// /v0/accounts/{account_id}/relationships: list, add, get, update (PUT) and delete, with the
// same KYC rules as a create, exactly one primary holder, and derived customer_ids.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  world = await newWorld('relationships');
  holder = await acceptedPerson(world.api);
});

const path = (accountId: string, id?: string) => `/v0/accounts/${accountId}/relationships${id ? `/${id}` : ''}`;
const newAccount = () => createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
const call = (method: string, p: string, body?: unknown) => world.api.call({ method, path: p, body });

describe('relationships', () => {
  it('lists the relationships made at creation', async () => {
    const account = await newAccount();
    const response = await world.api.get(path(account.id));
    expect(response.status).toBe(200);
    const { relationships } = relationshipListSchema.parse(response.body);
    expect(relationships).toEqual([
      expect.objectContaining({ account_id: account.id, customer_id: holder, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }),
    ]);
    expect(Object.keys(response.dynamoCalls).sort()).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  it('adds a joint holder (201), updates customer_ids, and writes ACCOUNT.UPDATED', async () => {
    const account = await newAccount();
    const joint = await acceptedPerson(world.api);
    const added = await world.api.post(path(account.id), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint });
    expect(added.status).toBe(201);
    const relationship = relationshipResponseSchema.parse(added.body);
    expect(relationship).toMatchObject({ account_id: account.id, customer_id: joint, relationship_type: 'JOINT_ACCOUNT_HOLDER' });
    expect((await world.api.get(`/v0/accounts/${account.id}`)).body.customer_ids).toEqual([holder, joint]);
    expect((await world.api.get(path(account.id, relationship.id))).body).toEqual(relationship);
    const event = (await eventsOf(world.tenant.id)).find((e) => e.type === 'ACCOUNT.UPDATED' && e.resource_id === account.id)!;
    expect(event.event_resource_changed_fields).toMatchObject({ customer_ids: [holder] });
  });

  it('applies the KYC and OFAC rules, refuses a second primary and a repeated holder', async () => {
    const account = await newAccount();
    const unverified = await createPerson(world.api);
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: unverified }),
      422,
      'UNPROCESSABLE_ENTITY',
      'must be ACCEPTED',
    );
    expect((await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_USER', customer_id: unverified })).status).toBe(201);
    const sanctioned = await createPerson(world.api, { last_name: 'Sanctioned' });
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_USER', customer_id: sanctioned }),
      422,
      'UNPROCESSABLE_ENTITY',
      'OFAC',
    );
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: await acceptedPerson(world.api) }),
      422,
      'UNPROCESSABLE_ENTITY',
      'already has a PRIMARY_ACCOUNT_HOLDER',
    );
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: holder }),
      409,
      'ALREADY_EXISTS',
    );
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'JOINT_ACCOUNT_HOLDER' }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of customer_id or business_id',
    );
    expectProblem(
      await world.api.post(path(account.id), { relationship_type: 'OWNER', customer_id: holder }),
      400,
      'BAD_REQUEST_BODY',
      'relationship_type',
    );
  });

  it('adds a business as authorized signer of a personal account, with business_ids', async () => {
    const account = await newAccount();
    const business = await acceptedBusiness(world.api);
    const added = await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_SIGNER', business_id: business });
    expect(added.status).toBe(201);
    expect(added.body.business_id).toBe(business);
    expect((await world.api.get(`/v0/accounts/${account.id}`)).body).toMatchObject({ business_ids: [business], customer_type: 'PERSONAL' });
  });

  it('updates only relationship_type, with the KYC rule of the new type', async () => {
    const account = await newAccount();
    const user = await createPerson(world.api);
    const added = await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_USER', customer_id: user });
    expectProblem(
      await call('PUT', path(account.id, added.body.id), { relationship_type: 'JOINT_ACCOUNT_HOLDER' }),
      422,
      'UNPROCESSABLE_ENTITY',
      'must be ACCEPTED',
    );
    expectProblem(
      await call('PUT', path(account.id, added.body.id), { relationship_type: 'AUTHORIZED_USER', customer_id: holder }),
      400,
      'BAD_REQUEST_BODY',
      'cannot change',
    );
    const signer = await acceptedPerson(world.api);
    const second = await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_USER', customer_id: signer });
    const updated = await call('PUT', path(account.id, second.body.id), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: signer });
    expect(updated.status).toBe(200);
    expect(relationshipResponseSchema.parse(updated.body)).toMatchObject({
      relationship_type: 'AUTHORIZED_SIGNER',
      created_at: second.body.created_at,
    });
    const primaryId = (await world.api.get(path(account.id))).body.relationships.find(
      (r: { relationship_type: string }) => r.relationship_type === 'PRIMARY_ACCOUNT_HOLDER',
    ).id;
    expectProblem(
      await call('PUT', path(account.id, primaryId), { relationship_type: 'JOINT_ACCOUNT_HOLDER' }),
      422,
      'UNPROCESSABLE_ENTITY',
      'exactly one',
    );
    expectProblem(
      await call('PUT', path(account.id, second.body.id), { relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }),
      422,
      'UNPROCESSABLE_ENTITY',
      'already has a PRIMARY_ACCOUNT_HOLDER',
    );
  });

  it('deletes a relationship, but never the last primary holder', async () => {
    const account = await newAccount();
    const joint = await acceptedPerson(world.api);
    const added = await world.api.post(path(account.id), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint });
    const removed = await call('DELETE', path(account.id, added.body.id));
    expect(removed.status).toBe(200);
    expect(deleteResponseSchema.parse(removed.body)).toEqual({ id: added.body.id, resource: 'relationship' });
    expect((await world.api.get(`/v0/accounts/${account.id}`)).body.customer_ids).toEqual([holder]);
    expectProblem(await world.api.get(path(account.id, added.body.id)), 404, 'NOT_FOUND');
    expectProblem(await call('DELETE', path(account.id, added.body.id)), 404, 'NOT_FOUND');
    const primaryId = (await world.api.get(path(account.id))).body.relationships[0].id;
    expectProblem(
      await call('DELETE', path(account.id, primaryId)),
      422,
      'UNPROCESSABLE_ENTITY',
      'last PRIMARY_ACCOUNT_HOLDER cannot be removed',
    );
  });

  it("hides another tenant's account and its relationships", async () => {
    const other = await newWorld('relationships-other');
    const foreign = await createAccount(other.api, { account_type: 'CHECKING', relationships: primary(await acceptedPerson(other.api)) });
    const foreignRel = (await other.api.get(path(foreign.id))).body.relationships[0].id;
    expectProblem(await world.api.get(path(foreign.id)), 404, 'NOT_FOUND');
    expectProblem(await world.api.get(path(foreign.id, foreignRel)), 404, 'NOT_FOUND');
    expectProblem(
      await world.api.post(path(foreign.id), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder }),
      404,
      'NOT_FOUND',
    );
  });

  it('pages the list with a page token', async () => {
    const account = await newAccount();
    for (let i = 0; i < 3; i++)
      await world.api.post(path(account.id), { relationship_type: 'AUTHORIZED_USER', customer_id: await createPerson(world.api) });
    const first = await world.api.get(path(account.id), { limit: 3 });
    expect(first.body.relationships).toHaveLength(3);
    expect(first.body.next_page_token).toBeTypeOf('string');
    const second = await world.api.get(path(account.id), { limit: 3, page_token: first.body.next_page_token });
    expect(second.body.relationships).toHaveLength(1);
    expect(second.body.next_page_token).toBeUndefined();
    expectProblem(await world.api.get(path(account.id), { page_token: 'garbage' }), 400, 'BAD_QUERY_PARAMETER');
  });
});
