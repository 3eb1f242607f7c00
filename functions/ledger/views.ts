import type { LedgerTransaction, TransferFields } from './model.js';

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
