import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Cursor, Page } from '../../shared/page.js';
import type { WebhookRecord } from '../../webhooks/model.js';
import type { WebhookStore } from '../../webhooks/ports.js';
import { documentClient, tableName } from './client.js';
import { toStoredItem } from './free-form-json.js';
import { stripKeys } from './keys.js';
import { queryPage } from './query-page.js';
import { WEBHOOK_KEYS } from './webhook-keys.js';

const item = (w: WebhookRecord) => toStoredItem({ ...WEBHOOK_KEYS.webhook(w.tenant, w.id), entity: 'WEBHOOK', ...w });

export const dynamoWebhookStore: WebhookStore = {
  async put(webhook) {
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: item(webhook) }));
  },

  async get(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: WEBHOOK_KEYS.webhook(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<WebhookRecord>(Item) : undefined;
  },

  async all(tenant) {
    const found: WebhookRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': WEBHOOK_KEYS.webhooks(tenant), ':sk': WEBHOOK_KEYS.webhookPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      found.push(...Items.map((i) => stripKeys<WebhookRecord>(i)));
      startKey = LastEvaluatedKey;
    } while (startKey);
    return found;
  },

  async list(tenant, { enabledOnly, limit, cursor }): Promise<Page<WebhookRecord>> {
    return queryPage<WebhookRecord>({
      partitionValue: WEBHOOK_KEYS.webhooks(tenant),
      sortKeyPrefix: WEBHOOK_KEYS.webhookPrefix,
      where: enabledOnly ? [{ op: 'eq', field: 'is_enabled', value: true }] : [],
      limit,
      ascending: true,
      ...(cursor ? { cursor: cursor as Cursor } : {}),
    });
  },

  async remove(tenant, id) {
    const { Attributes } = await documentClient().send(
      new DeleteCommand({ TableName: tableName(), Key: WEBHOOK_KEYS.webhook(tenant, id), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  },

  async recordOutcome(tenant, id, success) {
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: WEBHOOK_KEYS.webhook(tenant, id),
          UpdateExpression: success ? 'SET consecutive_failures = :zero REMOVE paused_until' : 'ADD consecutive_failures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: success ? { ':zero': 0 } : { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.consecutive_failures ?? 0);
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 0;
      throw error;
    }
  },

  async setPause(tenant, id, until) {
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: WEBHOOK_KEYS.webhook(tenant, id),
          UpdateExpression: 'SET paused_until = :until',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':until': until },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  },

  async disable(tenant, id, now) {
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: WEBHOOK_KEYS.webhook(tenant, id),
          UpdateExpression: 'SET is_enabled = :false, last_updated = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':false': false, ':now': now },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  },
};
