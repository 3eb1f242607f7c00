import { AccountClosed, conflict, notFound, unprocessable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ClosureContext } from './context.js';
import { assertDestination } from './destination.js';
import { accountUpdated } from './events.js';
import type { ClosingAccount, ClosureRecord } from './model.js';
import { assertMethodShape, assertReasonAllowed, executionNameOf, initialChecks } from './rules.js';
import type { InitiateClosureBody } from './schemas.js';
import { accountClosureView } from './views.js';

// POST initiate_closure (contract §3.3): IN_CLOSING at once, with the closure, the event and the
// workflow start request in one transaction. Nothing starts the workflow from here: the start
// request is read from the table's stream, so a write that rolled back starts nothing.

const TERMINAL = ['CLOSED', 'CHARGED_OFF'];

export const readAccount = async (ctx: ClosureContext, accountId: string): Promise<ClosingAccount> => {
  const account = await ctx.store.account(ctx.tenantId, accountId);
  if (!account) throw notFound('account');
  return account;
};

export const initiateClosure = async (
  ctx: ClosureContext,
  accountId: string,
  body: InitiateClosureBody,
  bankCaller: boolean,
): Promise<Record<string, unknown>> => {
  assertReasonAllowed(body.reason, bankCaller);
  const method = body.payment_method ?? null;
  const destination = body.destination_id ?? null;
  assertMethodShape(method, destination);
  const account = await readAccount(ctx, accountId);
  if (TERMINAL.includes(account.status)) throw new AccountClosed(`account ${accountId} is ${account.status}: it cannot be closed again`);
  if (account.closure || account.status === 'IN_CLOSING')
    throw conflict(`a closure of account ${accountId} was already initiated (status IN_CLOSING): PATCH it instead`);
  await assertDestination(ctx, account, method, destination);
  if (method === null && account.family === 'DEPOSIT' && account.balance > 0)
    throw unprocessable(`payment_method is required: the account holds ${account.balance} (minor units) to pay out`);
  const now = ctx.clock.now().toISOString();
  const closure: ClosureRecord = {
    id: newId(),
    tenant: ctx.tenantId,
    account_id: accountId,
    reason: body.reason,
    reason_details: body.reason_details,
    payment_method: method,
    destination_id: destination,
    step: 'BLOCKERS',
    execution_name: executionNameOf(accountId),
    in_closing_date: now.slice(0, 10),
    created_at: now,
    updated_at: now,
    polls: 0,
    payout: { state: 'NOT_STARTED', attempt: 0 },
    checks: initialChecks(),
    revision: 1,
  };
  const after = {
    status: 'IN_CLOSING',
    in_closing_date: closure.in_closing_date,
    account_closure: accountClosureView(closure),
    last_updated_time: now,
  };
  const event = accountUpdated(ctx, account, after, { status: account.status, in_closing_date: null });
  await ctx.store.initiate(account, closure, [event], {
    tenant: ctx.tenantId,
    account_id: accountId,
    closure_id: closure.id,
    execution_name: closure.execution_name,
  });
  return { ...account.raw, ...after, version: Number(account.raw.version ?? 0) + 1 };
};
