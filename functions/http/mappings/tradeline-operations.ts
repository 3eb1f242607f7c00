import * as z from 'zod/mini';
import { TRADELINE_DIRECTIONS } from '../../mappings/model.js';
import { getTradelineTransfer, listTradelineTransfers } from '../../mappings/tradeline-transfers.js';
import { tradelineView } from '../../mappings/views.js';
import { badRequest } from '../../shared/errors.js';
import { ok, type Operation } from '../api-request.js';
import { enumsOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { mappingsContextOf, pathId } from './context.js';

// /v0/credit_reporting/tradeline_transfers: a Bankline extension, read-only, account:read.

export const tradelineListQuery = z.strictObject({
  ...pagingParams,
  account_id: z.optional(z.string()),
  direction: z.optional(z.string()),
});

const single = <T>(name: string, values: T[] | undefined): T | undefined => {
  if (values && values.length > 1) throw badRequest(`${name} takes one value`, 'BAD_QUERY_PARAMETER');
  return values?.[0];
};

const list: Operation = async (request) => {
  const q = parseQuery(request, tradelineListQuery);
  const filters = {
    account_id: single('account_id', uuidsOf('account_id', q.account_id)),
    direction: single('direction', enumsOf('direction', q.direction, TRADELINE_DIRECTIONS)),
  };
  const { scope, limit, ascending, cursor } = await pagingOf(request, filters);
  const page = await listTradelineTransfers(mappingsContextOf(request), {
    ...(filters.account_id ? { accountId: filters.account_id } : {}),
    ...(filters.direction ? { direction: filters.direction } : {}),
    ascending,
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return ok(listBody(request, 'tradeline_transfers', scope, page, tradelineView));
};

const get: Operation = async (request) =>
  ok(tradelineView(await getTradelineTransfer(mappingsContextOf(request), pathId(request, 'tradeline_transfer_id'))));

export const tradelineOperations = { list, get };
