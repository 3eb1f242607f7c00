import { type GlPurpose, type GlType, type InternalAccountRecord, TENANT_GL_CLASSES, TENANT_GLS, tenantGlId, uuidOf } from './gl.js';
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

/** gl_type and purpose: stored, or for a platform GL created before they were, its class by alias. */
const glClassOf = (a: InternalAccountRecord): { gl_type?: GlType; purpose?: GlPurpose } => {
  const platform = TENANT_GLS.find((gl) => gl.toLowerCase() === a.alias && tenantGlId(a.tenant, gl) === a.id);
  const fallback = platform ? TENANT_GL_CLASSES[platform] : undefined;
  const glType = a.gl_type ?? fallback?.gl_type;
  const purpose = a.purpose ?? fallback?.purpose;
  return { ...(glType ? { gl_type: glType } : {}), ...(purpose ? { purpose } : {}) };
};

/** `internal_account_response` (our own rendering): the GL and, when read, its balance. */
export const internalAccountView = (a: InternalAccountRecord, balance?: number) => ({
  id: a.id,
  tenant: a.tenant,
  alias: a.alias,
  ...(a.description ? { description: a.description } : {}),
  account_type: a.account_type,
  currency: a.currency,
  status: a.status,
  ...glClassOf(a),
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

/** A line's own id: derived from its transaction and leg, stable across reads. */
const lineUuid = (transactionId: string, leg: number): string => uuidOf(`bankline:line:${transactionId}:${leg}`);

/** The counterparty of a hold: where the money goes when it is captured. */
const offsetAccountOf = (t: LedgerTransaction): string | undefined =>
  t.transfer?.receiving_account_id ?? (t.ach ? (t.ach.dc_sign === 'credit' ? t.ach.receiving_account_id : undefined) : undefined);

/**
 * `posted_transaction` / `pending_transaction`: Synctera's fields (uuid, tenant, idemkey,
 * transaction_time, updated, info_only, lead_mode, data with lines and memo) beside the flat
 * ones Bankline answered before (amount, lines, hold, ...), which stay for compatibility. `id`
 * is the transaction's UUID (Synctera's is an integer sequence; Bankline has none).
 */
export const transactionView = (t: LedgerTransaction) => {
  const time = t.posted_at ?? t.created_at;
  return {
    id: t.id,
    uuid: t.id,
    tenant: t.tenant,
    type: t.type,
    subtype: t.subtype,
    status: t.status,
    amount: t.amount,
    currency: t.currency,
    dc_sign: t.lines[0]?.dc_sign ?? 'debit',
    lines: t.lines.map((l) => ({ account_id: l.account_id, dc_sign: l.dc_sign, amount: l.amount, currency: l.currency })),
    created: t.created_at,
    updated: time,
    transaction_time: time,
    ...(t.posted_at ? { posted_date: t.posted_at } : {}),
    effective_date: t.effective_date,
    ...(t.status === 'POSTED' ? { settlement_date: t.ach?.settlement_date ?? t.effective_date } : {}),
    info_only: false,
    lead_mode: false,
    idemkey: t.idempotency_key ?? '',
    reference_id: t.reference_id ?? '',
    ...(t.original_trx ? { original_trx: t.original_trx } : {}),
    ...(t.idempotency_key ? { idempotency_key: t.idempotency_key } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
    ...(t.hold
      ? {
          account_id: t.hold.account_id,
          ...(offsetAccountOf(t) ? { offset_account_id: offsetAccountOf(t) } : {}),
          hold: {
            account_id: t.hold.account_id,
            amount: t.hold.amount,
            status: t.hold.status,
            ...(t.hold.expires_at ? { expires_at: t.hold.expires_at } : {}),
          },
        }
      : {}),
    data: {
      lines: t.lines.map((l) => ({
        uuid: lineUuid(t.id, l.leg),
        account_id: l.account_id,
        dc_sign: l.dc_sign,
        amount: l.amount,
        currency: l.currency,
      })),
      memo: t.memo ?? '',
      metadata: t.transfer?.metadata ?? {},
      force_post: false,
      ...(t.original_trx ? { original_trx: t.original_trx } : {}),
      ...(t.hold ? { hold_id: t.id } : {}),
      ...(t.hold ? pendingData(t, t.hold, time) : {}),
    },
  };
};

/** pending_transaction_data's fields of a hold: what was asked, what is held, whether it was partly captured. */
const pendingData = (t: LedgerTransaction, hold: NonNullable<LedgerTransaction['hold']>, time: string) => ({
  type: t.type,
  subtype: t.subtype,
  status: hold.status,
  amount: hold.amount,
  req_amount: hold.amount,
  total_amount: t.transfer?.captured_amount ?? (hold.status === 'CLEARED' ? hold.amount : 0),
  currency: t.currency,
  dc_sign: 'debit' as const,
  effective_date: t.effective_date,
  transaction_time: time,
  was_partial: hold.status === 'PARTCLEARED',
  idemkey: t.idempotency_key ?? '',
  ...(hold.expires_at ? { expires_at: hold.expires_at } : {}),
  ...(hold.status === 'PENDING' ? {} : { transaction_id: t.id }),
});

/** One account's posted line, with the transaction it belongs to: the account-filtered posted list. */
export const accountLineView = (l: AccountLine) => ({
  id: l.transaction_id,
  uuid: l.transaction_id,
  line_uuid: lineUuid(l.transaction_id, l.leg),
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
  transaction_time: l.posted_at,
  effective_date: l.effective_date,
  ...(l.memo ? { memo: l.memo } : {}),
  ...(l.reference_id ? { reference_id: l.reference_id } : {}),
  idemkey: l.idempotency_key ?? '',
  ...(l.original_trx ? { original_trx: l.original_trx } : {}),
});

/** A 15-digit trace number derived from an id (routing prefix, then a number from the id's hash). */
export const traceNumberOf = (routing: string, id: string): string =>
  `${routing.slice(0, 8)}${String(Number.parseInt(uuidOf(id).slice(0, 8), 16) % 10_000_000).padStart(7, '0')}`;

/** The originator every simulated incoming entry names (a sandbox has no real ODFI). */
export const SIMULATED_ORIGINATOR = {
  company_name: 'SANDBOX ORIGINATOR',
  company_entry_description: 'SIMULATION',
  originating_routing_number: '091000019',
  identification_number: '1000000001',
} as const;

/**
 * `incoming_ach`: the entry and, when returned, its return code. Simulated entries carry fixed
 * originator fields and a trace number derived from the entry's id; `account_no` is left out
 * (the account is named by account_id, and numbers stay out of list bodies).
 */
export const incomingAchView = (r: IncomingAchRecord) => ({
  id: r.id,
  tenant: r.tenant,
  account_id: r.account_id,
  amount: r.amount,
  currency: r.currency,
  dc_sign: r.dc_sign,
  effective_date: r.effective_date,
  settlement_date: r.effective_date,
  is_future_dated: r.effective_date > r.creation_time.slice(0, 10),
  status: r.status,
  is_prenote: r.amount === 0,
  sec_code: 'PPD',
  trace_no: traceNumberOf(SIMULATED_ORIGINATOR.originating_routing_number, r.id),
  ...SIMULATED_ORIGINATOR,
  ...(r.return_code ? { return_data: { code: r.return_code, reason: r.return_reason }, decline_reason: r.return_reason } : {}),
  ...(r.transaction_id ? { transaction_id: r.transaction_id, external_id: r.transaction_id } : {}),
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
    // Synctera's names for the same two accounts, and the ledger transaction's id.
    source_account_id: ach.originating_account_id,
    account_id: ach.receiving_account_id,
    external_id: t.id,
    sec_code: ach.sec_code,
    effective_date: ach.effective_date,
    settlement_date: ach.settlement_date ?? ach.settle_at.slice(0, 10),
    is_same_day: ach.is_same_day === true,
    trace_no: ach.trace_no ?? '',
    ...(t.hold && t.hold.status === 'PENDING' ? { hold: { amount: t.hold.amount, availability_time: ach.settle_at } } : {}),
    ...(ach.company_name ? { company_name: ach.company_name } : {}),
    ...(ach.company_entry_description ? { company_entry_description: ach.company_entry_description } : {}),
    ...(ach.reference_info ? { reference_info: ach.reference_info } : {}),
    memo: t.memo ?? '',
    ...(ach.return_data ? { return_data: { ...ach.return_data, ...(ach.trace_no ? { original_trace: ach.trace_no } : {}) } } : {}),
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
  ...(s.interest_earned !== undefined ? { savings_summary: { interest_earned: s.interest_earned } } : {}),
  // The month's lines are read page by page at /v0/statements/{id}/transactions.
  transactions_omitted: true,
  issue_date: s.creation_time.slice(0, 10),
  creation_time: s.creation_time,
});
