import * as z from 'zod/mini';
import { boundedString, metadata, optionalString, uuid } from '../shared/schemas/common.js';
import {
  ACCESS_STATUSES,
  ACCOUNT_STATUSES,
  BILLING_FREQUENCIES,
  CUSTOMER_TYPES,
  KNOWN_ACCOUNT_TYPES,
  RELATIONSHIP_TYPES,
} from './enums.js';

// Request schemas for accounts and relationships (contract §2.4, §2.7, §4.2). One flat shape
// covers every account type; which type-specific fields a type accepts is checked afterwards
// (account-types.ts), so an error can say "credit_limit is not applicable to CHECKING"
// instead of a wall of union failures.

/** Integer minor units; JSON numbers beyond 2^53 cannot be represented exactly, so they are refused. */
export const money = z.int();
export const nonNegativeMoney = z.int().check(z.gte(0));
export const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 alphabetic code such as USD'));

const rejected = (why: string) => z.optional(z.unknown().check(z.refine(() => false, why)));

export const balanceFloor = z.strictObject({
  balance: money,
  linked_account_id: z.optional(uuid),
  overdraft_account_id: z.optional(uuid),
});

export const balanceCeiling = z.strictObject({
  balance: nonNegativeMoney,
  linked_account_id: z.optional(uuid),
  overflow_account_id: z.optional(uuid),
});

export const minimumPayment = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('FULL') }),
  z.strictObject({
    type: z.literal('RATE_OR_AMOUNT'),
    rate: z.int().check(z.gte(0), z.lte(10_000)),
    min_amount: nonNegativeMoney,
  }),
]);

export const billingPeriod = z.strictObject({
  frequency: z.enum(BILLING_FREQUENCIES),
  start_date: z.iso.datetime({ offset: true }),
});

export const spendControlIds = z.array(uuid).check(z.maxLength(10));
export const feeProductIds = z.array(uuid).check(z.maxLength(10));
export const gracePeriod = z.int().check(z.gte(21), z.lte(28));
export const autoPaymentPeriod = z.int().check(z.gte(0), z.lte(28));

const rails = {
  is_ach_enabled: z.optional(z.boolean()),
  is_card_enabled: z.optional(z.boolean()),
  is_eft_ca_enabled: z.optional(z.boolean()),
  is_external_card_enabled: z.optional(z.boolean()),
  is_p2p_enabled: z.optional(z.boolean()),
  is_synctera_pay_enabled: z.optional(z.boolean()),
  is_wire_enabled: z.optional(z.boolean()),
};

/** Fields a template can set as well as an account (contract §5.2 `template_fields_*`). */
export const typeFields = {
  ...rails,
  balance_floor: z.optional(balanceFloor),
  balance_ceiling: z.optional(balanceCeiling),
  interest_product_id: z.optional(uuid),
  fee_product_ids: z.optional(feeProductIds),
  spend_control_ids: z.optional(spendControlIds),
  overdraft_limit: z.optional(nonNegativeMoney),
  grace_period: z.optional(gracePeriod),
  auto_payment_period: z.optional(autoPaymentPeriod),
  minimum_payment: z.optional(minimumPayment),
  billing_period: z.optional(billingPeriod),
  is_system_auto_pay_enabled: z.optional(z.boolean()),
};

const accountFields = {
  ...typeFields,
  nickname: optionalString(255),
  account_purpose: optionalString(1000),
  metadata: z.optional(metadata),
  iban: optionalString(34),
  swift_code: z.optional(z.string().check(z.minLength(8), z.maxLength(11))),
  exchange_rate_type: optionalString(10),
  is_account_pool: z.optional(z.boolean()),
  status: z.optional(z.enum(ACCOUNT_STATUSES)),
  access_status: z.optional(z.enum(ACCESS_STATUSES)),
  application_id: z.optional(uuid),
  credit_limit: z.optional(nonNegativeMoney),
  security: z.optional(z.strictObject({ linked_account_id: uuid })),
  note: optionalString(1000),
  restrictions: rejected('is set by the platform and cannot be sent'),
};

export const relationshipInput = z.strictObject({
  relationship_type: z.enum(RELATIONSHIP_TYPES),
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  person_id: z.optional(uuid),
});
export type RelationshipInput = z.infer<typeof relationshipInput>;

/** Read-only fields a client may echo back on a create; accepted and ignored (the customers convention). */
export const ACCOUNT_READ_ONLY = [
  'id',
  'tenant',
  'account_number_masked',
  'bank_routing',
  'bank_account_id',
  'balances',
  'customer_ids',
  'business_ids',
  'creation_time',
  'last_updated_time',
  'access_status_last_updated_time',
  'open_date',
  'close_date',
  'in_closing_date',
  'is_sar_enabled',
  'is_security',
  'funds_ownership',
  'stop_payments',
  'account_closure',
  'days_past_due',
] as const;

/**
 * Fixed once the account exists (contract §2.7 rule 1, plus the bank's routing number and the
 * currency the balances are kept in). A PATCH naming one is refused with 400 even when the
 * value is the stored one, so a client never believes it changed something that cannot change.
 */
export const ACCOUNT_IMMUTABLE = [
  'account_type',
  'account_template_id',
  'customer_type',
  'account_number',
  'manual_account_number',
  'currency',
  'bank_routing',
] as const;

/** What a PATCH ignores when echoed: the read-only fields, minus the immutable ones it refuses. */
export const ACCOUNT_PATCH_READ_ONLY = ACCOUNT_READ_ONLY.filter((field) => !(ACCOUNT_IMMUTABLE as readonly string[]).includes(field));

const createFields = {
  ...accountFields,
  account_type: z.optional(z.enum(KNOWN_ACCOUNT_TYPES)),
  account_template_id: z.optional(uuid),
  currency: z.optional(currency),
  customer_type: z.optional(z.enum(CUSTOMER_TYPES)),
  manual_account_number: z.optional(z.string().check(z.regex(/^[0-9]{7,12}$/, 'must be 7 to 12 digits'))),
  relationships: z.array(relationshipInput).check(z.minLength(1), z.maxLength(10)),
  account_number: rejected('is read-only; send manual_account_number to choose the number'),
};

export const createAccountSchema = z.strictObject(createFields);
/** v2 adds `account_program_id` (contract §2.13). */
export const createAccountSchemaV2 = z.strictObject({ ...createFields, account_program_id: z.optional(uuid) });
export type CreateAccountInput = z.infer<typeof createAccountSchemaV2>;

const immutable = rejected('is immutable and cannot be changed by PATCH');

const patchFields = {
  ...accountFields,
  ...(Object.fromEntries(ACCOUNT_IMMUTABLE.map((field) => [field, immutable])) as Record<
    (typeof ACCOUNT_IMMUTABLE)[number],
    typeof immutable
  >),
  relationships: rejected('cannot be changed by PATCH; use /accounts/{account_id}/relationships'),
};

export const patchAccountSchema = z.strictObject(patchFields);
export const patchAccountSchemaV2 = z.strictObject({ ...patchFields, account_program_id: z.optional(uuid) });
export type PatchAccountInput = z.infer<typeof patchAccountSchemaV2>;

export const RELATIONSHIP_READ_ONLY = ['id', 'account_id', 'created_at', 'updated_at', 'deleted_at'] as const;

export const nameSchema = boundedString(255);
