import { describe, expect, it } from 'vitest';
import { createAccount } from '../../../functions/accounts/accounts.js';
import { AccountNumberTaken } from '../../../functions/accounts/ports.js';
import { VersionConflict } from '../../../functions/shared/page.js';
import { personRecord } from '../customers/records.js';
import { fakes } from './fakes.js';
import { templateRecord } from './records.js';

// The create use-case against in-memory ports: what it writes, and how it answers lost
// account-number claims and version races.

const holder = personRecord({
  id: 'c0000000-0000-4000-8000-000000000001',
  tenant: 'tenant_a',
  verification_status: 'ACCEPTED',
  has_accounts: false,
  version: 7,
});
const body = {
  account_type: 'CHECKING' as const,
  relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER' as const, customer_id: holder.id }],
};

describe('createAccount', () => {
  it('writes the account, its relationships, the holder guard and ACCOUNT.CREATED together', async () => {
    const world = fakes({ persons: [holder], templates: [templateRecord()], numbers: ['123000000001'] });
    const { account } = await createAccount(world.ctx, body);
    expect(world.created).toHaveLength(1);
    const [creation] = world.created;
    expect(creation!.account).toBe(account);
    expect(account.account_number).toBe('123000000001');
    expect(creation!.relationships).toEqual([
      expect.objectContaining({
        account_id: account.id,
        holder_id: holder.id,
        holder_kind: 'PERSON',
        relationship_type: 'PRIMARY_ACCOUNT_HOLDER',
      }),
    ]);
    // Its first account: has_accounts is set at the version read, and it must still be ACCEPTED.
    expect(creation!.holders).toEqual([
      {
        tenant: 'tenant_a',
        kind: 'PERSON',
        id: holder.id,
        acceptance: 'ACCEPTED',
        expectedVersion: 7,
        hasAccountsEvent: expect.objectContaining({ type: 'PERSON.UPDATED', event_resource_changed_fields: { has_accounts: false } }),
      },
    ]);
    expect(account.holder_roles).toEqual([{ kind: 'PERSON', id: holder.id, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }]);
    expect(creation!.event).toMatchObject({
      type: 'ACCOUNT.CREATED',
      resource_id: account.id,
      event_resource: expect.objectContaining({ account_number_masked: '123*****0001' }),
    });
    expect((creation!.event.event_resource as Record<string, unknown>).account_number).toBeUndefined();
  });

  it("only checks that a holder who already has accounts is still ACCEPTED (not its version: creations don't serialise)", async () => {
    const world = fakes({ persons: [{ ...holder, has_accounts: true }], templates: [templateRecord()] });
    await createAccount(world.ctx, body);
    expect(world.created[0]!.holders).toEqual([{ tenant: 'tenant_a', kind: 'PERSON', id: holder.id, acceptance: 'ACCEPTED' }]);
  });

  it("pins an AUTHORIZED_USER's version (its OFAC screen judged its name and address)", async () => {
    const user = personRecord({ id: 'c0000000-0000-4000-8000-000000000009', tenant: 'tenant_a', has_accounts: true, version: 4 });
    const world = fakes({ persons: [{ ...holder, has_accounts: true }, user], templates: [templateRecord()] });
    await createAccount(world.ctx, {
      ...body,
      relationships: [...body.relationships, { relationship_type: 'AUTHORIZED_USER' as const, customer_id: user.id }],
    });
    expect(world.created[0]!.holders[1]).toEqual({ tenant: 'tenant_a', kind: 'PERSON', id: user.id, expectedVersion: 4 });
  });

  it('draws a fresh number when the generated one is already claimed in the bank', async () => {
    const world = fakes({ persons: [holder], templates: [templateRecord()], numbers: ['123000000001', '123000000002'] });
    world.onCreate = (_creation, attempt) => {
      if (attempt === 1) throw new AccountNumberTaken();
    };
    const { account } = await createAccount(world.ctx, body);
    expect(account.account_number).toBe('123000000002');
    expect(account.account_number_masked).toBe('123*****0002');
    expect(world.created[0]!.event.event_resource).toMatchObject({ account_number_masked: '123*****0002' });
  });

  it('refuses a manual number already claimed (409), and gives up on generated numbers after five tries', async () => {
    const world = fakes({ persons: [holder], templates: [templateRecord()] });
    world.onCreate = () => {
      throw new AccountNumberTaken();
    };
    await expect(createAccount(world.ctx, { ...body, manual_account_number: '1234567' })).rejects.toMatchObject({
      name: 'AlreadyExists',
      code: 'ALREADY_EXISTS',
    });
    await expect(createAccount(world.ctx, body)).rejects.toMatchObject({ name: 'ConcurrentModification', code: 'CONCURRENT_MODIFICATION' });
  });

  it('re-reads and retries when a holder changed under it', async () => {
    const world = fakes({ persons: [holder], templates: [templateRecord()] });
    world.onCreate = (_creation, attempt) => {
      if (attempt < 3) throw new VersionConflict('account');
    };
    await createAccount(world.ctx, body);
    expect(world.created).toHaveLength(1);
  });

  it('writes nothing when a rule fails', async () => {
    const world = fakes({ persons: [{ ...holder, verification_status: 'REVIEW' }], templates: [templateRecord()] });
    await expect(createAccount(world.ctx, body)).rejects.toMatchObject({ name: 'RuleViolation' });
    expect(world.created).toEqual([]);
  });
});
