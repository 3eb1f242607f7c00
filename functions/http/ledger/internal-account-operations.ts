import {
  createInternalAccount,
  getInternalAccount,
  internalAccountBalance,
  listInternalAccounts,
  patchInternalAccount,
} from '../../ledger/internal-accounts.js';
import { internalAccountPatchSchema, internalAccountSchema } from '../../ledger/schemas.js';
import { internalAccountView } from '../../ledger/views.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type Operation } from '../api-request.js';
import { listBody, pagingOf } from '../list-query.js';
import { ledgerContextOf, pathId } from './context.js';

// /v0/internal_accounts: GENERAL_LEDGER accounts. A GET sums the GL's balance shards (one
// BatchGetItem); the list shows the accounts without balances, so it stays one Query.

const create: Operation = async (request) =>
  created(
    internalAccountView(await createInternalAccount(await ledgerContextOf(request), parseWith(internalAccountSchema, request.body)), 0),
  );

const get: Operation = async (request) => {
  const ctx = await ledgerContextOf(request);
  const id = pathId(request, 'internal_account_id');
  const account = await getInternalAccount(ctx, id);
  return ok(internalAccountView(account, await internalAccountBalance(ctx, id)));
};

const list: Operation = async (request) => {
  const { scope, limit, ascending, cursor } = await pagingOf(request, {});
  const page = await listInternalAccounts(await ledgerContextOf(request), { limit, ascending, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'internal_accounts', scope, page, (a) => internalAccountView(a)));
};

const patch: Operation = async (request) => {
  const ctx = await ledgerContextOf(request);
  const id = pathId(request, 'internal_account_id');
  const next = await patchInternalAccount(ctx, id, parseWith(internalAccountPatchSchema, request.body));
  return ok(internalAccountView(next, await internalAccountBalance(ctx, id)));
};

export const internalAccountOperations = { create, get, list, patch };
