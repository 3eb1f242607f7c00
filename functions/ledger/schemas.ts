import * as z from 'zod/mini';
import { boundedString, metadata, optionalString, uuid } from '../shared/schemas/common.js';

// Request bodies of the ledger routes (contract §12.2; internal accounts per the OpenAPI
// internal_account shapes, written here in our own terms).

const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD'));
const amount = z.int().check(z.minimum(1, 'must be at least 1 (minor units)'), z.maximum(Number.MAX_SAFE_INTEGER));

export const internalTransferSchema = z.strictObject({
  amount,
  currency,
  type: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an internal transfer type such as ACCOUNT_TO_ACCOUNT')),
  originating_account_id: z.optional(uuid),
  originating_account_alias: optionalString(100),
  receiving_account_id: z.optional(uuid),
  receiving_account_alias: optionalString(100),
  originating_account_customer_id: z.optional(uuid),
  receiving_account_customer_id: z.optional(uuid),
  capture_mode: z.optional(z.enum(['IMMEDIATE', 'MANUAL'])),
  expires_at: z.optional(z.iso.datetime({ offset: true })),
  memo: optionalString(500),
  reference_id: optionalString(100),
  final_customer_id: z.optional(uuid),
  metadata: z.optional(metadata),
  tenant: optionalString(100),
});
export type InternalTransferBody = z.infer<typeof internalTransferSchema>;

export const patchTransferSchema = z.strictObject({
  status: z.enum(['COMPLETE', 'CANCELED']),
  /** Bankline: a partial capture names the amount to post; the rest of the hold is released. */
  amount: z.optional(amount),
});

const glType = z.enum(['ASSET', 'EXPENSE', 'LIABILITY', 'REVENUE']);
const glPurpose = z.enum(['CORE', 'PROFIT_AND_LOSS', 'RESERVE', 'SETTLEMENT', 'SUSPENSE', 'TREASURY']);

export const internalAccountSchema = z.strictObject({
  currency,
  alias: optionalString(100),
  description: optionalString(500),
  account_type: z.optional(z.literal('GENERAL_LEDGER')),
  status: z.optional(z.enum(['ACTIVE', 'INACTIVE'])),
  gl_type: z.optional(glType),
  purpose: z.optional(glPurpose),
});
export type InternalAccountInput = z.infer<typeof internalAccountSchema>;

export const internalAccountPatchSchema = z.strictObject({
  alias: z.optional(boundedString(100)),
  description: z.optional(boundedString(500)),
  status: z.optional(z.enum(['ACTIVE', 'INACTIVE'])),
  gl_type: z.optional(glType),
  purpose: z.optional(glPurpose),
});
export type InternalAccountPatch = z.infer<typeof internalAccountPatchSchema>;

export const clockChangeSchema = z.union([
  z.strictObject({ advance_seconds: z.int().check(z.minimum(0), z.maximum(400 * 24 * 3600)) }),
  z.strictObject({ set: z.iso.datetime({ offset: true }) }),
]);

export const receivingTransactionSchema = z.strictObject({
  account_number: z.string().check(z.regex(/^\d{4,17}$/, 'must be the receiving account number (4 to 17 digits)')),
  amount: z.int().check(z.minimum(0), z.maximum(9_999_999_999)),
  dc_sign: z.enum(['credit', 'debit']),
  effective_date: z.iso.date(),
});

export const outgoingAchSchema = z.strictObject({
  amount: z.int().check(z.minimum(1), z.maximum(9_999_999_999)),
  currency,
  customer_id: uuid,
  dc_sign: z.enum(['credit', 'debit']),
  originating_account_id: uuid,
  receiving_account_id: uuid,
  effective_date: z.optional(z.iso.date()),
  is_same_day: z.optional(z.boolean()),
  sec_code: z.optional(z.enum(['WEB', 'CCD', 'PPD'])),
  memo: optionalString(500),
  company_name: optionalString(16),
  company_entry_description: optionalString(10),
  reference_info: optionalString(80),
  final_customer_id: z.optional(uuid),
});

export const patchAchSchema = z.strictObject({ status: z.literal('CANCELED') });

export const receivingReturnSchema = z.strictObject({
  ach_id: uuid,
  /** Bankline: the return code to simulate (R01 when absent). */
  return_code: z.optional(z.string().check(z.regex(/^R\d{2}$/, 'must be a NACHA return code such as R01'))),
});

/** POST /v0/sandbox/disputes. `account_id` (Bankline) picks the side of a transfer between two customer accounts. */
export const disputeSchema = z.strictObject({
  transaction_id: uuid,
  account_id: z.optional(uuid),
});

export const disputePatchSchema = z.strictObject({ status: z.literal('RESOLVED') });

// Payment schedules (/v0/payment_schedules): a recurring internal transfer or outgoing ACH.
const transferInstructionRequest = z.strictObject({
  amount,
  currency,
  type: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an internal transfer type such as ACCOUNT_TO_ACCOUNT')),
  originating_account_id: uuid,
  receiving_account_id: uuid,
  originating_account_customer_id: z.optional(uuid),
  memo: optionalString(500),
  reference_id: optionalString(100),
});

const achInstructionRequest = z.strictObject({
  amount: z.int().check(z.minimum(1), z.maximum(9_999_999_999)),
  currency,
  customer_id: uuid,
  dc_sign: z.enum(['credit', 'debit']),
  originating_account_id: uuid,
  receiving_account_id: uuid,
  is_same_day: z.optional(z.boolean()),
  sec_code: z.optional(z.enum(['WEB', 'CCD', 'PPD'])),
  memo: optionalString(500),
  company_name: optionalString(16),
  company_entry_description: optionalString(10),
  reference_info: optionalString(80),
});

export const paymentScheduleSchema = z.strictObject({
  description: boundedString(500),
  metadata: z.optional(metadata),
  payment_instruction: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('INTERNAL_TRANSFER'), request: transferInstructionRequest }),
    z.strictObject({ type: z.literal('ACH'), request: achInstructionRequest }),
  ]),
  schedule: z.strictObject({
    frequency: z.enum(['DAILY', 'WEEKLY', 'MONTHLY']),
    interval: z.int().check(z.minimum(1), z.maximum(366)),
    start_date: z.iso.date(),
    end_date: z.optional(z.iso.date()),
    count: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    start_search: z.optional(z.enum(['FORWARD', 'BACKWARD'])),
  }),
});

export const paymentSchedulePatchSchema = z.strictObject({
  status: z.optional(z.enum(['ACTIVE', 'CANCELLED'])),
  description: z.optional(boundedString(500)),
  metadata: z.optional(metadata),
});
