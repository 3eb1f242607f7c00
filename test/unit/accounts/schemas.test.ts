import { describe, expect, it } from 'vitest';
import { accountResponseSchema, relationshipResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { createAccountSchema, patchAccountSchema } from '../../../functions/accounts/schemas.js';
import { accountView, relationshipView } from '../../../functions/accounts/views.js';
import { parseWith } from '../../../functions/shared/validation.js';
import { accountRecord, relationshipRecord } from './records.js';

const detailOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as { detail: string }).detail;
  }
  throw new Error('parsed');
};

describe('request schemas', () => {
  it.each(['account_type', 'account_number', 'account_template_id', 'customer_type', 'manual_account_number', 'currency'])(
    'rejects the immutable %s on PATCH',
    (field) => {
      expect(detailOf(() => parseWith(patchAccountSchema, { [field]: 'x' }))).toBe(`${field} is immutable and cannot be changed by PATCH`);
    },
  );

  it('names bad fields on create', () => {
    const relationships = [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: '3f1a3a2e-0000-4000-8000-000000000000' }];
    expect(detailOf(() => parseWith(createAccountSchema, { account_type: 'CHECKING' }))).toBe('relationships is required');
    expect(detailOf(() => parseWith(createAccountSchema, { relationships, credit_limit: -1 }))).toBe('credit_limit must be at least 0');
    expect(detailOf(() => parseWith(createAccountSchema, { relationships, credit_limit: 10.5 }))).toMatch(/^credit_limit /);
    expect(detailOf(() => parseWith(createAccountSchema, { relationships, grace_period: 30 }))).toBe('grace_period must be at most 28');
    expect(detailOf(() => parseWith(createAccountSchema, { relationships, restrictions: {} }))).toBe(
      'restrictions is set by the platform and cannot be sent',
    );
    expect(detailOf(() => parseWith(createAccountSchema, { relationships, account_program_id: 'x' }))).toBe(
      'unknown field account_program_id',
    );
    expect(() =>
      parseWith(createAccountSchema, { relationships, minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 100, min_amount: 2500 } }),
    ).not.toThrow();
  });
});

describe('response schemas', () => {
  it('accept the views and refuse anything internal leaking into them', () => {
    const view = accountView(accountRecord(), { version: 'v0' });
    expect(() => accountResponseSchema.parse(view)).not.toThrow();
    expect(() => accountResponseSchema.parse({ ...view, version: 3 })).toThrow();
    expect(() => accountResponseSchema.parse({ ...view, balances: [{ type: 'ACCOUNT_BALANCE', balance: 0 }] })).toThrow();
    expect(() => relationshipResponseSchema.parse(relationshipView(relationshipRecord()))).not.toThrow();
    expect(() => relationshipResponseSchema.parse({ ...relationshipView(relationshipRecord()), holder_kind: 'PERSON' })).toThrow();
  });

  it('answers v2 fields on v2 only, and the full number only on the resource', () => {
    const record = accountRecord({ account_program_id: '0e5e3b52-8a5f-4c53-9f0b-1a2b3c4d5e6f' });
    expect(accountView(record, { version: 'v0' })).not.toHaveProperty('account_program_id');
    expect(accountView(record, { version: 'v2' }).account_program_id).toBe(record.account_program_id);
    expect(accountView(record, { version: 'v0', withFullNumber: false }).account_number).toBeUndefined();
  });
});
