import type { ClosureContext } from './context.js';
import { ClosureStepError } from './errors.js';
import { accountUpdated } from './events.js';
import type { ClosureInput } from './model.js';
import { withCheck } from './rules.js';
import { isFinished, load, revised, type StepResult } from './step-support.js';
import { accountClosureView } from './views.js';

// The last step, after the return window or on the next business day: a returned payout sends
// the closure back for a destination; holds, an amount owed or new funds send it back to the
// step that handles them; otherwise one transaction sets CLOSED (or CHARGED_OFF) and close_date.

export const closeAccount = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (isFinished(closure)) return {};
  const payout = closure.payout;
  if (payout.method === 'ACH' && payout.transaction_id && payout.state === 'SENT') {
    const state = await ctx.ledger.achState(payout.transaction_id);
    if (state.returned) {
      const returned = revised(ctx, closure, {
        step: 'NEEDS_DESTINATION',
        wait_until: undefined,
        payout: { ...payout, state: 'RETURNED', returned: state.returned },
        checks: withCheck(closure.checks, 'final_payment', false, `ACH payout returned (${state.returned.code}): PATCH a new destination`, {
          returned: state.returned,
        }),
      });
      const after = { account_closure: accountClosureView(returned) };
      await ctx.store.save(returned, [accountUpdated(ctx, account, after, { account_closure: accountClosureView(closure) })]);
      throw new ClosureStepError('PayoutReturned', `ACH payout ${payout.transaction_id} was returned (${state.returned.code})`);
    }
  }
  const owed = account.family === 'CREDIT' ? account.balance > 0 : account.balance < 0;
  if (account.pending_debits > 0 || owed) {
    await ctx.store.save(revised(ctx, closure, { step: 'BLOCKERS', wait_until: undefined }));
    throw new ClosureStepError('BlockersAppeared', `account ${account.id} has holds or a balance owed again`);
  }
  if (account.family === 'DEPOSIT' && account.balance > 0) {
    // A credit posted while IN_CLOSING (incoming credits still post): pay it out too.
    await ctx.store.save(revised(ctx, closure, { step: 'PAYOUT', wait_until: undefined, payout: { ...payout, state: 'NOT_STARTED' } }));
    throw new ClosureStepError('FundsArrived', `account ${account.id} received ${account.balance} after the payout`);
  }
  const status = closure.reason === 'BANK_REQUEST_CHARGE_OFF' && account.family === 'CREDIT' ? 'CHARGED_OFF' : 'CLOSED';
  const now = ctx.clock.now().toISOString();
  const closed = revised(ctx, closure, {
    step: status,
    wait_until: undefined,
    checks: withCheck(
      closure.checks,
      'final_payment',
      true,
      payout.amount ? `Final payment of ${payout.amount} completed` : 'Nothing to pay out',
      {
        amount: payout.amount ?? 0,
        ...(payout.transaction_id ? { transaction_id: payout.transaction_id } : {}),
      },
    ),
  });
  const after = { status, close_date: now.slice(0, 10), account_closure: accountClosureView(closed), last_updated_time: now };
  await ctx.store.close(account, closed, status, now.slice(0, 10), [
    accountUpdated(ctx, account, after, { status: 'IN_CLOSING', close_date: null }),
  ]);
  return {};
};
