import { deferred } from './polyfill.js';
import { StateMachine } from 'aws-local-stepfunctions';

// Runs a state machine definition, unchanged, in aws-local-stepfunctions, on the time of a
// tenant's sandbox clock. What the library cannot do, and how the twin stays within it:
// - A Wait sleeps real time (one setTimeout). Each Wait here is overridden with the time left
//   until its TimestampPath instant on the tenant's clock (the task before it hands that instant
//   over), so a live twin waits as long as AWS would. When the sandbox clock jumps past the
//   instant, the sleeping run is aborted and the execution runs again from its start: its first
//   task reads the step the closure recorded and the definition's ResumeAt choice jumps there.
//   The same path resumes every unfinished execution after a restart.
// - Top-level TimeoutSeconds is armed as one setTimeout too, which overflows past 24.8 days and
//   would fire at once: it is dropped here (the steps bound their own waits).
// - No task tokens, no optimized integrations, only `$$.Execution` in the context object: the
//   definition uses none of them. Retries run at once (no backoff sleeps).
// - No name-based start dedupe: start() dedupes by execution name itself.

const MAX_TIMER_MS = 2 ** 31 - 1;

export type TaskInvoker = (stateName: string, payload: unknown) => Promise<unknown>;

export interface RunnerOptions {
  definition: { States: Record<string, { Type: string }>; TimeoutSeconds?: number } & Record<string, unknown>;
  stateMachineArn: string;
  invokeTask: TaskInvoker;
  /** Milliseconds the tenant's clock is ahead of real time. */
  offsetMs: (tenant: string) => Promise<number>;
  tenantOf: (input: unknown) => string;
}

/** A failure injected before or after a task's handler runs, `times` times (tests: a Lambda service error, a crash after commit). */
export interface Fault {
  when: 'before' | 'after';
  times: number;
  name: string;
}

interface Execution {
  name: string;
  input: unknown;
  tenant: string;
  generation: number;
  abort?: () => void;
  /** The last instant a task handed the next Wait (RFC 3339). */
  until?: string;
  offsetMs: number;
  /** Sleeping in a Wait until this instant (tenant time). */
  parkedUntil?: number;
  done: boolean;
  status?: 'SUCCEEDED' | 'FAILED';
  error?: unknown;
  /**
   * States entered as AWS would bill them: a resumed run's replay (its first task and choice,
   * and re-entering the Wait the previous run slept in) is counted in `replayed` instead.
   */
  transitions: number;
  replayed: number;
  runs: number;
  /** The Wait state the run sleeps in. */
  parkedState?: string;
}

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

export class LocalWorkflowRunner {
  private readonly executions = new Map<string, Execution>();
  private readonly faults = new Map<string, Fault>();
  private changed = deferred<void>();
  private readonly definition: RunnerOptions['definition'];
  /** Built once: the constructor validates the definition (asl-validator), which takes a while. */
  private readonly machine: StateMachine;
  private stopped = false;

  constructor(private readonly options: RunnerOptions) {
    const { TimeoutSeconds: _dropped, ...definition } = options.definition;
    this.definition = definition as RunnerOptions['definition'];
    this.machine = new StateMachine(this.definition as never, { validationOptions: { checkArn: true } });
  }

  /** Starts the execution unless one of that name exists (Step Functions' ExecutionAlreadyExists). */
  start(name: string, input: unknown): 'started' | 'already-started' {
    if (this.executions.has(name)) return 'already-started';
    const execution: Execution = {
      name,
      input,
      tenant: this.options.tenantOf(input),
      generation: 0,
      offsetMs: 0,
      done: false,
      transitions: 0,
      replayed: 0,
      runs: 0,
    };
    this.executions.set(name, execution);
    void this.run(execution);
    return 'started';
  }

  /** The tenant's clock moved to `now`: every run of its sleeping past its instant goes on. */
  clockAdvanced(tenant: string, now: Date): void {
    for (const e of this.executions.values()) {
      if (e.tenant === tenant && !e.done && e.parkedUntil !== undefined && e.parkedUntil <= now.getTime()) this.resume(e);
    }
  }

  /** Something the execution waits for changed (a PATCH): a sleeping run re-checks now. */
  wake(name: string): void {
    const e = this.executions.get(name);
    if (e && !e.done && e.parkedUntil !== undefined) this.resume(e);
  }

  injectFault(stateName: string, fault: Fault): void {
    this.faults.set(stateName, fault);
  }

