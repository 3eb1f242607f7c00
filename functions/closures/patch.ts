import { badRequest, ConcurrentModification, notFound } from '../shared/errors.js';
import type { ClosureContext } from './context.js';
import { assertDestination } from './destination.js';
import { accountUpdated } from './events.js';
import { readAccount } from './initiate.js';
import type { ClosureRecord } from './model.js';
import { assertMethodShape, assertPayoutPatchable, withCheck } from './rules.js';
import type { PatchClosureBody } from './schemas.js';
import { accountClosureView } from './views.js';

// PATCH initiate_closure (contract §3.2 [v2]): a new payment method or destination, only while
// the payout has not started or after it came back. The write is conditioned on the closure's
// revision, and the payout step locks the payout with the same condition, so a PATCH racing the
// payout either lands first (and is paid to) or re-reads and gets 409.

const ATTEMPTS = 3;

export const patchClosure = async (ctx: ClosureContext, accountId: string, body: PatchClosureBody): Promise<Record<string, unknown>> => {
  if (body.payment_method === undefined && body.destination_id === undefined) throw badRequest('give payment_method or destination_id');
  for (let attempt = 1; ; attempt++) {
    const account = await readAccount(ctx, accountId);
    const closure = account.closure;
    if (!closure) throw notFound('account closure');
    assertPayoutPatchable(closure);
    const method = body.payment_method !== undefined ? body.payment_method : closure.payment_method;
    const destination = body.destination_id !== undefined ? body.destination_id : closure.destination_id;
    assertMethodShape(method, destination);
    await assertDestination(ctx, account, method, destination);
    const now = ctx.clock.now().toISOString();
    const next: ClosureRecord = {
      ...closure,
      payment_method: method,
      destination_id: destination,
      payout: closure.payout.state === 'RETURNED' ? { ...closure.payout, state: 'NOT_STARTED' } : closure.payout,
      checks:
        closure.payout.state === 'RETURNED'
          ? withCheck(closure.checks, 'final_payment', false, 'New destination given: the payout will be sent again', {
              returned: closure.payout.returned,
            })
          : closure.checks,
      updated_at: now,
      revision: closure.revision + 1,
    };
    const after = { account_closure: accountClosureView(next), last_updated_time: now };
    const event = accountUpdated(ctx, account, after, { account_closure: accountClosureView(closure) });
    try {
      await ctx.store.save(next, [event], {
        tenant: ctx.tenantId,
        account_id: accountId,
        closure_id: closure.id,
        execution_name: closure.execution_name,
      });
      return { ...account.raw, ...after };
    } catch (error) {
      if (!(error instanceof ConcurrentModification) || attempt >= ATTEMPTS) throw error;
    }
  }
};
