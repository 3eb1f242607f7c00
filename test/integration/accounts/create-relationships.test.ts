import { beforeAll, describe, expect, it } from 'vitest';
import { clientFor, eventsOf, expectProblem, getItem, KEYS } from '../../helpers/api.js';
import { createTestTenant } from '../../helpers/tenants.js';
import {
  acceptedBusiness,
  acceptedPerson,
  createAccount,
  createBusiness,
  createPerson,
  primary,
  verify,
  type AccountsWorld,
} from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: relationships at creation, the KYC each holder needs, and the holder updates in the create transaction.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

describe('relationships at creation', () => {
  it('requires relationships with exactly one primary holder', async () => {
    expectProblem(await post({ account_type: 'CHECKING' }), 400, 'BAD_REQUEST_BODY', 'relationships is required');
    expectProblem(await post({ account_type: 'CHECKING', relationships: [] }), 400, 'BAD_REQUEST_BODY', 'relationships');
    const joint = await acceptedPerson(world.api);
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint }] }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one PRIMARY_ACCOUNT_HOLDER (found 0)',
    );
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [...primary(holder), { relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: joint }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'found 2',
    );
    const ok = await post({
      account_type: 'CHECKING',
      relationships: [...primary(holder), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: joint }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.customer_ids).toEqual([holder, joint]);
  });

  it('requires exactly one of customer_id and business_id, and no holder twice', async () => {
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }] }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of customer_id or business_id',
    );
    const business = await acceptedBusiness(world.api);
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder, business_id: business }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'exactly one of customer_id or business_id',
    );
    expectProblem(
      await post({
        account_type: 'CHECKING',
        relationships: [...primary(holder), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder }],
      }),
      400,
      'BAD_REQUEST_BODY',
      'relationships.1.customer_id names the same holder',
    );
  });

  it('accepts the deprecated person_id alias', async () => {
    const response = await post({
      account_type: 'SAVING',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', person_id: holder }],
    });
    expect(response.status).toBe(201);
    expect(response.body.customer_ids).toEqual([holder]);
  });

  it.each(['PRIMARY_ACCOUNT_HOLDER', 'JOINT_ACCOUNT_HOLDER', 'AUTHORIZED_SIGNER'])('requires a %s to be ACCEPTED', async (type) => {
    const unverified = await createPerson(world.api);
    const inReview = await createPerson(world.api, { last_name: 'Review' });
    expect(await verify(world.api, { person_id: inReview })).toBe('REVIEW');
    const relationships = (who: string) =>
      type === 'PRIMARY_ACCOUNT_HOLDER'
        ? [{ relationship_type: type, customer_id: who }]
        : [...primary(holder), { relationship_type: type, customer_id: who }];
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: relationships(unverified) }),
      422,
      'UNPROCESSABLE_ENTITY',
      `verification_status UNVERIFIED; a ${type} must be ACCEPTED`,
    );
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: relationships(inReview) }),
      422,
      'UNPROCESSABLE_ENTITY',
      'verification_status REVIEW',
    );
    expect((await post({ account_type: 'CHECKING', relationships: relationships(await acceptedPerson(world.api)) })).status).toBe(201);
  });

  it('lets an unverified AUTHORIZED_USER in after a clear OFAC screen, and refuses a match or a missing address', async () => {
    const clear = await createPerson(world.api);
    const matched = await createPerson(world.api, { last_name: 'Sanctioned' });
    const noAddress = await createPerson(world.api, { legal_address: undefined });
    const user = (id: string) => [...primary(holder), { relationship_type: 'AUTHORIZED_USER', customer_id: id }];
    const created = await post({ account_type: 'CHECKING', relationships: user(clear) });
    expect(created.status).toBe(201);
    expectProblem(await post({ account_type: 'CHECKING', relationships: user(matched) }), 422, 'UNPROCESSABLE_ENTITY', 'OFAC');
    expectProblem(await post({ account_type: 'CHECKING', relationships: user(noAddress) }), 422, 'PREREQUISITES_MISSING', 'legal_address');
  });

  it('makes a business primary holder a BUSINESS account, with business_ids', async () => {
    const business = await acceptedBusiness(world.api);
    const response = await post({
      account_type: 'CHECKING',
      relationships: [
        { relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: business },
        { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ customer_type: 'BUSINESS', business_ids: [business], customer_ids: [holder] });
    expectProblem(
      await post({ account_type: 'CHECKING', customer_type: 'BUSINESS', relationships: primary(holder) }),
      400,
      'BAD_REQUEST_BODY',
      'customer_type BUSINESS does not match',
    );
    const unverified = await createBusiness(world.api);
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', business_id: unverified }] }),
      422,
      'UNPROCESSABLE_ENTITY',
      `business ${unverified}`,
    );
  });

  it("treats another tenant's customer as not found, and writes nothing", async () => {
    const other = await createTestTenant({ label: 'other' });
    const stranger = await acceptedPerson(clientFor(other.key));
    const before = (await eventsOf(world.tenant.id)).length;
    expectProblem(
      await post({ account_type: 'CHECKING', relationships: primary(stranger) }),
      404,
      'NOT_FOUND',
      `relationships.0.customer_id: customer ${stranger} not found`,
    );
    expect((await eventsOf(world.tenant.id)).length).toBe(before);
  });

  it("sets the holder's has_accounts and bumps its version in the create transaction", async () => {
    const person = await acceptedPerson(world.api);
    const before = await getItem(KEYS.person(world.tenant.id, person));
    expect(before?.has_accounts).toBe(false);
    await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(person) });
    const after = await getItem(KEYS.person(world.tenant.id, person));
    expect(after).toMatchObject({ has_accounts: true, version: (before!.version as number) + 1 });
    expect((await world.api.get(`/v0/persons/${person}`)).body.has_accounts).toBe(true);
    // A second account leaves the person untouched.
    await createAccount(world.api, { account_type: 'SAVING', relationships: primary(person) });
    expect((await getItem(KEYS.person(world.tenant.id, person)))?.version).toBe(after!.version);
  });
});
