import { createAccount, getAccount, listAccounts, updateAccount, type LoadedAccount } from '../../accounts/accounts.js';
import {
  ACCOUNT_PATCH_READ_ONLY,
  ACCOUNT_READ_ONLY,
  createAccountSchema,
  createAccountSchemaV2,
  patchAccountSchema,
  patchAccountSchemaV2,
} from '../../accounts/schemas.js';
import { accountView } from '../../accounts/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { listBody, pagingOf } from '../list-query.js';
import { accountListFilters } from './account-list-query.js';
import { accountsContext, apiVersionOf, pathId } from './context.js';

const viewFor = (request: ApiRequest) => {
  const version = apiVersionOf(request);
  return ({ account, security }: LoadedAccount) => accountView(account, { version, ...(security ? { security } : {}) });
};

const create: Operation = async (request) => {
  const schema = apiVersionOf(request) === 'v2' ? createAccountSchemaV2 : createAccountSchema;
  const input = parseWith(schema, withoutReadOnly(request.body, ACCOUNT_READ_ONLY));
  return created(viewFor(request)(await createAccount(accountsContext(request), input)));
};

const get: Operation = async (request) => ok(viewFor(request)(await getAccount(accountsContext(request), pathId(request, 'account_id'))));

const patch: Operation = async (request) => {
  const schema = apiVersionOf(request) === 'v2' ? patchAccountSchemaV2 : patchAccountSchema;
  // Immutable fields are not stripped here: the schema refuses them by name (schemas.ts).
  const input = parseWith(schema, withoutReadOnly(request.body, ACCOUNT_PATCH_READ_ONLY));
  return ok(viewFor(request)(await updateAccount(accountsContext(request), pathId(request, 'account_id'), input)));
};

const list: Operation = async (request) => {
  const { where, match, heldBy, empty } = accountListFilters(request);
  const { scope, ...paging } = await pagingOf(request, {});
  const page = empty
    ? { items: [] }
    : await listAccounts(accountsContext(request), { ...paging, where, ...(match ? { match } : {}), ...(heldBy ? { heldBy } : {}) });
  return ok(listBody(request, 'accounts', scope, page, viewFor(request)));
};

export const accountOperations = { create, get, patch, list };
