import { describe, expect, it } from 'vitest';
import type { StartOutcome } from '../../../functions/adapters/sfn/execution-starter.js';
import { startWorkflows } from '../../../functions/streams/workflow-starter.js';
import { dynamodbStreamEvent } from '../../../local/events/dynamodb-stream.js';

// The starter starts one execution per START request (a redelivery is "already started", a
// success), ignores WAKE requests and every other record, and reports the first failure so the
// stream retries from it.

const request = (n: number, kind: 'START' | 'WAKE' = 'START') => ({
  eventName: 'INSERT' as const,
  newImage: {
    pk: 'TENANT#t1#WORKFLOW_START',
    sk: `c${n}#000001`,
    entity: 'WORKFLOW_START',
    kind,
    workflow: 'closure',
    tenant: 't1',
    account_id: `a${n}`,
    closure_id: `c${n}`,
    execution_name: `close-a${n}`,
  },
});

describe('workflow starter', () => {
  it('starts each START request by its deterministic name and input, and ignores the rest', async () => {
    const started: [string, unknown][] = [];
    const start = async (name: string, input: unknown): Promise<StartOutcome> => {
      started.push([name, input]);
      return started.length === 2 ? 'already-started' : 'started';
    };
    const event = dynamodbStreamEvent([
      request(1),
      request(2, 'WAKE'),
      { eventName: 'INSERT', newImage: { pk: 'x', sk: 'y', entity: 'EVENT' } },
      request(3),
    ]);
    expect(await startWorkflows(start, event)).toEqual({ batchItemFailures: [] });
    expect(started).toEqual([
      ['close-a1', { tenant: 't1', account_id: 'a1', closure_id: 'c1' }],
      ['close-a3', { tenant: 't1', account_id: 'a3', closure_id: 'c3' }],
    ]);
  });

  it('reports the first record it could not start', async () => {
    const event = dynamodbStreamEvent([request(1), request(2)]);
    const failing = async (name: string): Promise<StartOutcome> => {
      if (name === 'close-a2') throw new Error('throttled');
      return 'started';
    };
    const result = await startWorkflows(failing, event);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]!.dynamodb!.SequenceNumber }]);
  });
});
