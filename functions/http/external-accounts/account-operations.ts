import * as z from 'zod/mini';
import {
  createExternalAccount,
  getExternalAccount,
  listExternalAccounts,
  updateExternalAccount,
} from '../../external-accounts/external-accounts.js';
import { createExternalAccountSchema, EXTERNAL_ACCOUNT_READ_ONLY, patchExternalAccountSchema } from '../../external-accounts/schemas.js';
import { externalAccountView } from '../../external-accounts/views.js';
import { badRequest } from '../../shared/errors.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { externalAccountsContext } from '../../wiring/external-accounts.js';
import { type ApiRequest, created, ok, type Operation, scopeOf } from '../api-request.js';
import { booleanOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';

// /v0/external_accounts: manual create, get, list, PATCH (contract §9.1–§9.4). DELETE calls a
// vendor when it drops a link's last account, so it lives with the vendor routes.

const ctxOf = (request: ApiRequest) => externalAccountsContext(scopeOf(request));

export const externalAccountIdOf = (request: ApiRequest): string => {
  const id = request.pathParameters.external_account_id;
  if (id === undefined) throw new Error(`route ${request.route.path} has no {external_account_id}`);
  return id;
};

export const externalAccountListQuery = z.strictObject({
  ...pagingParams,
  customer_id: z.optional(z.string()),
  business_id: z.optional(z.string()),
  id: z.optional(z.string()),
  include_history: z.optional(z.string()),
  nickname: z.optional(z.string()),
});

const create: Operation = async (request) => {
  const input = parseWith(createExternalAccountSchema, withoutReadOnly(request.body, EXTERNAL_ACCOUNT_READ_ONLY));
  if (input.tenant !== undefined && input.tenant !== request.principal.tenantId) throw badRequest('tenant must be the caller’s tenant');
  return created(externalAccountView(await createExternalAccount(ctxOf(request), input)));
};

const get: Operation = async (request) => ok(externalAccountView(await getExternalAccount(ctxOf(request), externalAccountIdOf(request))));

const patch: Operation = async (request) => {
  const input = parseWith(patchExternalAccountSchema, withoutReadOnly(request.body, [...EXTERNAL_ACCOUNT_READ_ONLY, 'tenant']));
  return ok(externalAccountView(await updateExternalAccount(ctxOf(request), externalAccountIdOf(request), input)));
};

const list: Operation = async (request) => {
  const q = parseQuery(request, externalAccountListQuery);
  if (q.nickname !== undefined && q.nickname.length === 0) throw badRequest('nickname must not be empty', 'BAD_QUERY_PARAMETER');
  const filters = {
    customer_id: uuidsOf('customer_id', q.customer_id),
    business_id: uuidsOf('business_id', q.business_id),
    id: uuidsOf('id', q.id),
    include_history: booleanOf('include_history', q.include_history),
    nickname: q.nickname,
  };
  const { scope, limit, ascending, cursor } = await pagingOf(request, filters);
  const page = await listExternalAccounts(ctxOf(request), {
    ...(filters.customer_id ? { customerIds: filters.customer_id } : {}),
    ...(filters.business_id ? { businessIds: filters.business_id } : {}),
    ...(filters.id ? { ids: filters.id } : {}),
    ...(filters.nickname !== undefined ? { nickname: filters.nickname } : {}),
    includeHistory: filters.include_history ?? false,
    ascending,
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return ok(listBody(request, 'external_accounts', scope, page, externalAccountView));
};

export const externalAccountOperations = { create, get, patch, list };
