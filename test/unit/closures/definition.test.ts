import { describe, expect, it } from 'vitest';
import { CLOSURE_STEP_HANDLERS } from '../../../functions/closures/steps.js';
import { CLOSURE_STEPS } from '../../../functions/closures/model.js';
import { CLOSURE_TASKS, closureDefinition, LAMBDA_SERVICE_ERRORS } from '../../../functions/workflows/closure/definition.js';

// The one closure definition stays inside what both runtimes run (ledger-notes §D.8): plain
// Lambda ARNs, no task tokens, no optimized integration, no `$$.State`, Wait states on
// TimestampPath; every task retries Lambda's own errors and has a timeout; every state is
// reachable and every transition lands on a state.

type State = Record<string, unknown> & { Type: string };
const definition = closureDefinition((task) => `arn:aws:lambda:us-east-1:000000000000:function:steps-${task}`);
const states = definition.States as unknown as Record<string, State>;
const text = JSON.stringify(definition);

const targetsOf = (state: State): string[] => [
  ...(typeof state.Next === 'string' ? [state.Next] : []),
  ...(typeof state.Default === 'string' ? [state.Default] : []),
  ...((state.Choices as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
  ...((state.Catch as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
];

describe('closure definition', () => {
  it('uses nothing the local runner lacks', () => {
    expect(text).not.toMatch(/waitForTaskToken|\.sync|arn:aws:states:::|\$\$\.State|\$\$\.Task|QueryLanguage|Assign|HeartbeatSeconds/);
    for (const state of Object.values(states).filter((s) => s.Type === 'Task')) expect(state.Resource).toMatch(/^arn:aws:lambda:/);
    for (const state of Object.values(states).filter((s) => s.Type === 'Wait'))
      expect(state).toMatchObject({ TimestampPath: '$.step.until' });
  });

  it('retries Lambda service errors on every task, with a timeout, and catches only named step errors', () => {
    for (const [name, state] of Object.entries(states).filter(([, s]) => s.Type === 'Task')) {
      const [first] = state.Retry as { ErrorEquals: string[] }[];
      expect(first?.ErrorEquals, name).toEqual(LAMBDA_SERVICE_ERRORS);
      expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
      expect(state.ResultPath, name).toBe('$.step');
      for (const clause of (state.Catch as { ErrorEquals: string[] }[] | undefined) ?? [])
        expect(clause.ErrorEquals).not.toContain('States.ALL');
    }
    expect(definition.TimeoutSeconds).toBeGreaterThan(0);
  });

  it('binds every task to a step handler, and every transition to a state, each reachable from the start', () => {
    const tasks = Object.entries(states).filter(([, s]) => s.Type === 'Task');
    expect(tasks.map(([name]) => name).sort()).toEqual([...CLOSURE_TASKS].sort());
    for (const task of CLOSURE_TASKS) expect(CLOSURE_STEP_HANDLERS[task]).toBeTypeOf('function');
    for (const state of Object.values(states)) for (const target of targetsOf(state)) expect(states[target], target).toBeDefined();
    const seen = new Set<string>([definition.StartAt]);
    for (let frontier = [definition.StartAt]; frontier.length > 0; ) {
      frontier = frontier.flatMap((name) => targetsOf(states[name]!)).filter((n) => !seen.has(n) && seen.add(n));
    }
    expect([...seen].sort()).toEqual(Object.keys(states).sort());
  });

  it('resumes at every step a closure can record', () => {
    const resume = states.ResumeAt as unknown as { Choices: { StringEquals: string }[]; Default: string };
    const handled = new Set([...resume.Choices.map((c) => c.StringEquals), 'BLOCKERS', 'NEEDS_ATTENTION']);
    for (const step of CLOSURE_STEPS) expect(handled.has(step), step).toBe(true);
  });
});
