import { internalTransferSchema, patchTransferSchema } from '../../ledger/schemas.js';
import { accountRef, createTransfer, getTransfer, resolveTransfer } from '../../ledger/transfers.js';
import { transferView } from '../../ledger/views.js';
import { parseWith } from '../../shared/validation.js';
import { ok, type Operation } from '../api-request.js';
import { ledgerContextOf, pathId } from './context.js';

// /v0/transactions/internal_transfer (contract §12.2): 200 on create, as Synctera answers.

const create: Operation = async (request) => {
  const body = parseWith(internalTransferSchema, request.body);
  const ctx = await ledgerContextOf(request);
  const transfer = await createTransfer(ctx, {
    amount: body.amount,
    currency: body.currency,
    type: body.type,
    originating_account_id: accountRef(ctx, body.originating_account_id, body.originating_account_alias, 'originating'),
    receiving_account_id: accountRef(ctx, body.receiving_account_id, body.receiving_account_alias, 'receiving'),
    ...(body.capture_mode ? { capture_mode: body.capture_mode } : {}),
    ...(body.expires_at ? { expires_at: new Date(body.expires_at).toISOString() } : {}),
    ...(body.memo ? { memo: body.memo } : {}),
    ...(body.reference_id ? { reference_id: body.reference_id } : {}),
    ...(body.metadata ? { metadata: body.metadata } : {}),
    ...(request.idempotencyKey ? { idempotency_key: request.idempotencyKey } : {}),
  });
  return ok(transferView(transfer));
};

const get: Operation = async (request) =>
  ok(transferView(await getTransfer(await ledgerContextOf(request), pathId(request, 'transaction_id'))));

const patch: Operation = async (request) => {
  const body = parseWith(patchTransferSchema, request.body);
  const resolution =
    body.status === 'COMPLETE' ? { status: body.status, ...(body.amount ? { amount: body.amount } : {}) } : { status: body.status };
  return ok(transferView(await resolveTransfer(await ledgerContextOf(request), pathId(request, 'transaction_id'), resolution)));
};

export const transferOperations = { create, get, patch };
