import { describe, expect, it } from 'vitest';
import { assertApplicable, newAccount, patchAccount, type NewAccountMeta } from '../../../functions/accounts/account-rules.js';
import type { CreateAccountInput } from '../../../functions/accounts/schemas.js';
import { accountRecord, NOW, relationshipRecord, templateRecord, TODAY } from './records.js';

const meta: NewAccountMeta = {
  id: 'a0000000-0000-4000-8000-0000000000aa',
  tenant: 'tenant_a',
  now: NOW,
  today: TODAY,
  bankRouting: '021000021',
  accountNumber: '790954299503',
  generatedNumber: true,
};
const input = (extra: Partial<CreateAccountInput> = {}): CreateAccountInput => ({
  relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: 'c0000000-0000-4000-8000-000000000001' }],
  ...extra,
});
const relationships = [relationshipRecord()];

describe('newAccount', () => {
  it('copies the template, lets the request override it, and starts at zero', () => {
    const template = templateRecord({}, { is_wire_enabled: true, balance_ceiling: { balance: 9_000 } });
    const account = newAccount(input({ is_ach_enabled: false, nickname: 'Main' }), template, relationships, meta);
    expect(account).toMatchObject({
      account_type: 'CHECKING',
      status: 'ACTIVE_OR_DISBURSED',
      access_status: 'ACTIVE',
      account_template_id: template.id,
      is_wire_enabled: true,
      is_ach_enabled: false,
      is_card_enabled: false,
      balance_ceiling: { balance: 9_000 },
      nickname: 'Main',
      account_balance: 0,
      pending_debits: 0,
      currency: 'USD',
      customer_type: 'PERSONAL',
      customer_ids: ['c0000000-0000-4000-8000-000000000001'],
      account_number_masked: '790*****9503',
      open_date: TODAY,
      version: 1,
    });
    // The template record is not modified: values were copied.
    expect(template.template.is_ach_enabled).toBe(true);
  });

  it('defaults credit accounts to a 21-day grace period', () => {
    const template = templateRecord(
      {},
      { account_type: 'LINE_OF_CREDIT', minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 100, min_amount: 2500 }, is_ach_enabled: true },
    );
    expect(newAccount(input({ credit_limit: 10_000 }), template, relationships, meta)).toMatchObject({
      grace_period: 21,
      credit_limit: 10_000,
    });
  });

  it('folds the deprecated floor/ceiling aliases into linked_account_id', () => {
    const linked = 'b0000000-0000-4000-8000-000000000001';
    const account = newAccount(
      input({ balance_floor: { balance: 0, overdraft_account_id: linked } }),
      templateRecord(),
      relationships,
      meta,
    );
    expect(account.balance_floor).toEqual({ balance: 0, linked_account_id: linked });
    expect(() =>
      newAccount(
        input({ balance_floor: { balance: 0, linked_account_id: linked, overdraft_account_id: meta.id } }),
        templateRecord(),
        relationships,
        meta,
      ),
    ).toThrow(/overdraft_account_id is a deprecated alias/);
  });

  it('refuses statuses an account cannot start in, and a customer_type the holders contradict', () => {
    expect(() => newAccount(input({ status: 'SUSPENDED' }), templateRecord(), relationships, meta)).toThrow(
      /status SUSPENDED cannot be set when creating/,
    );
    expect(() => newAccount(input({ customer_type: 'BUSINESS' }), templateRecord(), relationships, meta)).toThrow(
      /customer_type BUSINESS does not match/,
    );
    const business = [relationshipRecord({ holder_kind: 'BUSINESS' })];
    expect(newAccount(input(), templateRecord(), business, meta)).toMatchObject({
      customer_type: 'BUSINESS',
      business_ids: [relationships[0]!.holder_id],
      customer_ids: [],
    });
  });

  it('checks cross-field rules on the merged result', () => {
    const charge = templateRecord({}, { account_type: 'CHARGE_SECURED', minimum_payment: { type: 'FULL' }, grace_period: 21 });
    expect(() => newAccount(input(), charge, relationships, meta)).toThrow(/security.linked_account_id is required/);
    expect(() =>
      newAccount(input({ security: { linked_account_id: meta.id }, auto_payment_period: 25 }), charge, relationships, meta),
    ).toThrow(/auto_payment_period/);
    expect(() =>
      newAccount(input({ balance_floor: { balance: 10 }, balance_ceiling: { balance: 5 } }), templateRecord(), relationships, meta),
    ).toThrow(/balance_floor.balance/);
    const loc = templateRecord({}, { account_type: 'LINE_OF_CREDIT', minimum_payment: { type: 'RATE_OR_AMOUNT', rate: 1, min_amount: 1 } });
    expect(() => newAccount(input({ minimum_payment: { type: 'FULL' } }), loc, relationships, meta)).toThrow(
      /minimum_payment.type must be RATE_OR_AMOUNT/,
    );
  });
});

