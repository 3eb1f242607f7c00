import * as z from 'zod/mini';
import { currency, date, dateTime, int, jsonObject, listOf } from '../shared/schemas/responses.js';

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
  alias: z.string(),
  description: z.optional(z.string()),
  account_type: z.literal('GENERAL_LEDGER'),
  currency,
  status: z.enum(['ACTIVE', 'INACTIVE']),
  is_system_acc: z.boolean(),
  creation_time: dateTime,
  last_updated_time: dateTime,
  balances: z.optional(z.array(balanceEntry)),
});

export const transactionResponseSchema = z.strictObject({
  id,
  type: z.string(),
  subtype: z.string(),
  status: z.enum(['PENDING', 'POSTED', 'RELEASED', 'EXPIRED']),
  amount: int,
  currency,
  dc_sign: dcSign,
  lines: z.array(z.strictObject({ account_id: id, dc_sign: dcSign, amount: int, currency })),
  created: dateTime,
  posted_date: z.optional(dateTime),
  effective_date: z.string(),
  original_trx: z.optional(id),
  reference_id: z.optional(z.string()),
  idempotency_key: z.optional(z.string()),
  memo: z.optional(z.string()),
  hold: z.optional(
    z.strictObject({
      account_id: id,
      amount: int,
      status: z.enum(['PENDING', 'CLEARED', 'PARTCLEARED', 'RELEASED', 'EXPIRED']),
      expires_at: z.optional(dateTime),
    }),
  ),
});

/** One account's posted line (the posted list filtered by `account_id`, a statement's transactions). */
export const accountLineResponseSchema = z.strictObject({
  id,
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
  effective_date: z.string(),
  memo: z.optional(z.string()),
  reference_id: z.optional(z.string()),
  original_trx: z.optional(id),
});

export const incomingAchResponseSchema = z.strictObject({
  id,
  account_id: id,
  amount: int,
  currency,
  dc_sign: dcSign,
  effective_date: z.string(),
  status: z.enum(['POSTED', 'RETURNED', 'PRENOTE', 'SCHEDULED']),
  is_prenote: z.boolean(),
  return_data: z.optional(z.strictObject({ code: z.string(), reason: z.optional(z.string()) })),
  transaction_id: z.optional(id),
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
  sec_code: z.enum(['WEB', 'CCD', 'PPD']),
  effective_date: z.string(),
  settlement_date: z.string(),
  trace_no: z.optional(z.string()),
  company_name: z.optional(z.string()),
  company_entry_description: z.optional(z.string()),
  reference_info: z.optional(z.string()),
  memo: z.optional(z.string()),
  return_data: z.optional(z.strictObject({ code: z.string(), reason: z.string(), date: z.string(), return_transaction_id: id })),
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
  issue_date: date,
  creation_time: dateTime,
});

/** The tenant's sandbox clock (a Bankline extension). */
export const sandboxClockResponseSchema = z.strictObject({ now: dateTime });

export const internalAccountListSchema = listOf('internal_accounts', internalAccountResponseSchema);
/** The posted list holds account lines when filtered by `account_id`, whole transactions otherwise. */
export const transactionListSchema = listOf('transactions', z.union([transactionResponseSchema, accountLineResponseSchema]));
export const incomingAchListSchema = listOf('incoming_achs', incomingAchResponseSchema);
export const achListSchema = listOf('ach_transactions', achResponseSchema);
export const statementListSchema = listOf('statements', statementResponseSchema);
export const statementTransactionsSchema = z.strictObject({ transactions: z.array(accountLineResponseSchema) });
