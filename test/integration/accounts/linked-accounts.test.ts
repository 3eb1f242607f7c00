import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { pauseCall, type Pause } from '../../helpers/pause.js';
import { dynamoAccountStore } from '../../../functions/adapters/dynamodb/account-store.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// Accounts that move money for another (contract §2.10 floor/ceiling, §2.3 CHARGE_SECURED
// security): the linked account must belong to an owner of the account it backs, and must be
// able to transact (ACTIVE_OR_DISBURSED, access_status ACTIVE) when the link is made.

let world: AccountsWorld;
let holder: string;
let stranger: string;

beforeAll(async () => {
  world = await newWorld('linked');
  [holder, stranger] = await Promise.all([acceptedPerson(world.api), acceptedPerson(world.api)]);
});

let pauses: Pause[] = [];
afterEach(() => {
  for (const p of pauses) {
    p.release();
    p.restore();
  }
  pauses = [];
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);
const checking = (extra: Record<string, unknown> = {}) =>
  createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder), ...extra });
const floorOn = (linked: string) => ({
  account_type: 'CHECKING',
  relationships: primary(holder),
  balance_floor: { balance: 0, linked_account_id: linked },
});
const ceilingOn = (linked: string) => ({
  account_type: 'SAVING',
  relationships: primary(holder),
  balance_ceiling: { balance: 10, linked_account_id: linked },
});
const securedBy = (linked: string) => ({
  account_type: 'CHARGE_SECURED',
  relationships: primary(holder),
  security: { linked_account_id: linked },
});

describe('a linked account', () => {
  it("must share an owner with the account: another customer's account is refused, naming the field", async () => {
    const theirs = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(stranger) });
    expectProblem(await post(floorOn(theirs.id)), 422, 'UNPROCESSABLE_ENTITY', 'balance_floor.linked_account_id');
    expectProblem(await post(ceilingOn(theirs.id)), 422, 'UNPROCESSABLE_ENTITY', 'balance_ceiling.linked_account_id');
    expectProblem(await post(securedBy(theirs.id)), 422, 'UNPROCESSABLE_ENTITY', 'security.linked_account_id');
    // Being only a signer or user of it is not owning it.
    const signed = await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: [...primary(stranger), { relationship_type: 'AUTHORIZED_SIGNER', customer_id: holder }],
    });
    expectProblem(await post(floorOn(signed.id)), 422, 'UNPROCESSABLE_ENTITY', 'no owner in common');
    const mine = await checking();
    expectProblem(
      await world.api.patch(`/v0/accounts/${mine.id}`, { balance_floor: { balance: 0, linked_account_id: theirs.id } }),
      422,
      'UNPROCESSABLE_ENTITY',
      'balance_floor.linked_account_id',
    );
  });

  it('may be a joint account the holder co-owns', async () => {
    const shared = await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: [...primary(stranger), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: holder }],
    });
    expect((await post(floorOn(shared.id))).status).toBe(201);
    expect((await post(securedBy(shared.id))).status).toBe(201);
  });

  it('must be transactable: not FROZEN, SUSPENDED, RESTRICTED or pre-active', async () => {
    const frozen = await checking();
    await world.api.patch(`/v0/accounts/${frozen.id}`, { access_status: 'FROZEN' });
    expectProblem(
      await post(floorOn(frozen.id)),
      422,
      'UNPROCESSABLE_ENTITY',
      `balance_floor.linked_account_id: account ${frozen.id} has access_status FROZEN`,
    );
    const suspended = await checking();
    await world.api.patch(`/v0/accounts/${suspended.id}`, { status: 'SUSPENDED', note: 'fraud review' });
    expectProblem(
      await post(securedBy(suspended.id)),
      422,
      'UNPROCESSABLE_ENTITY',
      `security.linked_account_id: account ${suspended.id} is SUSPENDED`,
    );
    const pending = await checking({ status: 'ACCOUNT_NEVER_ACTIVE' });
    expectProblem(await post(ceilingOn(pending.id)), 422, 'UNPROCESSABLE_ENTITY', 'is ACCOUNT_NEVER_ACTIVE');

    const restrictedOwner = await acceptedPerson(world.api);
    const restricted = await createAccount(world.api, {
      account_type: 'CHECKING',
      relationships: [...primary(restrictedOwner), { relationship_type: 'JOINT_ACCOUNT_HOLDER', customer_id: holder }],
    });
    await world.api.patch(`/v0/persons/${restrictedOwner}`, { last_name: 'Rejected' });
    await world.api.post('/v0/verifications/verify', { customer_consent: true, person_id: restrictedOwner });
    expectProblem(await post(floorOn(restricted.id)), 422, 'UNPROCESSABLE_ENTITY', 'is RESTRICTED');
  });

  it('is checked again at commit: one frozen between the check and the write is refused', async () => {
    const backing = await checking();
    const write = pauseCall(dynamoAccountStore, 'createAccount');
    pauses.push(write);
    const opening = post(floorOn(backing.id));
    await write.reached;
    expect((await world.api.patch(`/v0/accounts/${backing.id}`, { access_status: 'FROZEN' })).status).toBe(200);
    write.release();
    expectProblem(await opening, 422, 'UNPROCESSABLE_ENTITY', 'access_status FROZEN');
  });
});
