import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import {
  ACCESS_STATUSES,
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  ACCRUAL_PAYOUT_SCHEDULES,
  BALANCE_TYPES,
  CALCULATION_METHODS,
  CUSTOMER_TYPES,
  RELATIONSHIP_TYPES,
} from './enums.js';
import { rateSchema } from './product-schemas.js';
import { billingPeriod, minimumPayment } from './schemas.js';

// The shapes Bankline answers with, strict: a field we do not mean to return (a version
// counter, a storage key, the holder's kind) fails the parse. Tests and the e2e suite check
// every response against these; they document the wire format next to the request schemas.

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();
const int = z.int();
const flag = z.optional(z.boolean());

const linked = (alias: 'overdraft_account_id' | 'overflow_account_id') =>
  z.strictObject({ balance: int, linked_account_id: z.optional(uuid), [alias]: z.optional(uuid) });

const rails = {
  is_ach_enabled: flag,
  is_card_enabled: flag,
  is_eft_ca_enabled: flag,
  is_external_card_enabled: flag,
  is_p2p_enabled: flag,
  is_synctera_pay_enabled: flag,
  is_wire_enabled: flag,
};

export const accountResponseSchema = z.strictObject({
  id: uuid,
  tenant: z.string(),
  account_type: z.enum(ACCOUNT_TYPES),
  status: z.enum(ACCOUNT_STATUSES),
  access_status: z.enum(ACCESS_STATUSES),
  access_status_last_updated_time: dateTime,
  account_number: z.optional(z.string().check(z.regex(/^\d{7,12}$/))),
  account_number_masked: z.string().check(z.regex(/^\d{0,3}\**\d{4}$/)),
  bank_routing: z.string().check(z.regex(/^\d{9}$/)),
  bank_account_id: z.optional(uuid),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  customer_type: z.enum(CUSTOMER_TYPES),
  customer_ids: z.array(uuid),
  business_ids: z.array(uuid),
  balances: z
    .array(z.strictObject({ type: z.enum(BALANCE_TYPES), balance: int }))
    .check(
      z.refine(
        (b) => b.length === 2 && b[0]!.type === 'ACCOUNT_BALANCE' && b[1]!.type === 'AVAILABLE_BALANCE' && b[1]!.balance >= 0,
        'must hold ACCOUNT_BALANCE and a non-negative AVAILABLE_BALANCE',
      ),
    ),
  balance_floor: z.optional(linked('overdraft_account_id')),
  balance_ceiling: z.optional(linked('overflow_account_id')),
  ...rails,
  is_sar_enabled: z.boolean(),
  is_account_pool: z.boolean(),
  account_template_id: uuid,
  interest_product_id: z.optional(uuid),
  fee_product_ids: z.optional(z.array(uuid)),
  spend_control_ids: z.optional(z.array(uuid).check(z.maxLength(10))),
  overdraft_limit: z.optional(int),
  nickname: z.optional(z.string()),
  account_purpose: z.optional(z.string()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  iban: z.optional(z.string()),
  swift_code: z.optional(z.string()),
  exchange_rate_type: z.optional(z.string()),
  application_id: z.optional(uuid),
  credit_limit: z.optional(int),
  grace_period: z.optional(int),
  auto_payment_period: z.optional(int),
  billing_period: z.optional(billingPeriod),
  minimum_payment: z.optional(minimumPayment),
  security: z.optional(z.strictObject({ linked_account_id: uuid })),
  is_system_auto_pay_enabled: flag,
  funds_ownership: z.literal('FINTECH'),
  open_date: date,
  close_date: z.optional(date),
  account_program_id: z.optional(uuid),
  in_closing_date: z.optional(date),
  account_closure: z.optional(z.looseObject({})),
  creation_time: dateTime,
  last_updated_time: dateTime,
});

export const relationshipResponseSchema = z.strictObject({
  id: uuid,
  account_id: uuid,
  relationship_type: z.enum(RELATIONSHIP_TYPES),
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  created_at: dateTime,
  updated_at: dateTime,
});

export const templateResponseSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  description: z.optional(z.string()),
  is_enabled: z.boolean(),
  application_type: z.optional(z.enum(['CREDIT', 'RESTRICTED_ACCOUNT'])),
  tenant: z.string(),
  template: z.strictObject({
    account_type: z.enum(ACCOUNT_TYPES),
    bank_country: z.string(),
    currency: z.string(),
    bank_account_id: z.optional(uuid),
    ...rails,
    balance_floor: z.optional(linked('overdraft_account_id')),
    balance_ceiling: z.optional(linked('overflow_account_id')),
    interest_product_id: z.optional(uuid),
    fee_product_ids: z.optional(z.array(uuid)),
    is_sar_enabled: flag,
    spend_control_ids: z.optional(z.array(uuid)),
    overdraft_limit: z.optional(int),
    grace_period: z.optional(int),
    auto_payment_period: z.optional(int),
    minimum_payment: z.optional(minimumPayment),
    billing_period: z.optional(billingPeriod),
    is_system_auto_pay_enabled: flag,
  }),
});

export const productResponseSchema = z.strictObject({
  id: uuid,
  product_type: z.literal('INTEREST'),
  calculation_method: z.enum(CALCULATION_METHODS),
  accrual_payout_schedule: z.enum(ACCRUAL_PAYOUT_SCHEDULES),
  rates: z.array(rateSchema).check(z.minLength(1)),
  description: z.optional(z.string()),
});

export const deleteResponseSchema = z.strictObject({ id: uuid, resource: z.string() });

type ListShape<K extends string, S extends z.ZodMiniType> = { [P in K]: z.ZodMiniArray<S> } & {
  next_page_token: z.ZodMiniOptional<z.ZodMiniString<string>>;
};

const listOf = <K extends string, S extends z.ZodMiniType>(key: K, item: S) =>
  z.strictObject({ [key]: z.array(item), next_page_token: z.optional(z.string()) } as ListShape<K, S>);

export const accountListSchema = listOf('accounts', accountResponseSchema);
export const relationshipListSchema = listOf('relationships', relationshipResponseSchema);
export const templateListSchema = listOf('account_templates', templateResponseSchema);
export const productListSchema = listOf('account_products', productResponseSchema);
