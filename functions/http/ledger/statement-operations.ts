import * as z from 'zod/mini';
import { getStatement, listStatements, statementLines } from '../../ledger/statements.js';
import { accountLineView, statementView } from '../../ledger/views.js';
import { ok, type Operation } from '../api-request.js';
import { listBody, pagingOf, pagingParams, pagingQuery, parseQuery, uuidsOf } from '../list-query.js';
import { ledgerContextOf, pathId } from './context.js';

// /v0/statements: monthly statements (the month-end job issues them), newest first.

export const statementListQuery = z.strictObject({ ...pagingParams, account_id: z.optional(z.string()) });

const list: Operation = async (request) => {
  const q = parseQuery(request, statementListQuery);
  const accountId = uuidsOf('account_id', q.account_id)?.[0];
  const { scope, limit, cursor } = await pagingOf(request, { account_id: accountId });
  const page = await listStatements(await ledgerContextOf(request), accountId, { limit, ascending: false, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'statements', scope, page, statementView));
};

const get: Operation = async (request) =>
  ok(statementView(await getStatement(await ledgerContextOf(request), pathId(request, 'statement_id'))));

const transactions: Operation = async (request) => {
  parseQuery(request, pagingQuery);
  const { scope, limit, cursor } = await pagingOf(request, {});
  const page = await statementLines(await ledgerContextOf(request), pathId(request, 'statement_id'), {
    limit,
    ...(cursor ? { cursor } : {}),
  });
  // Oldest first, as a statement reads.
  return ok(listBody(request, 'transactions', scope, page, accountLineView));
};

export const statementOperations = { list, get, transactions };
