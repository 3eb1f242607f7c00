import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, expectProblem, KEYS, table, TEST_TABLE } from '../../helpers/api.js';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedPerson, createAccount, newWorld, primary, type AccountsWorld } from './helpers.js';

// PATCH /v0/accounts/{id}: the status lifecycle, access_status, immutable fields, closed
// accounts (461), and the ACCOUNT.UPDATED event.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  world = await newWorld('patch');
  holder = await acceptedPerson(world.api);
});

const newAccount = (extra: Record<string, unknown> = {}) =>
  createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder), ...extra });
const patch = (id: string, body: Record<string, unknown>) => world.api.patch(`/v0/accounts/${id}`, body);

/** What the ledger will do on a posting: move the balance and bump the version, in one update. */
const setBalance = async (accountId: string, accountBalance: number, pendingDebits = 0) => {
  await table().send(
    new UpdateCommand({
      TableName: TEST_TABLE,
      Key: KEYS.account(world.tenant.id, accountId),
      UpdateExpression: 'SET account_balance = :b, pending_debits = :p, #v = #v + :one',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':b': accountBalance, ':p': pendingDebits, ':one': 1 },
    }),
  );
};

describe('status transitions', () => {
  it('progresses a pre-active account to ACTIVE_OR_DISBURSED, and never back', async () => {
    const account = await newAccount({ status: 'ACCOUNT_NEVER_ACTIVE' });
    expect(account.status).toBe('ACCOUNT_NEVER_ACTIVE');
    const active = await patch(account.id, { status: 'ACTIVE_OR_DISBURSED' });
    expect(active.status).toBe(200);
    expect(accountResponseSchema.parse(active.body).status).toBe('ACTIVE_OR_DISBURSED');
    expectProblem(
      await patch(account.id, { status: 'ACCOUNT_NEVER_ACTIVE' }),
      422,
      'INVALID_STATUS_TRANSITION',
      'from ACTIVE_OR_DISBURSED to ACCOUNT_NEVER_ACTIVE',
    );
  });

  it('refuses platform statuses at creation and by PATCH', async () => {
    expectProblem(
      await world.api.post('/v0/accounts', { account_type: 'CHECKING', relationships: primary(holder), status: 'RESTRICTED' }),
      400,
      'BAD_REQUEST_BODY',
      'status RESTRICTED cannot be set when creating',
    );
    const account = await newAccount();
    for (const status of ['RESTRICTED', 'FAILED_KYC', 'DELINQUENT', 'CHARGED_OFF']) {
      expectProblem(await patch(account.id, { status }), 422, 'INVALID_STATUS_TRANSITION', `${status} is set by the platform only`);
    }
  });

  it('requires a note to enter and to leave SUSPENDED', async () => {
    const account = await newAccount();
    expectProblem(
      await patch(account.id, { status: 'SUSPENDED' }),
      400,
      'BAD_REQUEST_BODY',
      'note is required when status changes to or from SUSPENDED',
    );
    expect((await patch(account.id, { status: 'SUSPENDED', note: 'fraud review #42' })).body.status).toBe('SUSPENDED');
    expectProblem(await patch(account.id, { status: 'ACTIVE_OR_DISBURSED' }), 400, 'BAD_REQUEST_BODY', 'note is required');
    expect((await patch(account.id, { status: 'ACTIVE_OR_DISBURSED', note: 'cleared' })).body.status).toBe('ACTIVE_OR_DISBURSED');
    const notes = (await eventsOf(world.tenant.id))
      .filter((e) => e.resource_id === account.id && e.type === 'ACCOUNT.UPDATED')
      .map((e) => e.note);
    expect(notes).toEqual(['fraud review #42', 'cleared']);
  });

  it('moves ACTIVE_OR_DISBURSED to IN_CLOSING only at zero balance, and holds count', async () => {
    const account = await newAccount();
    await setBalance(account.id, 1_500);
    expectProblem(await patch(account.id, { status: 'IN_CLOSING' }), 422, 'NON_ZERO_BALANCE', 'ACCOUNT_BALANCE 1500');
    await setBalance(account.id, 0, 200);
    expectProblem(await patch(account.id, { status: 'IN_CLOSING' }), 422, 'NON_ZERO_BALANCE', 'pending debits 200');
    await setBalance(account.id, 0, 0);
    const closing = await patch(account.id, { status: 'IN_CLOSING' });
    expect(closing.status).toBe(200);
    expect(closing.body.status).toBe('IN_CLOSING');
    const v2 = await world.api.get(`/v2/accounts/${account.id}`);
    expect(v2.body.in_closing_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lets IN_CLOSING move only to CLOSED', async () => {
    const account = await newAccount();
    await patch(account.id, { status: 'IN_CLOSING' });
    for (const status of ['ACTIVE_OR_DISBURSED', 'SUSPENDED', 'ACCOUNT_NEVER_ACTIVE']) {
      expectProblem(
        await patch(account.id, { status, note: 'n' }),
        422,
        'INVALID_STATUS_TRANSITION',
        'an account IN_CLOSING can only move to CLOSED',
      );
    }
    const closed = await patch(account.id, { status: 'CLOSED' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', close_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('closes directly at zero balance only', async () => {
    const account = await newAccount();
    await setBalance(account.id, -300);
    expectProblem(await patch(account.id, { status: 'CLOSED' }), 422, 'NON_ZERO_BALANCE');
    await setBalance(account.id, 0);
    expect((await patch(account.id, { status: 'CLOSED' })).body.status).toBe('CLOSED');
  });

  it('answers 461 to any change of a CLOSED account, but still reads it', async () => {
    const account = await newAccount();
    await patch(account.id, { status: 'CLOSED' });
    expectProblem(await patch(account.id, { nickname: 'again' }), 461, 'ACCOUNT_CLOSED', 'CLOSED');
    expectProblem(await patch(account.id, { status: 'ACTIVE_OR_DISBURSED' }), 461, 'ACCOUNT_CLOSED');
    expectProblem(
      await world.api.post(`/v0/accounts/${account.id}/relationships`, {
        relationship_type: 'AUTHORIZED_SIGNER',
        customer_id: await acceptedPerson(world.api),
      }),
      461,
      'ACCOUNT_CLOSED',
    );
    expect((await world.api.get(`/v0/accounts/${account.id}`)).status).toBe(200);
  });
});

describe('access_status', () => {
  it('is patched alone, and while FROZEN nothing else changes', async () => {
    const account = await newAccount();
    expectProblem(
      await patch(account.id, { access_status: 'FROZEN', nickname: 'x' }),
      400,
      'BAD_REQUEST_BODY',
      'access_status must be patched on its own',
    );
    const frozen = await patch(account.id, { access_status: 'FROZEN' });
    expect(frozen.body.access_status).toBe('FROZEN');
    expect(frozen.body.access_status_last_updated_time > account.access_status_last_updated_time).toBe(true);
    expectProblem(await patch(account.id, { nickname: 'x' }), 422, 'UNPROCESSABLE_ENTITY', 'FROZEN');
    expectProblem(await patch(account.id, { status: 'SUSPENDED', note: 'n' }), 422, 'UNPROCESSABLE_ENTITY', 'FROZEN');
    expectProblem(
      await world.api.post(`/v0/accounts/${account.id}/relationships`, {
        relationship_type: 'AUTHORIZED_SIGNER',
        customer_id: await acceptedPerson(world.api),
      }),
      422,
      'UNPROCESSABLE_ENTITY',
      'FROZEN',
    );
    expect((await patch(account.id, { access_status: 'ACTIVE' })).body.access_status).toBe('ACTIVE');
    expect((await patch(account.id, { nickname: 'x' })).body.nickname).toBe('x');
  });
});

describe('fields', () => {
  it.each([
    ['account_type', 'SAVING'],
    ['account_number', '123456789012'],
    ['account_template_id', '3f1a3a2e-0000-4000-8000-000000000000'],
    ['customer_type', 'BUSINESS'],
    ['currency', 'EUR'],
    ['bank_routing', '999999999'],
  ])('rejects the immutable %s', async (field, value) => {
    const account = await newAccount();
    expectProblem(await patch(account.id, { [field]: value }), 400, 'BAD_REQUEST_BODY', `${field} is immutable`);
  });

  it('rejects an immutable field even when it echoes the stored value, and ignores echoed read-only fields', async () => {
    const account = await newAccount();
    for (const field of ['account_type', 'account_number', 'account_template_id', 'bank_routing', 'customer_type', 'currency']) {
      expectProblem(await patch(account.id, { [field]: account[field] }), 400, 'BAD_REQUEST_BODY', `${field} is immutable`);
    }
    const echoed = await patch(account.id, {
      id: account.id,
      account_number_masked: account.account_number_masked,
      balances: account.balances,
      nickname: 'echo',
    });
    expect(echoed.status).toBe(200);
    expect(echoed.body.nickname).toBe('echo');
  });

  it('updates the writable fields and validates them like a create', async () => {
    const account = await newAccount();
    const backing = await newAccount();
    const response = await patch(account.id, {
      nickname: 'Bills',
      metadata: { source: 'app' },
      is_wire_enabled: true,
      balance_floor: { balance: 1000, linked_account_id: backing.id },
      spend_control_ids: ['7d943c51-e4ff-4e57-9558-08cab6b963c7'],
    });
    expect(response.status).toBe(200);
    expect(accountResponseSchema.parse(response.body)).toMatchObject({
      nickname: 'Bills',
      metadata: { source: 'app' },
      is_wire_enabled: true,
      balance_floor: { balance: 1000, linked_account_id: backing.id },
    });
    expectProblem(
      await patch(account.id, { balance_floor: { balance: 0, linked_account_id: account.id } }),
      400,
      'BAD_REQUEST_BODY',
      'must not be the account itself',
    );
    expectProblem(
      await patch(account.id, { credit_limit: 10 }),
      400,
      'BAD_REQUEST_BODY',
      'credit_limit is not applicable to account_type CHECKING',
    );
    expectProblem(await patch(account.id, { relationships: [] }), 400, 'BAD_REQUEST_BODY', 'relationships');
    expectProblem(await patch(account.id, { status: 'NOT_A_STATUS' }), 400, 'BAD_REQUEST_BODY', 'status must be one of');
  });

  it('writes ACCOUNT.UPDATED with the prior values of the changed fields, in the same transaction', async () => {
    const account = await newAccount({ nickname: 'Old' });
    const response = await patch(account.id, { nickname: 'New', is_wire_enabled: true });
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
    const updated = (await eventsOf(world.tenant.id)).filter((e) => e.type === 'ACCOUNT.UPDATED' && e.resource_id === account.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.event_resource_changed_fields).toEqual({ nickname: 'Old', is_wire_enabled: false });
  });

  it('writes nothing when nothing changes', async () => {
    const account = await newAccount({ nickname: 'Same' });
    const response = await patch(account.id, { nickname: 'Same' });
    expect(response.status).toBe(200);
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1 });
    expect(response.body.last_updated_time).toBe(account.last_updated_time);
  });

  it("answers 404 for an unknown id and for another tenant's account", async () => {
    const other = await newWorld('patch-other');
    const foreign = await createAccount(other.api, { account_type: 'CHECKING', relationships: primary(await acceptedPerson(other.api)) });
    expectProblem(await patch(foreign.id, { nickname: 'mine' }), 404, 'NOT_FOUND');
    expectProblem(await world.api.get(`/v0/accounts/${foreign.id}`), 404, 'NOT_FOUND');
    expectProblem(await world.api.get('/v0/accounts/not-a-uuid'), 400, 'BAD_PATH_PARAMETER');
  });
});
