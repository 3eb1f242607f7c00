import { checkBlockers, loadClosure } from './blocker-steps.js';
import { closeAccount } from './close-step.js';
import { endRecurringPayments, payAccruedInterest, writeOffNegativeBalance } from './money-steps.js';
import { checkDestination, markNeedsDestination, transferRemainingFunds } from './payout-steps.js';

// Each Task state of the closure state machine, by name, to its use-case.

export type { StepResult } from './step-support.js';
export {
  checkBlockers,
  closeAccount,
  endRecurringPayments,
  loadClosure,
  markNeedsDestination,
  payAccruedInterest,
  transferRemainingFunds,
  writeOffNegativeBalance,
  checkDestination,
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
