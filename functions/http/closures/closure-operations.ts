import type { AccountRecord } from '../../accounts/model.js';
import { type ApiVersion, accountView } from '../../accounts/views.js';
import { initiateClosure } from '../../closures/initiate.js';
import { patchClosure } from '../../closures/patch.js';
import { initiateClosureSchema, patchClosureSchema } from '../../closures/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { closureContext } from '../../wiring/closures.js';
import { type ApiRequest, ok, type Operation, scopeOf } from '../api-request.js';

// POST / PATCH /v0|v2/accounts/{account_id}/initiate_closure (contract §3): 200 with the account
// and its account_closure. The reason is checked against the key's permissions: bank-only
// reasons need bank:closure.

const versionOf = (request: ApiRequest): ApiVersion => (request.route.path.startsWith('/v2/') ? 'v2' : 'v0');

const accountIdOf = (request: ApiRequest): string => {
  const id = request.pathParameters.account_id;
  if (id === undefined) throw new Error(`route ${request.route.path} has no {account_id}`);
  return id;
};

const view = (request: ApiRequest, raw: Record<string, unknown>) =>
  accountView(raw as unknown as AccountRecord, { version: versionOf(request) });

const initiate: Operation = async (request) => {
  const body = parseWith(initiateClosureSchema, request.body);
  const bankCaller = request.principal.permissions.includes('bank:closure');
  const ctx = await closureContext(scopeOf(request));
  return ok(view(request, await initiateClosure(ctx, accountIdOf(request), body, bankCaller)));
};

const patch: Operation = async (request) => {
  const body = parseWith(patchClosureSchema, request.body);
  const ctx = await closureContext(scopeOf(request));
  return ok(view(request, await patchClosure(ctx, accountIdOf(request), body)));
};

export const closureOperations = { initiate, patch };
