import { ConcurrentModification } from '../shared/errors.js';
import type { ClosureContext } from './context.js';
import { ClosureStepError } from './errors.js';
import type { ClosingAccount, ClosureInput, ClosureRecord } from './model.js';
import { closeAtAfterAch, closeAtAfterInternal, DESTINATION_POLL_MS, stepKey, withCheck } from './rules.js';
import { load, revised, type StepResult } from './step-support.js';

// The final payment (ledger-notes §D.6): locked with its amount and destination in one
// conditioned write, then moved under a key derived from the attempt; and the wait for a new
// destination after a return (or when there was none).

/** Locks the payout (NOT_STARTED → STARTED, attempt + 1) in one conditioned write: a racing PATCH loses or wins whole. */
const lockPayout = async (ctx: ClosureContext, input: ClosureInput): Promise<{ account: ClosingAccount; closure: ClosureRecord }> => {
  for (;;) {
    const { account, closure } = await load(ctx, input);
    if (closure.payout.state !== 'NOT_STARTED') return { account, closure };
    // The amount is fixed with the lock: a re-run after a crash pays (or finds paid) this amount.
    const amount = account.family === 'DEPOSIT' ? Math.max(0, account.balance) : 0;
    const locked = revised(ctx, closure, {
      payout: {
        state: 'STARTED',
        attempt: closure.payout.attempt + 1,
        method: closure.payment_method,
        destination_id: closure.destination_id,
        amount,
      },
    });
    try {
      await ctx.store.save(locked);
      return { account, closure: locked };
    } catch (error) {
      if (!(error instanceof ConcurrentModification)) throw error;
    }
  }
};

export const transferRemainingFunds = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const current = await load(ctx, input);
  if (current.closure.step !== 'PAYOUT') return current.closure.payout.close_at ? { until: current.closure.payout.close_at } : {};
  const remaining = current.account.family === 'DEPOSIT' ? Math.max(0, current.account.balance) : 0;
  if (remaining > 0 && current.closure.payment_method === null && current.closure.payout.state === 'NOT_STARTED') {
    const closure = current.closure;
    const amount = remaining;
    await ctx.store.save(
      revised(ctx, closure, {
        step: 'NEEDS_DESTINATION',
        checks: withCheck(closure.checks, 'final_payment', false, `${amount} to pay out and no payment_method: PATCH one`, { amount }),
      }),
    );
    throw new ClosureStepError('DestinationMissing', `closure ${closure.id} has ${amount} to pay out and no payment method`);
  }
  const { account, closure } = await lockPayout(ctx, input);
  const payout = closure.payout;
  if (payout.state === 'SENT' && payout.close_at) return { until: payout.close_at };
  const amount = payout.amount ?? 0;
  const now = ctx.clock.now();
  let transactionId: string | undefined;
  let closeAt = closeAtAfterInternal(now);
  let message = amount > 0 ? `Transferred ${amount}` : 'Nothing to pay out';
  let validated = true;
  if (amount > 0) {
    const key = stepKey(closure, 'payout', payout.attempt);
    if (payout.method === 'ACH') {
      const external = await ctx.externalAccounts.get(ctx.tenantId, payout.destination_id as string);
      const sent = await ctx.ledger.achPayout({
        key,
        amount,
        currency: account.currency,
        customer_id: external?.owner_id ?? '',
        account_id: account.id,
        external_account_id: payout.destination_id as string,
      });
      transactionId = sent.transaction_id;
      closeAt = closeAtAfterAch(sent.settlement_date);
      message = `ACH payout of ${amount} sent; settles ${sent.settlement_date}, return window ends before ${closeAt}`;
      validated = false;
    } else {
      const to = payout.method === 'BANK_DRAFT' ? ctx.ledger.gl('ACH_SUSPENSE') : (payout.destination_id as string);
      transactionId = (
        await ctx.ledger.transfer({
          key,
          amount,
          currency: account.currency,
          type: 'ACCOUNT_TO_ACCOUNT',
          from: account.id,
          to,
          memo: `final payment of account closure ${closure.id}`,
        })
      ).transaction_id;
    }
  }
  const sent = revised(ctx, closure, {
    step: 'WAIT_CLOSE',
    wait_until: closeAt,
    payout: { ...payout, state: 'SENT', amount, close_at: closeAt, ...(transactionId ? { transaction_id: transactionId } : {}) },
    checks: withCheck(closure.checks, 'final_payment', validated, message, {
      amount,
      method: payout.method ?? null,
      ...(transactionId ? { transaction_id: transactionId } : {}),
    }),
  });
  await ctx.store.save(sent);
  return { until: closeAt };
};

export const markNeedsDestination = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { closure } = await load(ctx, input);
  const until = new Date(ctx.clock.now().getTime() + DESTINATION_POLL_MS).toISOString();
  if (closure.payout.state === 'NOT_STARTED' && closure.payment_method !== null) return { until };
  await ctx.store.save(revised(ctx, closure, { step: 'NEEDS_DESTINATION', wait_until: until }));
  return { until };
};

export const checkDestination = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  const amount = account.family === 'DEPOSIT' ? Math.max(0, account.balance) : 0;
  const ready = closure.payout.state === 'NOT_STARTED' && (closure.payment_method !== null || amount === 0);
  if (ready) {
    await ctx.store.save(revised(ctx, closure, { step: 'PAYOUT', wait_until: undefined }));
    return { ready: true };
  }
  const until = new Date(ctx.clock.now().getTime() + DESTINATION_POLL_MS).toISOString();
  await ctx.store.save(revised(ctx, closure, { wait_until: until }));
  return { ready: false, until };
};
