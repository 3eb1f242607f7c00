import { listIncomingAch, simulateIncomingAch } from '../../ledger/incoming-ach.js';
import { clockChangeSchema, receivingTransactionSchema } from '../../ledger/schemas.js';
import { incomingAchView } from '../../ledger/views.js';
import { parseWith } from '../../shared/validation.js';
import { moveSandboxClock, wipeSandboxTenant } from '../../wiring/ledger.js';
import { created, ok, type Operation, scopeOf } from '../api-request.js';
import { listBody, pagingOf } from '../list-query.js';
import { assertSandbox, ledgerContextOf } from './context.js';

// Sandbox tools: the tenant's clock (a Bankline extension) and the incoming ACH simulation
// (contract §12.1). Refused with 403 on stages that are not sandboxes.

const getClock: Operation = async (request) => {
  assertSandbox();
  return ok({ now: (await ledgerContextOf(request)).clock.now().toISOString() });
};

const moveClock: Operation = async (request) => {
  assertSandbox();
  const change = parseWith(clockChangeSchema, request.body);
  // Answers once the due work up to the new time has run.
  const now = await moveSandboxClock(scopeOf(request), change);
  return ok({ now: now.toISOString() });
};

const receivingTransaction: Operation = async (request) => {
  assertSandbox();
  const body = parseWith(receivingTransactionSchema, request.body);
  await simulateIncomingAch(await ledgerContextOf(request), body);
  // Synctera answers an empty object; the entry is readable at GET /v0/ach/incoming.
  return created({});
};

const listIncoming: Operation = async (request) => {
  const { scope, limit, ascending, cursor } = await pagingOf(request, {});
  const page = await listIncomingAch(await ledgerContextOf(request), { limit, ascending, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'incoming_achs', scope, page, incomingAchView));
};

const wipe: Operation = async (request) => {
  assertSandbox();
  await wipeSandboxTenant(request.principal.tenantId);
  return { statusCode: 204 };
};

export const sandboxOperations = { getClock, moveClock, receivingTransaction, listIncoming, wipe };
