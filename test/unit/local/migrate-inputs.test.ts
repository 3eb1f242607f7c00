import { describe, expect, it } from 'vitest';
import { accountInput, NotCopyable, personInput } from '../../../local/migrate/inputs.js';
import { accountRecord } from '../accounts/records.js';
import { personRecord } from '../customers/records.js';

// The migration re-creates old records as the create requests an integrator would send.

const HOLDER = 'c0000000-0000-4000-8000-000000000001';
const NEW_HOLDER = 'c0000000-0000-4000-8000-00000000000a';
const CHECKING = 'a0000000-0000-4000-8000-000000000009';
const NEW_CHECKING = 'a0000000-0000-4000-8000-00000000000b';
const roles = [{ kind: 'PERSON' as const, id: HOLDER, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' as const }];
const links = {
  holder: (_kind: 'PERSON' | 'BUSINESS', id: string) => (id === HOLDER ? NEW_HOLDER : undefined),
  account: (id: string) => (id === CHECKING ? NEW_CHECKING : undefined),
};

describe('personInput', () => {
  it("carries identity, the full SSN (for the new bank's KYC) and addresses without their old ids", () => {
    const { input } = personInput(personRecord(), 'old bank');
    expect(input).toMatchObject({ status: 'ACTIVE', first_name: 'Ada', ssn: '123-45-6789' });
    expect(input.legal_address).not.toHaveProperty('id');
    expect(input).not.toHaveProperty('verification_status');
  });

  it('carries a suspension with a note, and refuses a platform ban', () => {
    expect(personInput(personRecord({ ban_status: 'SUSPENDED' }), 'old bank').input.note).toBe('suspension carried over from old bank');
    expect(() => personInput(personRecord({ ban_status: 'BANNED' }), 'old bank')).toThrow(NotCopyable);
  });
});

describe('accountInput', () => {
  it('re-points holders to their new twins and keeps the account terms, not the bank-specific parts', () => {
    const old = accountRecord({
      account_type: 'LINE_OF_CREDIT',
      credit_limit: 500_000,
      is_ach_enabled: undefined,
      iban: 'GB82WEST12345698765432',
      interest_product_id: 'b0000000-0000-4000-8000-000000000001',
    });
    const { input, notes } = accountInput(old, roles, links);
    expect(input).toMatchObject({
      account_type: 'LINE_OF_CREDIT',
      credit_limit: 500_000,
      currency: 'USD',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: NEW_HOLDER }],
    });
    expect(input).not.toHaveProperty('iban');
    expect(input).not.toHaveProperty('interest_product_id');
    expect(notes).toEqual([expect.stringContaining('interest product not copied')]);
  });

  it('a holder that was not migrated makes the account not copyable', () => {
    const stranger = [
      { kind: 'PERSON' as const, id: 'c0000000-0000-4000-8000-0000000000ff', relationship_type: 'PRIMARY_ACCOUNT_HOLDER' as const },
    ];
    expect(() => accountInput(accountRecord(), stranger, links)).toThrow(
      /holder PERSON c0000000-0000-4000-8000-0000000000ff was not migrated/,
    );
  });

  it('a CHARGE_SECURED account needs its security account migrated first', () => {
    const secured = accountRecord({ account_type: 'CHARGE_SECURED', is_ach_enabled: undefined, security: { linked_account_id: CHECKING } });
    expect(accountInput(secured, roles, links).input.security).toEqual({ linked_account_id: NEW_CHECKING });
    const orphan = accountRecord({
      account_type: 'CHARGE_SECURED',
      is_ach_enabled: undefined,
      security: { linked_account_id: 'a0000000-0000-4000-8000-0000000000ff' },
    });
    expect(() => accountInput(orphan, roles, links)).toThrow(/security account .* was not migrated/);
  });

  it('drops a link to an account that was not migrated, with a note', () => {
    const old = accountRecord({ balance_floor: { balance: 100, linked_account_id: 'a0000000-0000-4000-8000-0000000000ee' } });
    const { input, notes } = accountInput(old, roles, links);
    expect(input.balance_floor).toEqual({ balance: 100 });
    expect(notes[0]).toContain('balance_floor account');
  });
});
