import { beforeAll, describe, expect, it } from 'vitest';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { clientFor, eventsOf, expectProblem } from '../../helpers/api.js';
import { fund } from '../ledger/world.js';
import { type ClosureWorld, externalAccount, initiate, newClosureWorld, openChecking } from './world.js';
import { acceptedPerson } from '../accounts/helpers.js';

// initiate_closure at the HTTP edge (contract §3): validation of the reason against the key's
// permissions, of the payment method and its destination; IN_CLOSING at once with one
// ACCOUNT.UPDATED; a second POST and a CLOSED account refused; PATCH rules.

let world: ClosureWorld;

const body = (extra: Record<string, unknown> = {}) => ({
  reason: 'CUSTOMER_REQUEST_TRANSFER',
  reason_details: 'moving to another bank',
  payment_method: null,
  destination_id: null,
  ...extra,
});

beforeAll(async () => {
  world = await newClosureWorld('closure-api');
});

describe('POST initiate_closure', () => {
  it('sets IN_CLOSING and in_closing_date at once, answers the account with its closure, and records ACCOUNT.UPDATED', async () => {
    const closing = await openChecking(world);
    const res = await world.api.post(`/v2/accounts/${closing}/initiate_closure`, body());
    expect(res.status, res.rawBody).toBe(200);
    const parsed = accountResponseSchema.parse(res.body);
    expect(parsed.status).toBe('IN_CLOSING');
    expect(parsed.in_closing_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.account_closure).toMatchObject({
      reason: 'CUSTOMER_REQUEST_TRANSFER',
      payment_method: null,
      destination_id: null,
      cases: [],
    });
    for (const check of res.body.account_closure.validation_responses)
      expect(Object.keys(check).sort()).toEqual(['details', 'message', 'name', 'validated']);
    const got = await world.api.get(`/v0/accounts/${closing}`);
    expect(got.body.account_closure.status).toBe('BLOCKERS');
    const events = (await eventsOf(world.tenant.id)).filter((e) => e.type === 'ACCOUNT.UPDATED' && e.resource_id === closing);
    expect(events).toHaveLength(1);
    expect(events[0]!.event_resource_changed_fields).toMatchObject({ status: 'ACTIVE_OR_DISBURSED' });

    expectProblem(await world.api.post(`/v0/accounts/${closing}/initiate_closure`, body()), 409, undefined, 'already initiated');
    // An account PATCH (a Put of the record it read) keeps the closure the workflow relies on.
    const renamed = await world.api.patch(`/v0/accounts/${closing}`, { nickname: 'closing soon' });
    expect(renamed.status, renamed.rawBody).toBe(200);
    expect(renamed.body.account_closure).toMatchObject({ status: 'BLOCKERS', reason: 'CUSTOMER_REQUEST_TRANSFER' });
    // The status is the workflow's to set: a PATCH closing the account underneath it is refused.
    const closed = await world.api.patch(`/v0/accounts/${closing}`, { status: 'CLOSED' });
    expectProblem(closed, 409, 'CONFLICT', 'closure workflow');
    expect((await world.api.get(`/v0/accounts/${closing}`)).body.status).toBe('IN_CLOSING');
  });

  it('refuses a bank-only reason to a key without bank:closure (403), and accepts it from one with it', async () => {
    const closing = await openChecking(world);
    const fintech = await world.tenant.issueKey('customer:*,account:*');
    const refused = await clientFor(fintech.apiKey).post(
      `/v0/accounts/${closing}/initiate_closure`,
      body({ reason: 'BANK_REQUEST_FRAUD' }),
    );
    expectProblem(refused, 403, undefined, 'bank');
    expect((await world.api.get(`/v0/accounts/${closing}`)).body.status).not.toBe('IN_CLOSING');
    await initiate(world, closing, { reason: 'BANK_REQUEST_FRAUD' });
  });

  it('validates the payment method and its destination, naming the field, and writes nothing', async () => {
    const closing = await openChecking(world, { is_ach_enabled: false });
    await fund(world, closing, 500);
    const stranger = await acceptedPerson(world.api);
    const strangers = await externalAccount(world, stranger);
    const own = await externalAccount(world);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ payment_method: null }, 422, 'payment_method is required'],
      [{ payment_method: 'ACH', destination_id: null }, 400, 'destination_id'],
      [{ payment_method: 'BANK_DRAFT', destination_id: strangers }, 400, 'destination_id'],
      [{ payment_method: 'ACH', destination_id: strangers }, 422, 'destination_id'],
      [{ payment_method: 'ACH', destination_id: own }, 422, 'is_ach_enabled'],
      [{ payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: closing }, 422, 'destination_id'],
      [{ payment_method: 'INTERNAL_TRANSFER_TO_INTERNAL_ACCOUNT', destination_id: closing }, 422, 'destination_id'],
      [{ reason: 'NOT_A_REASON' }, 400, 'reason'],
      [{ reason_details: undefined }, 400, 'reason_details'],
    ];
    for (const [extra, status, detail] of cases)
      expectProblem(await world.api.post(`/v0/accounts/${closing}/initiate_closure`, body(extra)), status, undefined, detail);
    expect((await world.api.get(`/v0/accounts/${closing}`)).body).not.toHaveProperty('account_closure');
  });

  it('answers 461 for a CLOSED account and 404 for an unknown one', async () => {
    const closing = await openChecking(world);
    const closed = await world.api.patch(`/v0/accounts/${closing}`, { status: 'CLOSED' });
    expect(closed.status, closed.rawBody).toBe(200);
    expectProblem(await world.api.post(`/v0/accounts/${closing}/initiate_closure`, body()), 461);
    expectProblem(await world.api.post('/v0/accounts/00000000-0000-4000-8000-000000000999/initiate_closure', body()), 404);
  });
});

describe('PATCH initiate_closure', () => {
  it('changes the destination before the payout, refuses an empty body and an account without a closure', async () => {
    const closing = await openChecking(world);
    const destination = await openChecking(world);
    expectProblem(await world.api.patch(`/v0/accounts/${closing}/initiate_closure`, { destination_id: destination }), 404);
    await initiate(world, closing, {});
    expectProblem(await world.api.patch(`/v0/accounts/${closing}/initiate_closure`, {}), 400);
    const patched = await world.api.patch(`/v0/accounts/${closing}/initiate_closure`, {
      payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
      destination_id: destination,
    });
    expect(patched.status, patched.rawBody).toBe(200);
    expect(patched.body.account_closure).toMatchObject({
      payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
      destination_id: destination,
    });
  });
});
