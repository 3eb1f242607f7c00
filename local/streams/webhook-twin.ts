import { routeStreamRecords } from '../../functions/streams/webhook-router.js';
import { sendQueueRecords } from '../../functions/queues/webhook-sender.js';
import { type Clock, systemClock } from '../../functions/shared/clock.js';
import type { PipelineContext } from '../../functions/webhooks/context.js';
import type { EndpointTransport } from '../../functions/webhooks/ports.js';
import { onSandboxClockAdvance } from '../../functions/shared/sandbox-clock-listeners.js';
import { sweepDue, sweepTenant } from '../../functions/webhooks/sweeping.js';
import { pipelineContext } from '../../functions/wiring/webhook-pipeline.js';
import { InProcessQueue } from './in-process-queue.js';
import { type CheckpointStore, StreamPoller } from './stream-poller.js';

// The webhook pipeline on the twin: the same router, sender and sweeper code as in AWS, fed by
// DynamoDB Local's stream, an in-process queue and a timer. The clock is real time (or a test's);
// each tenant's time adds its sandbox clock offset (wiring/webhook-pipeline.ts), and a sandbox
// clock advance runs the tenant's due retries at once (followSandboxClock).

export interface WebhookTwinOptions {
  endpoint: string;
  tableName: string;
  clock?: Clock;
  random?: () => number;
  transport?: EndpointTransport;
  /** Where the stream position is kept across restarts (npm start: the state file). */
  checkpoints?: CheckpointStore;
}

export class WebhookTwin {
  readonly queue: InProcessQueue;
  readonly context: PipelineContext;
  private readonly poller: StreamPoller;
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: WebhookTwinOptions) {
    const clock = options.clock ?? systemClock;
    this.queue = new InProcessQueue(clock);
    this.context = pipelineContext({
      clock,
      queue: this.queue,
      ...(options.random ? { random: options.random } : {}),
      ...(options.transport ? { transport: options.transport } : {}),
    });
    this.poller = new StreamPoller(
      options.endpoint,
      options.tableName,
      (event) => routeStreamRecords(this.context, event),
      options.checkpoints,
    );
  }

  start(): Promise<void> {
    return this.poller.start();
  }

  /** Routes what the stream holds now. */
  poll(): Promise<number> {
    return this.poller.poll();
  }

  /** Sends every delivery whose time has come. */
  drain(): Promise<number> {
    return this.queue.drain((event) => sendQueueRecords(this.context, event));
  }

  /** Queues the due-index deliveries that are due. */
  sweep(): Promise<number> {
    return sweepDue(this.context);
  }

  /** Everything due now, end to end: stream, sweeper, queue, until nothing moves. */
  async settle(): Promise<void> {
    for (;;) {
      const moved = (await this.poll()) + (await this.sweep()) + (await this.drain());
      if (moved === 0) return;
    }
  }

  /** A tenant's deliveries due by its own clock, sent, with what the stream holds first. */
  async settleTenant(tenant: string): Promise<void> {
    for (;;) {
      const moved = (await this.poll()) + (await sweepTenant(this.context, tenant)) + (await this.drain());
      if (moved === 0) return;
    }
  }

  /**
   * After each advance of a tenant's sandbox clock (POST /v0/sandbox/clock), sends what fell due
   * by it before the request answers, as the ledger runs its due work. Returns the unsubscribe.
   */
  followSandboxClock(): () => void {
    return onSandboxClockAdvance((tenant) => this.serially(() => this.settleTenant(tenant)));
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.running.then(step);
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs the pipeline on timers, as `npm start` does: stream and queue often, the sweeper every few
   * seconds (on the twin, a sandbox, every retry waits in the due index, so a 30 s retry stays near 30 s).
   */
  run(pollMs = 250, sweepMs = 5_000): void {
    const serial = (step: () => Promise<unknown>) => () => {
      this.running = this.running.then(step).catch((error) => console.error('webhooks:', (error as Error).message));
    };
    this.timers.push(
      setInterval(
        serial(() => this.poll().then(() => this.drain())),
        pollMs,
      ),
    );
    this.timers.push(
      setInterval(
        serial(() => this.sweep()),
        sweepMs,
      ),
    );
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.running;
    this.poller.close();
  }
}
