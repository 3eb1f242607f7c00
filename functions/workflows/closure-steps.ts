import { CLOSURE_STEP_HANDLERS, type ClosureTaskName } from '../closures/steps.js';
import type { ClosureInput } from '../closures/model.js';
import { checkedHandler } from '../shared/config.js';
import { systemClock } from '../shared/clock.js';
import { closureContext } from '../wiring/closures.js';

// The closure workflow's Lambda: every Task state of functions/workflows/closure/definition.ts
// invokes it with { step, input, execution } and gets the step's result (raw JSON, since the
// tasks use the plain Lambda ARN). A step's named errors (PayoutReturned, ...) propagate with
// their `name`, which Step Functions matches as the errorType in Catch and Retry.

export interface ClosureTaskEvent {
  readonly step: ClosureTaskName;
  readonly input: ClosureInput;
  /** `$$.Execution`: Id (the ARN) and Name identify the run in logs and audit. */
  readonly execution: { readonly Id?: string; readonly Name?: string; readonly StartTime?: string };
}

export const runClosureTask = async (event: ClosureTaskEvent) => {
  const run = CLOSURE_STEP_HANDLERS[event.step];
  if (!run) throw new Error(`unknown closure step ${String(event.step)}`);
  const ctx = await closureContext({
    tenantId: event.input.tenant,
    audit: {
      request_id: event.execution.Id ?? event.execution.Name ?? 'workflow',
      api_key_id: 'workflow:closure',
      method: 'WORKFLOW',
      path: `closure/${event.step}`,
    },
    clock: systemClock,
  });
  return run(ctx, event.input);
};

export const handler = checkedHandler('closure-steps', (event: ClosureTaskEvent) => runClosureTask(event));
