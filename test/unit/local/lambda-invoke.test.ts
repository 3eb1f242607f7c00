import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { FunctionDefinition, Trigger } from '../../../functions/functions.js';
import { dynamodbStreamEvent } from '../../../local/events/dynamodb-stream.js';
import { scheduledEvent } from '../../../local/events/scheduled.js';
import { sqsEvent } from '../../../local/events/sqs.js';
import { workflowTaskEvent } from '../../../local/events/workflow-task.js';
import { invokeFunction, MAX_WORKFLOW_PAYLOAD_BYTES } from '../../../local/lambda-invoke.js';
import { script } from './fixtures/scripted-handler.js';

const definition = (trigger: Trigger, extra: Partial<FunctionDefinition> = {}): FunctionDefinition => ({
  name: 'scripted',
  entry: 'test/unit/local/fixtures/scripted-handler.ts',
  description: 'test',
  trigger,
  env: [],
  grants: [],
  ...extra,
});

const stream = definition({ kind: 'table-stream' });
const queue = definition({ kind: 'queue', queue: 'webhooks' });
const task = definition({ kind: 'workflow-task', stateMachine: 'closure' });
const schedule = definition({ kind: 'schedule', expression: 'rate(1 hour)' });

const streamEvent = dynamodbStreamEvent([
  { eventName: 'INSERT', newImage: { pk: 'A', sk: 'A' } },
  { eventName: 'REMOVE', oldImage: { pk: 'B', sk: 'B' } },
]);
const queueEvent = sqsEvent('webhooks', [{ body: { n: 1 } }, { body: { n: 2 } }]);
const taskEvent = workflowTaskEvent({ accountId: 'x' }, { stateMachine: 'closure', state: 'CheckPending' });

describe('batch responses (table streams and queues)', () => {
  it('reads no response as "the whole batch succeeded"', async () => {
    script(async () => undefined);
    expect(await invokeFunction(stream, streamEvent)).toEqual({ ok: true, result: { batchItemFailures: [] } });
    script(async () => ({}));
    expect(await invokeFunction(queue, queueEvent)).toEqual({ ok: true, result: { batchItemFailures: [] } });
  });

  it('passes back failures naming records of the batch', async () => {
    const sequence = streamEvent.Records[1]!.dynamodb!.SequenceNumber!;
    script(async () => ({ batchItemFailures: [{ itemIdentifier: sequence }] }));
    expect(await invokeFunction(stream, streamEvent)).toEqual({ ok: true, result: { batchItemFailures: [{ itemIdentifier: sequence }] } });
    const messageId = queueEvent.Records[0]!.messageId;
    script(async () => ({ batchItemFailures: [{ itemIdentifier: messageId }] }));
    expect(await invokeFunction(queue, queueEvent)).toEqual({ ok: true, result: { batchItemFailures: [{ itemIdentifier: messageId }] } });
  });

  it('treats a failure naming a record outside the batch as malformed, as Lambda fails the whole batch', async () => {
    script(async () => ({ batchItemFailures: [{ itemIdentifier: 'not-in-the-batch' }] }));
    expect(await invokeFunction(stream, streamEvent)).toMatchObject({ ok: false, reason: 'malformed' });
    script(async () => ({ batchItemFailures: [{ itemIdentifier: queueEvent.Records[0]!.receiptHandle }] }));
    expect(await invokeFunction(queue, queueEvent)).toMatchObject({ ok: false, reason: 'malformed' });
    script(async () => 'done');
    expect(await invokeFunction(queue, queueEvent)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('plain JSON results (workflow tasks and schedules)', () => {
  it('serialises the result as Lambda does', async () => {
    script(async () => ({ at: new Date('2025-01-15T12:00:00.000Z'), skipped: undefined }));
    expect(await invokeFunction(task, taskEvent)).toEqual({ ok: true, result: { at: '2025-01-15T12:00:00.000Z' } });
    script(async () => undefined);
    expect(await invokeFunction(schedule, scheduledEvent('hourly'))).toEqual({ ok: true, result: null });
  });

  it('refuses what Step Functions or Lambda cannot carry', async () => {
    script(async () => ({ amount: 10n }));
    expect(await invokeFunction(task, taskEvent)).toMatchObject({ ok: false, reason: 'malformed' });
    script(async () => ({ blob: 'x'.repeat(MAX_WORKFLOW_PAYLOAD_BYTES) }));
    expect(await invokeFunction(task, taskEvent)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('every invocation', () => {
  it('gets a Lambda context from the registry entry and its own copy of the event', async () => {
    let seen: Context | undefined;
    script(async (event, context) => {
      seen = context;
      (event as { input: { accountId: string } }).input.accountId = 'changed';
      return null;
    });
    await invokeFunction(definition(task.trigger, { memorySize: 1024, timeoutSeconds: 30 }), taskEvent);
    expect(seen).toMatchObject({ functionName: 'bankline-local-scripted', memoryLimitInMB: '1024' });
    expect(seen!.getRemainingTimeInMillis()).toBeLessThanOrEqual(30_000);
    expect(seen!.getRemainingTimeInMillis()).toBeGreaterThan(10_000);
    expect(taskEvent.input.accountId).toBe('x');
  });

  it('reports a throw, a hang past the timeout and a module that does not load', async () => {
    script(async () => {
      throw new Error('boom');
    });
    expect(await invokeFunction(task, taskEvent)).toMatchObject({ ok: false, reason: 'error', error: new Error('boom') });
    script(() => new Promise(() => undefined));
    expect(await invokeFunction(definition(task.trigger, { timeoutSeconds: 0.01 }), taskEvent)).toEqual({ ok: false, reason: 'timeout' });
    const missing = await invokeFunction(definition(task.trigger, { entry: 'functions/workflows/no-such-task.ts' }), taskEvent);
    expect(missing).toMatchObject({ ok: false, reason: 'error' });
  });

  it('checks an authorizer result for a principal and a policy', async () => {
    const authorizer = definition({ kind: 'authorizer' });
    script(async () => ({ principalId: 'key-1' }));
    expect(await invokeFunction(authorizer, {} as never)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
