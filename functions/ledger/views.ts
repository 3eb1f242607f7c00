import type { InternalAccountRecord } from './gl.js';
import type { IncomingAchRecord } from './incoming-ach.js';
import type { LedgerTransaction, TransferFields } from './model.js';
import type { AccountLine } from './ports.js';
import type { StatementRecord } from './statements.js';

/** `internal_transfer_response`: the request's fields, the transaction id and the transfer status. */
export const transferView = (t: LedgerTransaction) => {
  const transfer = t.transfer as TransferFields;
  return {
    id: t.id,
    amount: t.transfer?.captured_amount ?? t.amount,
    currency: t.currency,
    type: t.subtype,
    originating_account_id: transfer.originating_account_id,
    receiving_account_id: transfer.receiving_account_id,
    capture_mode: transfer.capture_mode,
    status: transfer.status,
    ...(transfer.expires_at ? { expires_at: transfer.expires_at } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
    ...(t.reference_id ? { reference_id: t.reference_id } : {}),
    ...(transfer.metadata ? { metadata: transfer.metadata } : {}),
    transaction_id: t.id,
    creation_time: t.created_at,
  };
};

/** `internal_account_response` (our own rendering): the GL and, when read, its balance. */
export const internalAccountView = (a: InternalAccountRecord, balance?: number) => ({
  id: a.id,
  alias: a.alias,
  ...(a.description ? { description: a.description } : {}),
  account_type: a.account_type,
  currency: a.currency,
  status: a.status,
  is_system_acc: a.is_system_acc,
  creation_time: a.creation_time,
  last_updated_time: a.last_updated_time,
  ...(balance !== undefined
    ? {
        balances: [
          { type: 'ACCOUNT_BALANCE', balance },
          { type: 'AVAILABLE_BALANCE', balance },
        ],
      }
    : {}),
});

/** `posted_transaction` / `pending_transaction` (our rendering): the transaction and its lines. */
export const transactionView = (t: LedgerTransaction) => ({
  id: t.id,
  type: t.type,
  subtype: t.subtype,
  status: t.status,
  amount: t.amount,
  currency: t.currency,
  dc_sign: t.lines[0]?.dc_sign ?? 'debit',
  lines: t.lines.map((l) => ({ account_id: l.account_id, dc_sign: l.dc_sign, amount: l.amount, currency: l.currency })),
  created: t.created_at,
  ...(t.posted_at ? { posted_date: t.posted_at } : {}),
  effective_date: t.effective_date,
  ...(t.original_trx ? { original_trx: t.original_trx } : {}),
  ...(t.reference_id ? { reference_id: t.reference_id } : {}),
  ...(t.idempotency_key ? { idempotency_key: t.idempotency_key } : {}),
  ...(t.memo ? { memo: t.memo } : {}),
  ...(t.hold
    ? {
        hold: {
          account_id: t.hold.account_id,
          amount: t.hold.amount,
          status: t.hold.status,
          ...(t.hold.expires_at ? { expires_at: t.hold.expires_at } : {}),
        },
      }
    : {}),
});

/** One account's posted line, with the transaction it belongs to: the account-filtered posted list. */
export const accountLineView = (l: AccountLine) => ({
  id: l.transaction_id,
  account_id: l.account_id,
  type: l.type,
  subtype: l.subtype,
  status: 'POSTED',
  amount: l.amount,
  currency: l.currency,
  dc_sign: l.dc_sign,
  account_balance_after: l.balance_after,
  available_balance_after: l.available_after,
  posted_date: l.posted_at,
  effective_date: l.effective_date,
  ...(l.memo ? { memo: l.memo } : {}),
  ...(l.reference_id ? { reference_id: l.reference_id } : {}),
  ...(l.original_trx ? { original_trx: l.original_trx } : {}),
});

/** `incoming_ach` (our rendering): the entry and, when returned, its return code. */
export const incomingAchView = (r: IncomingAchRecord) => ({
  id: r.id,
  account_id: r.account_id,
  amount: r.amount,
  currency: r.currency,
  dc_sign: r.dc_sign,
  effective_date: r.effective_date,
  status: r.status,
  is_prenote: r.amount === 0,
  ...(r.return_code ? { return_data: { code: r.return_code, reason: r.return_reason } } : {}),
  ...(r.transaction_id ? { transaction_id: r.transaction_id } : {}),
  creation_time: r.creation_time,
});

/** `outgoing_ach` (our rendering). The external account's number never appears. */
export const achView = (t: LedgerTransaction) => {
  const ach = t.ach as NonNullable<LedgerTransaction['ach']>;
  return {
    id: t.id,
    amount: t.amount,
    currency: t.currency,
    dc_sign: ach.dc_sign,
    status: ach.status,
    transaction_status: t.status === 'POSTED' ? 'POSTED' : t.status === 'PENDING' ? 'PENDING' : 'DECLINED',
    customer_id: ach.customer_id,
    originating_account_id: ach.originating_account_id,
    receiving_account_id: ach.receiving_account_id,
    sec_code: ach.sec_code,
    effective_date: ach.effective_date,
    settlement_date: ach.settlement_date ?? ach.settle_at.slice(0, 10),
    is_same_day: ach.is_same_day === true,
    ...(ach.trace_no ? { trace_no: ach.trace_no } : {}),
    ...(ach.company_name ? { company_name: ach.company_name } : {}),
    ...(ach.company_entry_description ? { company_entry_description: ach.company_entry_description } : {}),
    ...(ach.reference_info ? { reference_info: ach.reference_info } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
    ...(ach.return_data ? { return_data: ach.return_data } : {}),
    transaction_id: t.id,
    creation_time: t.created_at,
  };
};

/** `statement` (our rendering). */
export const statementView = (s: StatementRecord) => ({
  id: s.id,
  account_id: s.account_id,
  start_date: s.start_date,
  end_date: s.end_date,
  currency: s.currency,
  opening_balance: s.opening_balance,
  closing_balance: s.closing_balance,
  total_credits: s.total_credits,
  total_debits: s.total_debits,
  transaction_count: s.transaction_count,
  issue_date: s.creation_time.slice(0, 10),
  creation_time: s.creation_time,
});
