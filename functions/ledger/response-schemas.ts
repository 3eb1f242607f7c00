import * as z from 'zod/mini';
import { currency, date, dateTime, int, jsonObject, listOf } from '../shared/schemas/responses.js';
import { paymentScheduleSchema } from './schemas.js';

// The shapes the ledger answers with (views.ts), strict. Amounts are integer minor units.

const id = z.string();
const dcSign = z.enum(['debit', 'credit']);

export const transferResponseSchema = z.strictObject({
  id,
  amount: int,
  currency,
  type: z.string(),
  originating_account_id: id,
  receiving_account_id: id,
  capture_mode: z.enum(['IMMEDIATE', 'MANUAL']),
  status: z.enum(['PENDING', 'COMPLETE', 'CANCELED', 'EXPIRED']),
  expires_at: z.optional(dateTime),
  memo: z.optional(z.string()),
  reference_id: z.optional(z.string()),
  metadata: z.optional(jsonObject),
  transaction_id: id,
  creation_time: dateTime,
});

const balanceEntry = z.strictObject({ type: z.enum(['ACCOUNT_BALANCE', 'AVAILABLE_BALANCE']), balance: int });

export const internalAccountResponseSchema = z.strictObject({
  id,
  tenant: z.string(),
  alias: z.string(),
  description: z.optional(z.string()),
  account_type: z.literal('GENERAL_LEDGER'),
  currency,
  status: z.enum(['ACTIVE', 'INACTIVE']),
  gl_type: z.optional(z.enum(['ASSET', 'EXPENSE', 'LIABILITY', 'REVENUE'])),
  purpose: z.optional(z.enum(['CORE', 'PROFIT_AND_LOSS', 'RESERVE', 'SETTLEMENT', 'SUSPENSE', 'TREASURY'])),
  is_system_acc: z.boolean(),
  creation_time: dateTime,
  last_updated_time: dateTime,
  balances: z.optional(z.array(balanceEntry)),
});

const holdStatus = z.enum(['PENDING', 'CLEARED', 'PARTCLEARED', 'RELEASED', 'EXPIRED']);

/** `posted_transaction` / `pending_transaction`: Synctera's fields beside the flat ones Bankline answered first. */
export const transactionResponseSchema = z.strictObject({
  id,
  uuid: id,
  tenant: z.string(),
  type: z.string(),
  subtype: z.string(),
  status: z.enum(['PENDING', 'POSTED', 'RELEASED', 'EXPIRED']),
  amount: int,
  currency,
  dc_sign: dcSign,
  lines: z.array(z.strictObject({ account_id: id, dc_sign: dcSign, amount: int, currency })),
  created: dateTime,
  updated: dateTime,
  transaction_time: dateTime,
  posted_date: z.optional(dateTime),
  effective_date: z.string(),
  settlement_date: z.optional(z.string()),
  info_only: z.boolean(),
  lead_mode: z.boolean(),
  idemkey: z.string(),
  reference_id: z.string(),
  original_trx: z.optional(id),
  idempotency_key: z.optional(z.string()),
  memo: z.optional(z.string()),
  account_id: z.optional(id),
  offset_account_id: z.optional(id),
  hold: z.optional(z.strictObject({ account_id: id, amount: int, status: holdStatus, expires_at: z.optional(dateTime) })),
  data: z.strictObject({
    lines: z.array(z.strictObject({ uuid: id, account_id: id, dc_sign: dcSign, amount: int, currency })),
    memo: z.string(),
    metadata: jsonObject,
    force_post: z.boolean(),
    original_trx: z.optional(id),
    hold_id: z.optional(id),
    // pending_transaction_data, on a hold.
    type: z.optional(z.string()),
    subtype: z.optional(z.string()),
    status: z.optional(holdStatus),
    amount: z.optional(int),
    req_amount: z.optional(int),
    total_amount: z.optional(int),
    currency: z.optional(currency),
    dc_sign: z.optional(dcSign),
    effective_date: z.optional(z.string()),
    transaction_time: z.optional(dateTime),
    was_partial: z.optional(z.boolean()),
    idemkey: z.optional(z.string()),
    expires_at: z.optional(dateTime),
    transaction_id: z.optional(id),
  }),
});

/** One account's posted line (the posted list filtered by `account_id`, a statement's transactions). */
export const accountLineResponseSchema = z.strictObject({
  id,
  uuid: id,
  line_uuid: id,
  account_id: id,
  type: z.string(),
  subtype: z.string(),
  status: z.literal('POSTED'),
  amount: int,
  currency,
  dc_sign: dcSign,
  account_balance_after: int,
  available_balance_after: int,
  posted_date: dateTime,
  transaction_time: dateTime,
  effective_date: z.string(),
  memo: z.optional(z.string()),
  reference_id: z.optional(z.string()),
  idemkey: z.string(),
  original_trx: z.optional(id),
});

