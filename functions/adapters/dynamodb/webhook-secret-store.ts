import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../shared/errors.js';
import type { SecretSet } from '../../webhooks/model.js';
import type { SecretStore } from '../../webhooks/ports.js';
import { documentClient, tableName } from './client.js';
import { WEBHOOK_KEYS } from './webhook-keys.js';

// The tenant's signing secrets. The table is encrypted with the stack's KMS key; the values are
// never logged (the logger redacts any key named like *secret*) and leave the table only to sign
// a delivery or in the POST/PUT answers that hand a new secret to its owner.

export const dynamoSecretStore: SecretStore = {
  async get(tenant) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: WEBHOOK_KEYS.secret(tenant), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return { tenant, current: Item.current, ...(Item.previous ? { previous: Item.previous } : {}) } as SecretSet;
  },

  async put(set, expectedCurrent) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...WEBHOOK_KEYS.secret(set.tenant), entity: 'WEBHOOK_SECRET', ...set },
          ...(expectedCurrent === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#current.#value = :expected',
                ExpressionAttributeNames: { '#current': 'current', '#value': 'value' },
                ExpressionAttributeValues: { ':expected': expectedCurrent },
              }),
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException')
        throw conflict('the webhook secret was changed by another request; retry', 'CONCURRENT_MODIFICATION');
      throw error;
    }
  },

  async remove(tenant) {
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: WEBHOOK_KEYS.secret(tenant) }));
  },
};
