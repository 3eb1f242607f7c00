import type { ClosureContext } from './context.js';
import type { ClosureInput, ClosureRecord } from './model.js';
import { stepKey, withCheck } from './rules.js';
import { load, revised, type StepResult } from './step-support.js';

// The steps before the payout: recurring payments ended (no card program: the cards check says
// so), a negative deposit balance written off or a credit line charged off, accrued interest paid.

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

/** What the write-off step moves: a deposit's negative balance from the reserve, or, under a charge-off, a credit account's amount owed. */
const writeOffOf = (account: { family: string; balance: number }, closure: ClosureRecord) => {
  if (account.family === 'DEPOSIT' && account.balance < 0) {
    return {
      amount: -account.balance,
      step: 'write-off',
      type: 'NEGATIVE_BALANCE_WRITEOFF',
      gl: 'NEGATIVE_BALANCE_RESERVE',
      memo: 'negative balance written off',
      detail: 'Negative balance of %d written off from the negative-balance reserve',
    } as const;
  }
  if (account.family === 'CREDIT' && account.balance > 0 && closure.reason === 'BANK_REQUEST_CHARGE_OFF') {
    return {
      amount: account.balance,
      step: 'charge-off',
      type: 'CHARGE_OFF',
      gl: 'WRITE_OFF',
      memo: 'amount owed charged off',
      detail: 'Amount owed of %d charged off to the write-off GL',
    } as const;
  }
  return undefined;
};

export const writeOffNegativeBalance = async (ctx: ClosureContext, input: ClosureInput): Promise<StepResult> => {
  const { account, closure } = await load(ctx, input);
  if (closure.step !== 'WRITE_OFF') return {};
  const writeOff = writeOffOf(account, closure);
  let checks = closure.checks;
  if (writeOff) {
    const { amount } = writeOff;
    const { transaction_id } = await ctx.ledger.transfer({
      key: stepKey(closure, writeOff.step),
      amount,
      currency: account.currency,
      type: writeOff.type,
      from: ctx.ledger.gl(writeOff.gl),
      to: account.id,
      memo: `${writeOff.memo} at closure ${closure.id}`,
    });
    checks = withCheck(checks, 'negative_balance', true, writeOff.detail.replace('%d', String(amount)), { amount, transaction_id });
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
