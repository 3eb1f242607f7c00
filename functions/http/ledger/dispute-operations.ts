import * as z from 'zod/mini';
import { disputeView, getDispute, listDisputes, openDispute, resolveDispute } from '../../ledger/disputes.js';
import { disputePatchSchema, disputeSchema } from '../../ledger/schemas.js';
import { badRequest } from '../../shared/errors.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type Operation } from '../api-request.js';
import { enumsOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { assertSandbox, ledgerContextOf, pathId } from './context.js';

// /v0/sandbox/disputes (sandbox only): open a dispute on a transaction, resolve it, read them.
// POST answers 201 for a new dispute, 200 with the open one when the transaction already has it.

export const disputeListQuery = z.strictObject({ ...pagingParams, account_id: z.optional(z.string()), status: z.optional(z.string()) });

const one = <T>(name: string, values: T[] | undefined): T | undefined => {
  if (values && values.length > 1) throw badRequest(`${name} takes one value`, 'BAD_QUERY_PARAMETER');
  return values?.[0];
};

const create: Operation = async (request) => {
  assertSandbox();
  const body = parseWith(disputeSchema, request.body);
  const { dispute, created: isNew } = await openDispute(await ledgerContextOf(request), body);
  return isNew ? created(disputeView(dispute)) : ok(disputeView(dispute));
};

const get: Operation = async (request) => {
  assertSandbox();
  return ok(disputeView(await getDispute(await ledgerContextOf(request), pathId(request, 'dispute_id'))));
};

const patch: Operation = async (request) => {
  assertSandbox();
  const body = parseWith(disputePatchSchema, request.body);
  return ok(disputeView(await resolveDispute(await ledgerContextOf(request), pathId(request, 'dispute_id'), body.status)));
};

const list: Operation = async (request) => {
  assertSandbox();
  const q = parseQuery(request, disputeListQuery);
  const accountId = one('account_id', uuidsOf('account_id', q.account_id));
  const status = one('status', enumsOf('status', q.status, ['OPEN', 'RESOLVED'] as const));
  const filters = { ...(accountId ? { account_id: accountId } : {}), ...(status ? { status } : {}) };
  const { scope, limit, ascending, cursor } = await pagingOf(request, filters);
  const page = await listDisputes(await ledgerContextOf(request), filters, { limit, ascending, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'disputes', scope, page, disputeView));
};

export const disputeOperations = { create, get, patch, list };
