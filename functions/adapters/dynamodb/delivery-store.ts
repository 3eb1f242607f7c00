import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryRecord } from '../../webhooks/model.js';
import type { DeliveryStore } from '../../webhooks/ports.js';
import { documentClient, tableName } from './client.js';
import { timeOrdered } from './keys.js';
import { queryPage } from './query-page.js';
import { DUE_SHARDS, WEBHOOK_KEYS } from './webhook-keys.js';

// Deliveries: one item per (event, subscription). Every write is conditional on what the writer
// read, so a redelivered stream record, a redelivered queue message or a duplicate from the
// sweeper never adds a delivery or records an attempt twice.

const KEY_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi10pk', 'gsi10sk', 'entity'];

const toRecord = (item: Record<string, unknown>): DeliveryRecord => {
  const copy = { ...item };
  for (const k of KEY_FIELDS) delete copy[k];
  return copy as unknown as DeliveryRecord;
};

const keyOf = (d: Pick<DeliveryRecord, 'tenant' | 'webhook_id'> & { event: { id: string } }) =>
  WEBHOOK_KEYS.delivery(d.tenant, d.webhook_id, d.event.id);

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

const getDelivery = async (tenant: string, webhookId: string, eventId: string) => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: WEBHOOK_KEYS.delivery(tenant, webhookId, eventId), ConsistentRead: true }),
  );
  return Item ? toRecord(Item) : undefined;
};

/** The Put of a new delivery: never over an existing one. `dueAt`: its due index key (real time). */
export const deliveryPut = (delivery: DeliveryRecord, dueAt = delivery.next_attempt_at) => ({
  TableName: tableName(),
  Item: {
    ...keyOf(delivery),
    entity: 'WEBHOOK_DELIVERY',
    gsi1pk: WEBHOOK_KEYS.deliveriesIndex(delivery.tenant, delivery.webhook_id),
    gsi1sk: timeOrdered(delivery.event.event_time, delivery.event.id),
    ...(delivery.next_attempt_at && dueAt ? WEBHOOK_KEYS.due(delivery.tenant, delivery.webhook_id, delivery.event.id, dueAt) : {}),
    ...delivery,
  },
  ConditionExpression: 'attribute_not_exists(pk)',
});

export const dynamoDeliveryStore: DeliveryStore = {
  async create(delivery, dueAt) {
    try {
      await documentClient().send(new PutCommand(deliveryPut(delivery, dueAt)));
      return { created: true, delivery };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = await getDelivery(delivery.tenant, delivery.webhook_id, delivery.event.id);
      return { created: false, delivery: stored ?? delivery };
    }
  },

  get: getDelivery,

  async list(tenant, webhookId, { limit, cursor, startTime, endTime, resourceIds }) {
    const inRange = (d: DeliveryRecord) =>
      (startTime === undefined || d.event.event_time >= startTime) &&
      (endTime === undefined || d.event.event_time <= endTime) &&
      (resourceIds === undefined || (d.event.resource_id !== undefined && resourceIds.includes(d.event.resource_id)));
    const page = await queryPage<Record<string, unknown>>({
      index: 'gsi1',
      partitionValue: WEBHOOK_KEYS.deliveriesIndex(tenant, webhookId),
      limit,
      ascending: false,
      ...(startTime || endTime || resourceIds ? { match: (item: Record<string, unknown>) => inRange(toRecord(item)) } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return { items: page.items.map(toRecord), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async recordAttempt(read, attempt, change) {
    const due =
      change.dueIndexed && change.nextAttemptAt
        ? WEBHOOK_KEYS.due(read.tenant, read.webhook_id, read.event.id, change.dueAt ?? change.nextAttemptAt)
        : undefined;
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(read),
          UpdateExpression: [
            'SET #status = :status, attempt_count = :attempt, chain_attempts = :chain, response_history = :history, last_updated = :now',
            ...(change.nextAttemptAt ? [', next_attempt_at = :next'] : []),
            ...(due ? [', gsi10pk = :duepk, gsi10sk = :duesk'] : []),
            ...(!change.nextAttemptAt || !due
              ? [` REMOVE ${[...(change.nextAttemptAt ? [] : ['next_attempt_at']), ...(due ? [] : ['gsi10pk', 'gsi10sk'])].join(', ')}`]
              : []),
          ].join(''),
          ConditionExpression: 'attempt_count = :previous AND last_updated = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': change.status,
            ':attempt': attempt,
            ':chain': change.chainAttempts,
            ':history': change.history,
            ':now': change.now,
            ':previous': attempt - 1,
            ':seen': read.last_updated,
            ...(change.nextAttemptAt ? { ':next': change.nextAttemptAt } : {}),
            ...(due ? { ':duepk': due.gsi10pk, ':duesk': due.gsi10sk } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async restart(tenant, webhookId, eventId, at, now, dueAt = at) {
    const due = WEBHOOK_KEYS.due(tenant, webhookId, eventId, dueAt);
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: WEBHOOK_KEYS.delivery(tenant, webhookId, eventId),
          UpdateExpression:
            'SET #status = :running, chain_attempts = :zero, next_attempt_at = :at, gsi10pk = :duepk, gsi10sk = :duesk, last_updated = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':running': 'RUNNING',
            ':zero': 0,
            ':at': at,
            ':duepk': due.gsi10pk,
            ':duesk': due.gsi10sk,
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toRecord(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  async due(now, limit) {
    const found: DeliveryRecord[] = [];
    for (let shard = 0; shard < DUE_SHARDS && found.length < limit; shard++) {
      const { Items = [] } = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi10',
          KeyConditionExpression: 'gsi10pk = :pk AND gsi10sk <= :upto',
          ExpressionAttributeValues: { ':pk': WEBHOOK_KEYS.dueShard(shard), ':upto': `${now}#~` },
          Limit: limit - found.length,
        }),
      );
      found.push(...Items.map(toRecord));
    }
    return found;
  },

  async dueOf(tenant, upto, limit) {
    const found: DeliveryRecord[] = [];
    for (let shard = 0; shard < DUE_SHARDS && found.length < limit; shard++) {
      let start: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'gsi10',
            KeyConditionExpression: 'gsi10pk = :pk AND gsi10sk <= :upto',
            FilterExpression: 'tenant = :tenant',
            ExpressionAttributeValues: { ':pk': WEBHOOK_KEYS.dueShard(shard), ':upto': `${upto}#~`, ':tenant': tenant },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        found.push(...Items.map(toRecord));
        start = LastEvaluatedKey;
      } while (start && found.length < limit);
    }
    return found.slice(0, limit);
  },

  async undue(delivery) {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(delivery),
          UpdateExpression: 'REMOVE gsi10pk, gsi10sk',
          ConditionExpression: 'attempt_count = :count AND next_attempt_at = :at',
          ExpressionAttributeValues: { ':count': delivery.attempt_count, ':at': delivery.next_attempt_at ?? '' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
