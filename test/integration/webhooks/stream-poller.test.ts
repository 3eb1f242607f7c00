import { DYNAMODB_ENDPOINT, TEST_TABLE } from '../../helpers/api.js';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { table } from '../../helpers/api.js';
import { outboxPut } from '../../../functions/adapters/dynamodb/outbox.js';
import { type StreamCheckpoint, StreamPoller } from '../../../local/streams/stream-poller.js';

// The twin's stream reader resumes after the last record it handed over: what is written while
// it is stopped is delivered after a restart, and nothing before is handed over twice.

const tenant = randomUUID();
const write = async (n: number): Promise<string[]> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  await table().send(
    new TransactWriteCommand({
      TransactItems: ids.map((id) =>
        outboxPut({
          id,
          type: 'ACCOUNT.UPDATED',
          tenant,
          resource_id: id,
          event_time: new Date().toISOString(),
          event_resource: {},
          audit: { request_id: 'r', api_key_id: 'k', method: 'PATCH', path: '/' },
        }),
      ),
    }),
  );
  return ids;
};

it('resumes from its checkpoint after a restart', async () => {
  let saved: StreamCheckpoint | undefined;
  const store = { load: () => saved, save: (c: StreamCheckpoint) => (saved = c) };
  const seen: string[] = [];
  const consume = async (event: DynamoDBStreamEvent) => {
    for (const r of event.Records) {
      const item = unmarshall(r.dynamodb!.NewImage as never);
      if (item.tenant === tenant) seen.push(item.id);
    }
    return { batchItemFailures: [] };
  };
  const first = new StreamPoller(DYNAMODB_ENDPOINT, TEST_TABLE, consume, store);
  await first.start();
  const before = await write(3);
  await first.poll();
  first.close();
  const whileStopped = await write(2);
  const second = new StreamPoller(DYNAMODB_ENDPOINT, TEST_TABLE, consume, store);
  await second.start();
  await second.poll();
  second.close();
  expect(seen).toEqual([...before, ...whileStopped]);
});
