import { routeStreamRecords } from '../../functions/streams/webhook-router.js';
import { sendQueueRecords } from '../../functions/queues/webhook-sender.js';
import type { Clock } from '../../functions/shared/clock.js';
import type { PipelineContext } from '../../functions/webhooks/context.js';
import type { EndpointTransport } from '../../functions/webhooks/ports.js';
import { sweepDue } from '../../functions/webhooks/sweeping.js';
import { pipelineContext } from '../../functions/wiring/webhook-pipeline.js';
import { InProcessQueue } from './in-process-queue.js';
import { type CheckpointStore, StreamPoller } from './stream-poller.js';

// The webhook pipeline on the twin: the same router, sender and sweeper code as in AWS, fed by
// DynamoDB Local's stream, an in-process queue and a timer. The clock is injected (the sandbox
// clock, or a test's), so retries hours apart happen as soon as the clock says so.

export interface WebhookTwinOptions {
  endpoint: string;
  tableName: string;
  clock: Clock;
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
    this.queue = new InProcessQueue(options.clock);
    this.context = pipelineContext({
      clock: options.clock,
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

  /** Runs the pipeline on timers, as `npm start` does: stream and queue often, the sweeper each minute. */
  run(pollMs = 250, sweepMs = 60_000): void {
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