export const incomingAchResponseSchema = z.strictObject({
  id,
  tenant: z.string(),
  account_id: id,
  amount: int,
  currency,
  dc_sign: dcSign,
  effective_date: z.string(),
  settlement_date: z.string(),
  is_future_dated: z.boolean(),
  status: z.enum(['POSTED', 'RETURNED', 'PRENOTE', 'SCHEDULED']),
  is_prenote: z.boolean(),
  sec_code: z.string(),
  trace_no: z.string(),
  company_name: z.string(),
  company_entry_description: z.string(),
  originating_routing_number: z.string(),
  identification_number: z.string(),
  return_data: z.optional(z.strictObject({ code: z.string(), reason: z.optional(z.string()) })),
  decline_reason: z.optional(z.string()),
  transaction_id: z.optional(id),
  external_id: z.optional(id),
  creation_time: dateTime,
});

export const achResponseSchema = z.strictObject({
  id,
  amount: int,
  currency,
  dc_sign: dcSign,
  status: z.enum(['INIT', 'PENDING', 'COMPLETE', 'CANCELED', 'DECLINED']),
  transaction_status: z.enum(['POSTED', 'PENDING', 'DECLINED']),
  customer_id: id,
  originating_account_id: id,
  receiving_account_id: id,
  source_account_id: id,
  account_id: id,
  external_id: id,
  sec_code: z.enum(['WEB', 'CCD', 'PPD']),
  effective_date: z.string(),
  settlement_date: z.string(),
  is_same_day: z.boolean(),
  trace_no: z.string(),
  hold: z.optional(z.strictObject({ amount: int, availability_time: dateTime })),
  company_name: z.optional(z.string()),
  company_entry_description: z.optional(z.string()),
  reference_info: z.optional(z.string()),
  memo: z.string(),
  return_data: z.optional(
    z.strictObject({
      code: z.string(),
      reason: z.string(),
      date: z.string(),
      return_transaction_id: id,
      original_trace: z.optional(z.string()),
    }),
  ),
  transaction_id: id,
  creation_time: dateTime,
});

export const statementResponseSchema = z.strictObject({
  id,
  account_id: id,
  start_date: date,
  end_date: date,
  currency,
  opening_balance: int,
  closing_balance: int,
  total_credits: int,
  total_debits: int,
  transaction_count: int,
  savings_summary: z.optional(z.strictObject({ interest_earned: int })),
  transactions_omitted: z.boolean(),
  issue_date: date,
  creation_time: dateTime,
});

/** A sandbox dispute (a Bankline stand-in for Synctera's card disputes). */
export const disputeResponseSchema = z.strictObject({
  id,
  transaction_id: id,
  account_id: id,
  status: z.enum(['OPEN', 'RESOLVED']),
  creation_time: dateTime,
  last_updated_time: dateTime,
});

const paymentDate = z.strictObject({ scheduled_date: date, execution_date: date });

export const paymentScheduleResponseSchema = z.strictObject({
  id,
  description: z.string(),
  metadata: z.optional(jsonObject),
  payment_instruction: paymentScheduleSchema.shape.payment_instruction,
  schedule: paymentScheduleSchema.shape.schedule,
  status: z.enum(['ACTIVE', 'CANCELLED', 'ERRORED', 'EXPIRED']),
  next_payment_date: z.optional(paymentDate),
  cancellation_reason: z.optional(z.string()),
  creation_time: dateTime,
  last_updated_time: dateTime,
});

export const paymentResponseSchema = z.strictObject({
  id,
  payment_schedule_id: id,
  description: z.string(),
  metadata: z.optional(jsonObject),
  payment_date: paymentDate,
  payment_instruction: paymentScheduleSchema.shape.payment_instruction,
  status: z.enum(['COMPLETED', 'ERROR']),
  transaction_id: z.optional(id),
  error_details: z.optional(z.strictObject({ code: z.string(), details: z.string() })),
});

/** The tenant's sandbox clock (a Bankline extension). */
export const sandboxClockResponseSchema = z.strictObject({ now: dateTime });

export const internalAccountListSchema = listOf('internal_accounts', internalAccountResponseSchema);
/** The posted list holds account lines when filtered by `account_id`, whole transactions otherwise. */
export const transactionListSchema = listOf('transactions', z.union([transactionResponseSchema, accountLineResponseSchema]));
export const incomingAchListSchema = listOf('incoming_achs', incomingAchResponseSchema);
export const achListSchema = listOf('ach_transactions', achResponseSchema);
export const statementListSchema = listOf('statements', statementResponseSchema);
export const disputeListSchema = listOf('disputes', disputeResponseSchema);
export const paymentScheduleListSchema = listOf('payment_schedules', paymentScheduleResponseSchema);
export const paymentListSchema = listOf('payments', paymentResponseSchema);
export const statementTransactionsSchema = listOf('transactions', accountLineResponseSchema);
