import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toAuthorizerEvent, toProxyEvent } from '../../../local/apigw-event.js';
import { dynamodbStreamEvent } from '../../../local/events/dynamodb-stream.js';
import { triggerKindOf } from '../../../local/events/kinds.js';
import { scheduledEvent } from '../../../local/events/scheduled.js';
import { queueNameOf, sqsEvent } from '../../../local/events/sqs.js';
import { workflowTaskEvent } from '../../../local/events/workflow-task.js';
import { createRouteMatcher } from '../../../local/route-matcher.js';

const now = new Date('2025-01-15T12:00:00.000Z');

describe('dynamodbStreamEvent', () => {
  const event = dynamodbStreamEvent(
    [
      { eventName: 'INSERT', newImage: { pk: 'P#1', sk: 'P', amount: 1250, tags: ['a'] } },
      { eventName: 'MODIFY', oldImage: { pk: 'P#1', sk: 'P', amount: 1250 }, newImage: { pk: 'P#1', sk: 'P', amount: 0 } },
      { eventName: 'REMOVE', oldImage: { pk: 'P#2', sk: 'P' } },
    ],
    { tableName: 'bankline-local', now, seed: 'test' },
  );

  it('carries the images the table’s NEW_AND_OLD_IMAGES view gives each kind of change', () => {
    expect(event.Records.map((r) => [r.eventName, Boolean(r.dynamodb?.NewImage), Boolean(r.dynamodb?.OldImage)])).toEqual([
      ['INSERT', true, false],
      ['MODIFY', true, true],
      ['REMOVE', false, true],
    ]);
    expect(event.Records.every((r) => r.dynamodb?.StreamViewType === 'NEW_AND_OLD_IMAGES' && r.eventSource === 'aws:dynamodb')).toBe(true);
  });

  it('marshals items and keys as DynamoDB does', () => {
    const [insert, , remove] = event.Records;
    expect(insert!.dynamodb!.NewImage).toEqual({ pk: { S: 'P#1' }, sk: { S: 'P' }, amount: { N: '1250' }, tags: { L: [{ S: 'a' }] } });
    expect(insert!.dynamodb!.Keys).toEqual({ pk: { S: 'P#1' }, sk: { S: 'P' } });
    expect(remove!.dynamodb!.Keys).toEqual({ pk: { S: 'P#2' }, sk: { S: 'P' } });
    expect(insert!.eventSourceARN).toMatch(/^arn:aws:dynamodb:[a-z0-9-]+:\d{12}:table\/bankline-local\/stream\//);
  });

  it('numbers records in increasing order, the same for the same seed', () => {
    const sequence = event.Records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(sequence).size).toBe(3);
    expect(
      dynamodbStreamEvent([{ eventName: 'REMOVE', oldImage: { pk: 'P#2', sk: 'P' } }], { now, seed: 'test' }).Records[0]!.eventID,
    ).toBe(event.Records[0]!.eventID);
  });
});

describe('sqsEvent', () => {
  const event = sqsEvent(
    'webhook-deliveries',
    [
      { body: { id: 'e1' }, attributes: { tenant: 't1' } },
      { body: 'plain', receiveCount: 3 },
    ],
    { now, seed: 's' },
  );

  it('sends JSON bodies with their MD5, from the named queue', () => {
    const [first, second] = event.Records;
    expect(first!.body).toBe('{"id":"e1"}');
    expect(first!.md5OfBody).toBe(createHash('md5').update('{"id":"e1"}').digest('hex'));
    expect(first!.messageAttributes.tenant).toMatchObject({ stringValue: 't1', dataType: 'String' });
    expect(second!.attributes.ApproximateReceiveCount).toBe('3');
    expect(queueNameOf(first!.eventSourceARN)).toBe('webhook-deliveries');
    expect(first!.messageId).not.toBe(second!.messageId);
  });
});

describe('scheduledEvent and workflowTaskEvent', () => {
  it('builds EventBridge’s Scheduled Event for the rule, to the second', () => {
    expect(scheduledEvent('ach-settlement', { now, seed: 'x' })).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2025-01-15T12:00:00Z',
      resources: [expect.stringMatching(/:rule\/ach-settlement$/)],
      detail: {},
    });
  });

  it('wraps the state input with the execution and state of the context object', () => {
    const event = workflowTaskEvent({ account_id: 'a1' }, { stateMachine: 'closure', state: 'WriteOff', executionName: 'run-1', now });
    expect(event).toMatchObject({
      input: { account_id: 'a1' },
      execution: {
        Id: expect.stringMatching(/^arn:aws:states:[a-z0-9-]+:\d{12}:execution:closure:run-1$/),
        Name: 'run-1',
        StartTime: now.toISOString(),
      },
      state: { Name: 'WriteOff', RetryCount: 0 },
      stateMachine: { Name: 'closure' },
    });
    expect(event.execution.RoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
  });
});

describe('triggerKindOf tells every builder’s event apart', () => {
  const request = {
    method: 'GET',
    url: '/v0/customers',
    headers: [['Authorization', 'Bearer x']] as const,
    body: null,
    sourceIp: '127.0.0.1',
  };
  const proxy = toProxyEvent(request, createRouteMatcher()('GET', '/v0/customers')!);

  it.each([
    ['http', proxy],
    ['authorizer', toAuthorizerEvent(proxy)],
    ['table-stream', dynamodbStreamEvent([{ eventName: 'INSERT', newImage: { pk: 'a', sk: 'b' } }])],
    ['queue', sqsEvent('q', [{ body: 'x' }])],
    ['schedule', scheduledEvent('r')],
    ['workflow-task', workflowTaskEvent({}, { stateMachine: 'm', state: 's' })],
  ] as const)('%s', (kind, event) => {
    expect(triggerKindOf(event)).toBe(kind);
  });

  it('and says nothing about other JSON', () => {
    expect(triggerKindOf({ account_id: 'a1' })).toBeUndefined();
    expect(triggerKindOf([1, 2])).toBeUndefined();
  });
});