  /** Resolves once every execution has finished or sleeps in a Wait. */
  async idle(): Promise<void> {
    while ([...this.executions.values()].some((e) => !e.done && e.parkedUntil === undefined)) await this.changed.promise;
  }

  execution(name: string): Readonly<Execution> | undefined {
    return this.executions.get(name);
  }

  list(): readonly Readonly<Execution>[] {
    return [...this.executions.values()];
  }

  /** Aborts every run (the twin stopping); nothing is recorded beyond what the steps wrote. */
  stop(): void {
    this.stopped = true;
    for (const e of this.executions.values()) e.abort?.();
    this.notify();
  }

  private notify(): void {
    const previous = this.changed;
    this.changed = deferred<void>();
    previous.resolve();
  }

  private resume(e: Execution): void {
    e.abort?.();
    e.parkedUntil = undefined;
    void this.run(e);
  }

  private async run(e: Execution): Promise<void> {
    if (this.stopped) return;
    const generation = ++e.generation;
    e.runs += 1;
    e.offsetMs = await this.options.offsetMs(e.tenant);
    const current = () => e.generation === generation && !this.stopped;
    const handlers = Object.fromEntries(
      Object.entries(this.definition.States)
        .filter(([, state]) => state.Type === 'Task')
        .map(([stateName]) => [stateName, (payload: unknown) => this.task(e, current, stateName, payload)]),
    );
    const waits = new Proxy({} as Record<string, number>, {
      get: (_target, stateName) => (typeof stateName === 'string' ? this.waitMs(e, current, stateName) : undefined),
    });
    const retries = new Proxy({} as Record<string, number>, { get: () => 0 });
    const execution = this.machine.run(e.input as never, {
      noThrowOnAbort: true,
      overrides: { taskResourceLocalHandlers: handlers as never, waitTimeOverrides: waits, retryIntervalOverrides: retries },
      context: {
        Execution: { Id: `${this.options.stateMachineArn.replace(':stateMachine:', ':execution:')}:${e.name}`, Name: e.name },
        StateMachine: { Id: this.options.stateMachineArn, Name: this.options.stateMachineArn.split(':').pop() },
      } as never,
    });
    e.abort = execution.abort;
    // A resumed run replays LoadClosure and ResumeAt, then maybe the Wait it was woken from.
    let replay = e.runs > 1 ? 2 : 0;
    let wokenFrom = e.runs > 1 ? e.parkedState : undefined;
    void (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type !== 'StateEntered' || !current()) continue;
        const name = (event as { state?: { name?: string } }).state?.name;
        if (replay > 0) {
          replay -= 1;
          e.replayed += 1;
          continue;
        }
        const again = wokenFrom !== undefined && name === wokenFrom;
        wokenFrom = undefined;
        if (again) e.replayed += 1;
        else e.transitions += 1;
      }
    })();
    try {
      const result = await execution.result;
      if (!current()) return;
      if (result === null) return;
      e.done = true;
      e.status = 'SUCCEEDED';
    } catch (error) {
      if (!current()) return;
      e.done = true;
      e.status = 'FAILED';
      e.error = error;
    } finally {
      if (current()) this.notify();
    }
  }

  private waitMs(e: Execution, current: () => boolean, stateName: string): number {
    if (!current() || !e.until) return 0;
    e.parkedState = stateName;
    const until = Date.parse(e.until);
    const ms = until - (Date.now() + e.offsetMs);
    if (ms <= 0) return 0;
    e.parkedUntil = until;
    this.notify();
    return Math.min(ms, MAX_TIMER_MS);
  }

  private async task(e: Execution, current: () => boolean, stateName: string, payload: unknown): Promise<unknown> {
    if (!current()) throw named('States.Aborted', 'the run was superseded');
    e.parkedUntil = undefined;
    const fault = this.faults.get(stateName);
    const fire = fault && fault.times > 0 ? fault : undefined;
    if (fire) fire.times -= 1;
    if (fire?.when === 'before') throw named(fire.name, `injected ${fire.name} before ${stateName}`);
    const result = await this.options.invokeTask(stateName, payload);
    if (fire?.when === 'after') throw named(fire.name, `injected ${fire.name} after ${stateName} ran`);
    const until = (result as { until?: unknown } | null)?.until;
    e.until = typeof until === 'string' ? until : undefined;
    e.offsetMs = await this.options.offsetMs(e.tenant);
    return result;
  }
}
