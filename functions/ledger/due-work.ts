import { settleDueAch } from './ach.js';
import { accrueInterest } from './accrual.js';
import type { LedgerContext } from './context.js';
import { processDueIncomingAch } from './incoming-ach.js';
import { runDuePaymentSchedules } from './schedule-runner.js';
import { statementsDue } from './statements.js';
import { resolveTransfer } from './transfers.js';

// The ledger's scheduled work for one tenant up to an instant, in a fixed order: holds that
// expired, then incoming ACH entries whose effective date has come, then outgoing ACH at its cutoff, then the interest of the days that ended. Every step is idempotent
// (a hold resolves once by its status condition; an entry posts once under its own id), so a
// crashed run is simply run again.

export interface DueWorkReport {
  expiredHolds: number;
  incomingAch: number;
  achSettled: number;
  interestAccrued: number;
  interestPaid: number;
  statements: number;
  scheduledPayments: number;
}

export const expireHolds = async (ctx: LedgerContext, at: Date): Promise<number> => {
  let expired = 0;
  for (const hold of await ctx.store.expiringHolds(at.toISOString(), ctx.tenantId)) {
    try {
      await resolveTransfer(ctx, hold.id, { status: 'EXPIRED' }, 'PLATFORM');
      expired += 1;
    } catch (error) {
      // Captured or canceled since the index was read (or by a crashed run's first pass).
      if (!/only a PENDING transfer/.test((error as Error).message)) throw error;
    }
  }
  return expired;
};

export const runDueWork = async (ctx: LedgerContext, at: Date): Promise<DueWorkReport> => {
  const expiredHolds = await expireHolds(ctx, at);
  const incomingAch = await processDueIncomingAch(ctx, at.toISOString().slice(0, 10));
  // Scheduled payments after the incoming money of the day, before the ACH settlement run: an
  // ACH occurrence originated today settles on the next banking day like any other.
  const scheduledPayments = await runDuePaymentSchedules(ctx, at.toISOString().slice(0, 10));
  const achSettled = await settleDueAch(ctx, at);
  // Days before `at`'s date are complete: accrue them (and pay a month that ended).
  const interest = await accrueInterest(ctx, at.toISOString().slice(0, 10));
  // Statements last: the month's interest payout is one of its lines.
  const statements = await statementsDue(ctx, at);
  return {
    expiredHolds,
    incomingAch,
    achSettled,
    interestAccrued: interest.accrued,
    interestPaid: interest.paid,
    statements,
    scheduledPayments,
  };
};
