import { TYPE_RULES } from './account-types.js';
import { type BalanceEntry, balancesOf } from './balances.js';
import type { AccountRecord, BalanceCeiling, BalanceFloor, InterestProductRecord, RelationshipRecord, TemplateRecord } from './model.js';

// Wire representations. Internal bookkeeping (version, holder kind, restriction memory) never
// leaves. The full account number leaves only on the account resource itself (contract §2.2);
// events carry the masked form, so webhook logs and the audit trail never hold it.

export type ApiVersion = 'v0' | 'v2';

const floorView = (floor: BalanceFloor | undefined) =>
  floor && { balance: floor.balance, linked_account_id: floor.linked_account_id, overdraft_account_id: floor.linked_account_id };

const ceilingView = (ceiling: BalanceCeiling | undefined) =>
  ceiling && { balance: ceiling.balance, linked_account_id: ceiling.linked_account_id, overflow_account_id: ceiling.linked_account_id };

/** On the wire a balance is its minor units alone; the account's `currency` says which. */
const balanceView = ({ type, balance }: BalanceEntry) => ({ type, balance: balance.amount });

export interface AccountViewOptions {
  version: ApiVersion;
  /** CHARGE_SECURED: its security account, whose available balance it spends. */
  security?: AccountRecord;
  /** Events and logs get the masked number only. */
  withFullNumber?: boolean;
}

export const accountView = (a: AccountRecord, options: AccountViewOptions) => ({
  id: a.id,
  tenant: a.tenant,
  account_type: a.account_type,
  status: a.status,
  access_status: a.access_status,
  access_status_last_updated_time: a.access_status_last_updated_time,
  account_number: options.withFullNumber === false ? undefined : a.account_number,
  account_number_masked: a.account_number_masked,
  bank_routing: a.bank_routing,
  bank_account_id: a.bank_account_id,
  currency: a.currency,
  customer_type: a.customer_type,
  customer_ids: a.customer_ids,
  business_ids: a.business_ids,
  balances: balancesOf(a, options.security).map(balanceView),
  balance_floor: floorView(a.balance_floor),
  balance_ceiling: ceilingView(a.balance_ceiling),
  is_ach_enabled: a.is_ach_enabled,
  is_card_enabled: a.is_card_enabled,
  is_eft_ca_enabled: a.is_eft_ca_enabled,
  is_external_card_enabled: a.is_external_card_enabled,
  is_p2p_enabled: a.is_p2p_enabled,
  is_synctera_pay_enabled: a.is_synctera_pay_enabled,
  is_wire_enabled: a.is_wire_enabled,
  is_sar_enabled: a.is_sar_enabled,
  is_account_pool: a.is_account_pool,
  account_template_id: a.account_template_id,
  interest_product_id: a.interest_product_id,
  fee_product_ids: a.fee_product_ids,
  spend_control_ids: a.spend_control_ids,
  overdraft_limit: a.overdraft_limit,
  nickname: a.nickname,
  account_purpose: a.account_purpose,
  metadata: a.metadata,
  iban: a.iban,
  swift_code: a.swift_code,
  exchange_rate_type: a.exchange_rate_type,
  application_id: a.application_id,
  credit_limit: a.credit_limit,
  grace_period: a.grace_period,
  auto_payment_period: a.auto_payment_period,
  billing_period: a.billing_period,
  minimum_payment: a.minimum_payment,
  security: a.security,
  is_system_auto_pay_enabled: a.is_system_auto_pay_enabled,
  funds_ownership: a.funds_ownership,
  open_date: a.open_date,
  close_date: a.close_date,
  account_closure: a.account_closure,
  ...(options.version === 'v2' ? { account_program_id: a.account_program_id, in_closing_date: a.in_closing_date } : {}),
  creation_time: a.creation_time,
  last_updated_time: a.last_updated_time,
});

/** What ACCOUNT.* events carry: the v2 superset, number masked. */
export const accountEventView = (a: AccountRecord, security?: AccountRecord) =>
  accountView(a, { version: 'v2', withFullNumber: false, ...(security ? { security } : {}) });

export const relationshipView = (r: RelationshipRecord) => ({
  id: r.id,
  account_id: r.account_id,
  relationship_type: r.relationship_type,
  ...(r.holder_kind === 'PERSON' ? { customer_id: r.holder_id } : { business_id: r.holder_id }),
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/** Rails read false unless set (contract §2.11: every flag but is_eft_ca_enabled defaults to false). */
const railDefaults = (t: TemplateRecord['template']) =>
  Object.fromEntries(TYPE_RULES[t.account_type].rails.filter((r) => r !== 'is_eft_ca_enabled').map((r) => [r, t[r] ?? false]));

export const templateView = (t: TemplateRecord) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  is_enabled: t.is_enabled,
  application_type: t.application_type,
  template: {
    ...t.template,
    ...railDefaults(t.template),
    balance_floor: floorView(t.template.balance_floor),
    balance_ceiling: ceilingView(t.template.balance_ceiling),
  },
  tenant: t.tenant,
});

export const productView = (p: InterestProductRecord) => ({
  id: p.id,
  product_type: p.product_type,
  calculation_method: p.calculation_method,
  accrual_payout_schedule: p.accrual_payout_schedule,
  rates: p.rates,
  description: p.description,
});
