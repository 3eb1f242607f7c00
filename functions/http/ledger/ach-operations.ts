import { cancelAch, getAch, originateAch, returnAch, settleAch } from '../../ledger/ach.js';
import { outgoingAchSchema, patchAchSchema, receivingReturnSchema } from '../../ledger/schemas.js';
import { achView } from '../../ledger/views.js';
import { parseWith } from '../../shared/validation.js';
import { tenantAchContext } from '../../wiring/ledger.js';
import { created, ok, type Operation, scopeOf } from '../api-request.js';
import { listBody, pagingOf } from '../list-query.js';
import { assertSandbox, ledgerContextOf, pathId } from './context.js';

// /v0/ach (contract §12.3) and the return simulation (§12.1, sandbox only).

const create: Operation = async (request) => {
  const body = parseWith(outgoingAchSchema, request.body);
  const { final_customer_id: _final, ...input } = body;
  const keyed = request.idempotencyKey ? { ...input, idempotency_key: request.idempotencyKey } : input;
  return created(achView(await originateAch(await tenantAchContext(scopeOf(request)), keyed)));
};

const get: Operation = async (request) => ok(achView(await getAch(await ledgerContextOf(request), pathId(request, 'ach_id'))));

const list: Operation = async (request) => {
  const { scope, limit, cursor } = await pagingOf(request, {});
  const ctx = await ledgerContextOf(request);
  const page = await ctx.store.listOutgoingAch(ctx.tenantId, { limit, ascending: false, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'ach_transactions', scope, page, achView));
};

const patch: Operation = async (request) => {
  parseWith(patchAchSchema, request.body);
  return ok(achView(await cancelAch(await ledgerContextOf(request), pathId(request, 'ach_id'))));
};

const simulateReturn: Operation = async (request) => {
  assertSandbox();
  const body = parseWith(receivingReturnSchema, request.body);
  const ctx = await ledgerContextOf(request);
  // Sandbox convenience: an entry not yet sent goes out first (as the next settlement run would), then comes back.
  if ((await getAch(ctx, body.ach_id)).ach?.status === 'PENDING') await settleAch(ctx, body.ach_id);
  await returnAch(
    await ledgerContextOf(request),
    body.ach_id,
    body.return_code ?? 'R01',
    body.return_code ? 'Simulated return' : 'Insufficient funds',
  );
  return created({});
};

export const achOperations = { create, get, list, patch, simulateReturn };
