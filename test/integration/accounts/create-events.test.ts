import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf } from '../../helpers/api.js';
import { accountResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { acceptedPerson, createAccount, primary, type AccountsWorld } from './helpers.js';
import { newHolderWorld } from './create-world.js';

// POST /v0/accounts: the ACCOUNT.CREATED event, and what create and read cost in DynamoDB calls.

let world: AccountsWorld;
let holder: string;

beforeAll(async () => {
  ({ world, holder } = await newHolderWorld());
});

const post = (body: Record<string, unknown>) => world.api.post('/v0/accounts', body);

describe('events and cost', () => {
  it('writes ACCOUNT.CREATED with the masked number in the one create transaction', async () => {
    const person = await acceptedPerson(world.api);
    const cold = await post({ account_type: 'SAVING', relationships: primary(holder) });
    // Validation reads: the holder (GetItem), the template by type (Query), and on a cold
    // container the tenant's routing number (GetItem, then cached).
    expect(cold.dynamoCalls.TransactWriteItemsCommand).toBe(1);
    expect(cold.dynamoCalls.GetItemCommand).toBeLessThanOrEqual(2);
    const response = await post({ account_type: 'CHECKING', relationships: primary(person), note: 'opened at branch' });
    expect(response.status).toBe(201);
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1, QueryCommand: 1, TransactWriteItemsCommand: 1 });
    const events = await eventsOf(world.tenant.id);
    const created = events.find((e) => e.type === 'ACCOUNT.CREATED' && e.resource_id === response.body.id)!;
    expect(created).toBeDefined();
    expect(created.note).toBe('opened at branch');
    const resource = created.event_resource as Record<string, unknown>;
    expect(resource.account_number).toBeUndefined();
    expect(resource.account_number_masked).toBe(response.body.account_number_masked);
    expect(events.some((e) => e.type === 'PERSON.UPDATED' && e.resource_id === person)).toBe(true);
  });

  it('reads an account with exactly one GetItem', async () => {
    const account = await createAccount(world.api, { account_type: 'CHECKING', relationships: primary(holder) });
    const response = await world.api.get(`/v0/accounts/${account.id}`);
    expect(response.status).toBe(200);
    expect(response.dynamoCalls).toEqual({ GetItemCommand: 1 });
    expect(accountResponseSchema.parse(response.body)).toEqual(account);
  });
});
