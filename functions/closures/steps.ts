import { ConcurrentModification } from '../shared/errors.js';
import type { ClosureContext } from './context.js';
import { ClosureStepError } from './errors.js';
import { accountUpdated } from './events.js';
import { readAccount } from './initiate.js';
import type { ClosingAccount, ClosureInput, ClosureRecord, ClosureStep } from './model.js';
import { FINISHED_STEPS } from './model.js';
import {
  closeAtAfterAch,
  closeAtAfterInternal,
  DESTINATION_POLL_MS,
  MAX_BLOCKER_POLLS,
  nextBlockerCheck,
  stepKey,
  withCheck,
} from './rules.js';
import { accountClosureView } from './views.js';

// The workflow's steps (ledger-notes §D.2), one use-case each. Each reads the closure, does its
// work, and records its result and the next step on the closure in a write conditioned on the
// revision it read. Every money movement has a key derived from the closure and the step, so a
// step run again (a Lambda retry, a redrive, the twin resuming) finds the money already moved.

/**
 * What a step hands the state machine: Choice and Wait states read only these. A Choice rule on a
 * missing field fails the execution (States.Runtime), so a step a Choice follows sets every field
 * the Choice reads.
 */
export interface StepResult {
  resume?: ClosureStep;
  clear?: boolean;
  attention?: boolean;
  ready?: boolean;
  /** RFC 3339 with Z: the next Wait state's TimestampPath. */
  until?: string;
}

/** Blockers older than this need an operator (Standard executions run a year at most). */
const MAX_BLOCKED_MS = 120 * 86_400_000;

const load = async (ctx: ClosureContext, input: ClosureInput): Promise<{ account: ClosingAccount; closure: ClosureRecord }> => {
  const account = await readAccount(ctx, input.account_id);
  const closure = account.closure;
  if (!closure || closure.id !== input.closure_id) throw new Error(`account ${input.account_id} has no closure ${input.closure_id}`);
  return { account, closure };
};

const revised = (ctx: ClosureContext, closure: ClosureRecord, change: Partial<ClosureRecord>): ClosureRecord => ({
  ...closure,
  ...change,
  updated_at: ctx.clock.now().toISOString(),
  revision: closure.revision + 1,
});

const isFinished = (closure: ClosureRecord) => FINISHED_STEPS.includes(closure.step);

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

export const endRecurringPayments = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (closure.step !== 'END_RECURRING') return {};
  const cancelled = ctx.recurring ? (await ctx.recurring.cancelAll(account.id, `account closure ${closure.id}`)).cancelled : undefined;
  let checks = withCheck(
    closure.checks,
    'recurring_payments',
    true,
    cancelled === undefined ? 'Payment schedules are not tracked by this deployment' : `${cancelled} active payment schedule(s) cancelled`,
    cancelled === undefined ? {} : { cancelled },
  );
  checks = withCheck(checks, 'cards', true, 'No card program: there are no cards to decouple', {});
  await ctx.store.save(revised(ctx, closure, { step: 'WRITE_OFF', checks }));
  return {};
};

export const writeOffNegativeBalance = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (closure.step !== 'WRITE_OFF') return {};
  let checks = closure.checks;
  if (account.family === 'DEPOSIT' && account.balance < 0) {
    const amount = -account.balance;
    const { transaction_id } = await ctx.ledger.transfer({
      key: stepKey(closure, 'write-off'),
      amount,
      currency: account.currency,
      type: 'NEGATIVE_BALANCE_WRITEOFF',
      from: ctx.ledger.gl('NEGATIVE_BALANCE_RESERVE'),
      to: account.id,
      memo: `negative balance written off at closure ${closure.id}`,
    });
    checks = withCheck(checks, 'negative_balance', true, `Negative balance of ${amount} written off from the negative-balance reserve`, {
      amount,
      transaction_id,
    });
  } else if (account.family === 'CREDIT' && account.balance > 0 && closure.reason === 'BANK_REQUEST_CHARGE_OFF') {
    const amount = account.balance;
    const { transaction_id } = await ctx.ledger.transfer({
      key: stepKey(closure, 'charge-off'),
      amount,
      currency: account.currency,
      type: 'CHARGE_OFF',
      from: ctx.ledger.gl('WRITE_OFF'),
      to: account.id,
      memo: `amount owed charged off at closure ${closure.id}`,
    });
    checks = withCheck(checks, 'negative_balance', true, `Amount owed of ${amount} charged off to the write-off GL`, {
      amount,
      transaction_id,
    });
  } else {
    checks = withCheck(checks, 'negative_balance', true, 'No negative balance', {});
  }
  await ctx.store.save(revised(ctx, closure, { step: 'INTEREST', checks }));
  return {};
};

export const payAccruedInterest = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (closure.step !== 'INTEREST') return {};
  let checks: ClosureRecord['checks'];
  const accrued = account.family === 'DEPOSIT' ? await ctx.ledger.interestAccrued(account.id, closure.in_closing_date) : undefined;
  if (accrued && accrued.amount > 0) {
    // The key is the ledger's own month payout id: whichever of closure and the month-end job
    // pays first, the other finds it paid.
    const { transaction_id } = await ctx.ledger.transfer({
      key: accrued.payout_key,
      amount: accrued.amount,
      currency: account.currency,
      type: 'INTEREST_PAYOUT',
      from: ctx.ledger.gl('INTEREST_EXPENSE'),
      to: account.id,
      memo: `interest through ${closure.in_closing_date} (account closure)`,
      interestEvent: { month: closure.in_closing_date.slice(0, 7) },
    });
    checks = withCheck(closure.checks, 'interest_payout', true, `Interest of ${accrued.amount} paid through ${closure.in_closing_date}`, {
      amount: accrued.amount,
      transaction_id,
    });
  } else {
    checks = withCheck(closure.checks, 'interest_payout', true, 'No interest to pay', {});
  }
  await ctx.store.save(revised(ctx, closure, { step: 'PAYOUT', checks }));
  return {};
};

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

export const CLOSURE_STEP_HANDLERS = {
  LoadClosure: loadClosure,
  CheckBlockers: checkBlockers,
  EndRecurringPayments: endRecurringPayments,
  WriteOffNegativeBalance: writeOffNegativeBalance,
  PayAccruedInterest: payAccruedInterest,
  TransferRemainingFunds: transferRemainingFunds,
  CloseAccount: closeAccount,
  MarkNeedsDestination: markNeedsDestination,
  CheckDestination: checkDestination,
} as const;
export type ClosureTaskName = keyof typeof CLOSURE_STEP_HANDLERS;