describe('assertApplicable', () => {
  it('names the fields and rails a type does not take', () => {
    expect(() => assertApplicable('CHECKING', { credit_limit: 1, grace_period: 21 })).toThrow(
      'credit_limit, grace_period are not applicable to account_type CHECKING',
    );
    expect(() => assertApplicable('LINE_OF_CREDIT', { is_card_enabled: true })).toThrow('is_card_enabled is not applicable');
    expect(() => assertApplicable('SAVING', { security: { linked_account_id: 'x' } })).toThrow('security');
    expect(() => assertApplicable('CHARGE_SECURED', { security: { linked_account_id: 'x' }, is_card_enabled: true })).not.toThrow();
    expect(() => assertApplicable('CHECKING', { credit_limit: 1 }, true)).toThrow('template.credit_limit is not applicable on a template');
  });
});

describe('patchAccount', () => {
  const at = { now: NOW, today: TODAY };

  it('applies fields, bumps the version, and reports no change when there is none', () => {
    const current = accountRecord({ nickname: 'Old' });
    const { next, changed } = patchAccount(current, { nickname: 'New', is_wire_enabled: true }, at);
    expect(changed).toBe(true);
    expect(next).toMatchObject({ nickname: 'New', is_wire_enabled: true, version: 2, last_updated_time: NOW });
    const same = patchAccount(current, { nickname: 'Old' }, at);
    expect(same.changed).toBe(false);
    expect(same.next.version).toBe(1);
  });

  it('takes access_status alone, and nothing else while FROZEN', () => {
    expect(() => patchAccount(accountRecord(), { access_status: 'FROZEN', nickname: 'x' }, at)).toThrow(
      /access_status must be patched on its own; this request also sends nickname/,
    );
    const frozen = patchAccount(accountRecord(), { access_status: 'FROZEN', note: 'lost card' }, at).next;
    expect(frozen).toMatchObject({ access_status: 'FROZEN', access_status_last_updated_time: NOW });
    expect(() => patchAccount(frozen, { nickname: 'x' }, at)).toThrow(/FROZEN/);
    expect(patchAccount(frozen, { access_status: 'ACTIVE' }, at).next.access_status).toBe('ACTIVE');
  });

  it('checks the transition and the zero balance it needs', () => {
    expect(() => patchAccount(accountRecord({ account_balance: 10 }), { status: 'IN_CLOSING' }, at)).toThrow(
      expect.objectContaining({ name: 'NonZeroBalance', code: 'NON_ZERO_BALANCE', detail: expect.stringContaining('ACCOUNT_BALANCE 10') }),
    );
    expect(patchAccount(accountRecord(), { status: 'IN_CLOSING' }, at).next).toMatchObject({
      status: 'IN_CLOSING',
      in_closing_date: TODAY,
    });
    const suspended = patchAccount(accountRecord(), { status: 'SUSPENDED', note: 'fraud' }, at).next;
    expect(suspended.status).toBe('SUSPENDED');
    expect(() => patchAccount(suspended, { status: 'ACTIVE_OR_DISBURSED' }, at)).toThrow(/note is required/);
  });

  it('forgets the restriction memory once the status moves on', () => {
    const restricted = accountRecord({ status: 'RESTRICTED', status_before_restriction: 'ACTIVE_OR_DISBURSED' });
    expect(patchAccount(restricted, { status: 'CLOSED' }, at).next.status_before_restriction).toBeUndefined();
  });
});
