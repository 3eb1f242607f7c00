import type { ClosureContext } from './context.js';
import type { ClosureInput } from './model.js';
import { MAX_BLOCKER_POLLS, nextBlockerCheck, withCheck } from './rules.js';
import { load, revised, type StepResult } from './step-support.js';

// The first steps: where a run resumes, and waiting out pending transactions, disputes and an
// amount owed on a credit account (polled, bounded; past the bound the closure needs an operator).

/** Blockers older than this need an operator (Standard executions run a year at most). */
const MAX_BLOCKED_MS = 120 * 86_400_000;
export const loadClosure = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { closure } = await load(ctx, input);
  const until = closure.step === 'WAIT_CLOSE' ? closure.payout.close_at : closure.wait_until;
  return { resume: closure.step, ...(until ? { until } : {}) };
};

export const checkBlockers = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (closure.step !== 'BLOCKERS' && closure.step !== 'NEEDS_ATTENTION') return { clear: true, attention: false };
  const disputes = ctx.disputes ? await ctx.disputes.of(account.id) : [];
  const owed = account.family === 'CREDIT' && account.balance > 0 && closure.reason !== 'BANK_REQUEST_CHARGE_OFF';
  let checks = withCheck(
    closure.checks,
    'pending_transactions',
    account.pending_debits === 0 && !owed,
    account.pending_debits > 0
      ? `Waiting for pending transactions to clear (${account.pending_debits} held)`
      : owed
        ? `Waiting for the amount owed (${account.balance}) to be paid`
        : 'No pending transactions; new customer transactions are refused since IN_CLOSING, incoming credits still post',
    { pending_debits: account.pending_debits, ...(owed ? { amount_owed: account.balance } : {}) },
  );
  checks = ctx.disputes
    ? withCheck(
        checks,
        'disputes',
        disputes.length === 0,
        disputes.length === 0 ? 'No open disputes' : `Waiting for ${disputes.length} open dispute(s)`,
        {
          open_disputes: disputes.map((d) => d.id),
        },
      )
    : withCheck(checks, 'disputes', true, 'Disputes are not tracked by this deployment', {});
  const clear = account.pending_debits === 0 && disputes.length === 0 && !owed;
  const now = ctx.clock.now();
  if (clear) {
    await ctx.store.save(revised(ctx, closure, { step: 'END_RECURRING', checks, polls: 0, wait_until: undefined }));
    return { clear: true, attention: false };
  }
  const polls = closure.polls + 1;
  if (polls > MAX_BLOCKER_POLLS || now.getTime() - Date.parse(closure.created_at) > MAX_BLOCKED_MS) {
    await ctx.store.save(revised(ctx, closure, { step: 'NEEDS_ATTENTION', checks, polls }));
    return { clear: false, attention: true };
  }
  const until = nextBlockerCheck(now, polls);
  await ctx.store.save(revised(ctx, closure, { checks, polls, wait_until: until }));
  return { clear: false, attention: false, until };
};
