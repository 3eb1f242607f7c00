import { bindLocalExecutionStarter, LOCAL_CLOSURE_STATE_MACHINE_ARN } from '../../functions/adapters/sfn/execution-starter.js';
import { functionNamed } from '../../functions/functions.js';
import { onSandboxClockAdvance } from '../../functions/shared/sandbox-clock-listeners.js';
import { closureInputOf, startRequestsOf, startWorkflows } from '../../functions/streams/workflow-starter.js';
import { closureDefinition } from '../../functions/workflows/closure/definition.js';
import { closuresInProgress } from '../../functions/wiring/closures.js';
import { tenantClocks } from '../../functions/wiring/tenant-clocks.js';
import { invokeFunction } from '../lambda-invoke.js';
import { type CheckpointStore, StreamPoller } from '../streams/stream-poller.js';
import { LocalWorkflowRunner } from './local-runner.js';

// The closure workflow on the twin: the same definition as in AWS (functions/workflows/closure/),
// its tasks bound to the same `closure-steps` handler (invoked as Lambda would, with its
// timeout), started by the same stream consumer as the `workflow-starter` function, waits driven
// by each tenant's sandbox clock. On start it resumes every closure not finished.

/** Placeholder ARNs of the right shape: the runner validates them, and nothing calls AWS. */
const localTaskArn = (task: string) => `arn:aws:lambda:us-east-1:000000000000:function:bankline-local-closure-steps:${task}`;

export const localClosureDefinition = () => closureDefinition(localTaskArn);

const invokeStep = async (_stateName: string, payload: unknown): Promise<unknown> => {
  const outcome = await invokeFunction(functionNamed('closure-steps'), payload as never);
  if (outcome.ok) return outcome.result;
  if (outcome.reason === 'error') throw outcome.error;
  // What Step Functions reports for a Lambda that timed out or answered what it cannot take.
  throw Object.assign(new Error(`closure-steps: ${outcome.reason}`), {
    name: outcome.reason === 'timeout' ? 'States.Timeout' : 'States.Runtime',
  });
};

export interface ClosureTwinOptions {
  endpoint: string;
  tableName: string;
  checkpoints?: CheckpointStore;
  /** Only these tenants' closures (tests share one table and its stream across files). */
  tenants?: (tenant: string) => boolean;
}

export class ClosureTwin {
  readonly runner: LocalWorkflowRunner;
  private readonly poller: StreamPoller;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  private readonly accepts: (tenant: string) => boolean;

  constructor(options: ClosureTwinOptions) {
    this.accepts = options.tenants ?? (() => true);
    this.runner = new LocalWorkflowRunner({
      definition: localClosureDefinition(),
      stateMachineArn: LOCAL_CLOSURE_STATE_MACHINE_ARN,
      invokeTask: invokeStep,
      offsetMs: (tenant) => tenantClocks().offsetMs(tenant),
      tenantOf: (input) => (input as { tenant: string }).tenant,
    });
    this.poller = new StreamPoller(
      options.endpoint,
      options.tableName,
      async (event) => {
        const mine = { Records: event.Records.filter((r) => this.accepts(r.dynamodb?.NewImage?.tenant?.S ?? '')) };
        for (const { request } of startRequestsOf(mine)) if (request.kind === 'WAKE') this.runner.wake(request.execution_name);
        return startWorkflows(async (name, input) => this.runner.start(name, input), mine);
      },
      options.checkpoints,
    );
  }

  /** Begins reading the stream, follows the sandbox clocks, and resumes every unfinished closure. */
  async start(): Promise<number> {
    await this.poller.start();
    // A `workflow-starter` invoked in this process (a replayed sample) starts executions here too.
    bindLocalExecutionStarter(async (name, input) => this.runner.start(name, input));
    this.unsubscribe = onSandboxClockAdvance(async (tenant, now) => {
      if (this.accepts(tenant)) this.runner.clockAdvanced(tenant, now);
    });
    return this.resumeAll();
  }

  /** Every closure the table records as not finished gets its execution again (a restart). */
  async resumeAll(): Promise<number> {
    let resumed = 0;
    for (const open of await closuresInProgress()) {
      if (!this.accepts(open.tenant)) continue;
      const input = closureInputOf({ ...open, kind: 'START', workflow: 'closure' });
      if (this.runner.start(open.execution_name, input) === 'started') resumed += 1;
    }
    return resumed;
  }

  /** Starts what the stream holds now. */
  poll(): Promise<number> {
    return this.poller.poll();
  }

  /** The stream read, then every execution run until it finishes or sleeps in a Wait. */
  async settle(): Promise<void> {
    await this.poll();
    await this.runner.idle();
  }

  /** `npm start`: reads the stream on a timer. */
  run(pollMs = 250): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.poll()).catch((error) => console.error('closures:', (error as Error).message));
    }, pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    bindLocalExecutionStarter(undefined);
    await this.running;
    this.runner.stop();
    this.poller.close();
  }
}
