import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localClient } from '../local-client.js';

// Reads DynamoDB Local's table stream the way Lambda's event source mapping does, and hands
// each batch to a consumer in the shape Lambda would (a DynamoDBStreamEvent). It starts at the
// end of the stream (LATEST) for the shards open when it starts, and at the beginning of any
// shard that appears later. A batch whose consumer reports a failure is handed again from that
// record on the next poll (the report's sequence number), like the event source mapping.

export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

interface ShardState {
  iterator: string | undefined;
  closed: boolean;
}

/** Where reading stopped, kept across restarts (the twin keeps it in its state file). */
export interface StreamCheckpoint {
  streamArn: string;
  /** The last sequence number handed over, per shard. */
  shards: Record<string, string>;
}

export interface CheckpointStore {
  load(): StreamCheckpoint | undefined;
  save(checkpoint: StreamCheckpoint): void;
}

export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private streamArn: string | undefined;
  private readonly shards = new Map<string, ShardState>();
  private started = false;

  private saved: Record<string, string> = {};

  constructor(
    private readonly endpoint: string,
    private readonly tableName: string,
    private readonly consume: StreamConsumer,
    private readonly checkpoints?: CheckpointStore,
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  }

  /** Marks where reading begins: records written after this call are delivered. */
  async start(): Promise<void> {
    const { Table } = await localClient(this.endpoint).send(new DescribeTableCommand({ TableName: this.tableName }));
    this.streamArn = Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`table ${this.tableName} has no stream`);
    // Resume after the last record handed over before a restart (same stream only): changes made
    // while the twin was stopped are still delivered.
    const previous = this.checkpoints?.load();
    if (previous?.streamArn === this.streamArn) this.saved = { ...previous.shards };
    await this.discover('LATEST');
    this.started = true;
  }

  private async discover(type: 'LATEST' | 'TRIM_HORIZON'): Promise<void> {
    let exclusiveStart: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: exclusiveStart }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
        const after = this.saved[shard.ShardId];
        const { ShardIterator } = await this.streams
          .send(
            new GetShardIteratorCommand({
              StreamArn: this.streamArn,
              ShardId: shard.ShardId,
              ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: type }),
            }),
          )
          // A checkpoint past the stream's retention: start where a fresh start would.
          .catch(() =>
            this.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.ShardId, ShardIteratorType: type })),
          );
        this.shards.set(shard.ShardId, { iterator: ShardIterator, closed: false });
      }
      exclusiveStart = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart);
  }

  /** One round over every shard until each is read to its current end; returns the records handed over. */
  async poll(): Promise<number> {
    if (!this.started) throw new Error('StreamPoller.start() first');
    await this.discover('TRIM_HORIZON');
    let handed = 0;
    for (const [shardId, state] of this.shards) {
      while (state.iterator && !state.closed) {
        const { Records = [], NextShardIterator } = await this.streams.send(
          new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }),
        );
        if (Records.length === 0) {
          state.iterator = NextShardIterator;
          state.closed = NextShardIterator === undefined;
          break;
        }
        const failed = await this.hand(Records);
        handed += Records.length;
        const last = failed === undefined ? Records.at(-1)?.dynamodb?.SequenceNumber : undefined;
        if (last) this.checkpoint(shardId, last);
        if (failed !== undefined) {
          // Retry from the failed record next time (bisect-free: the twin has no DLQ to fill).
          const { ShardIterator } = await this.streams.send(
            new GetShardIteratorCommand({
              StreamArn: this.streamArn,
              ShardId: shardId,
              ShardIteratorType: 'AT_SEQUENCE_NUMBER',
              SequenceNumber: failed,
            }),
          );
          state.iterator = ShardIterator;
          break;
        }
        state.iterator = NextShardIterator;
        state.closed = NextShardIterator === undefined;
      }
    }
    return handed;
  }

  private checkpoint(shardId: string, sequence: string): void {
    if (!this.checkpoints || !this.streamArn) return;
    this.saved[shardId] = sequence;
    this.checkpoints.save({ streamArn: this.streamArn, shards: { ...this.saved } });
  }

  private async hand(records: StreamRecord[]): Promise<string | undefined> {
    const event = { Records: records } as unknown as DynamoDBStreamEvent;
    const { batchItemFailures } = await this.consume(event);
    return batchItemFailures[0]?.itemIdentifier;
  }

  close(): void {
    this.streams.destroy();
  }
}
