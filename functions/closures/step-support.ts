import type { ClosureContext } from './context.js';
import { readAccount } from './initiate.js';
import type { ClosingAccount, ClosureInput, ClosureRecord, ClosureStep } from './model.js';
import { FINISHED_STEPS } from './model.js';

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

export const load = async (ctx: ClosureContext, input: ClosureInput): Promise<{ account: ClosingAccount; closure: ClosureRecord }> => {
  const account = await readAccount(ctx, input.account_id);
  const closure = account.closure;
  if (!closure || closure.id !== input.closure_id) throw new Error(`account ${input.account_id} has no closure ${input.closure_id}`);
  return { account, closure };
};

export const revised = (ctx: ClosureContext, closure: ClosureRecord, change: Partial<ClosureRecord>): ClosureRecord => ({
  ...closure,
  ...change,
  updated_at: ctx.clock.now().toISOString(),
  revision: closure.revision + 1,
});

export const isFinished = (closure: ClosureRecord) => FINISHED_STEPS.includes(closure.step);
