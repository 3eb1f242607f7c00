import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type IdempotencyRecord, LOCK_SECONDS, REPLAY_WINDOW_SECONDS } from '../../idempotency/model.js';
import type { IdempotencyStore } from '../../idempotency/ports.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';

// The key moved on (committed, or taken over after a stale lock): nothing of ours to change.
const ignoreLostCondition = (error: unknown): void => {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
};

export const dynamoIdempotencyStore: IdempotencyStore = {
  async acquire(tenantId, keyHash, fingerprint, nowSeconds, lockToken) {
    const record: IdempotencyRecord = {
      status: 'IN_PROGRESS',
      lock_token: lockToken,
      fingerprint,
      lock_expires_at: nowSeconds + LOCK_SECONDS,
      expires_at: nowSeconds + REPLAY_WINDOW_SECONDS,
    };
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...KEYS.idempotency(tenantId, keyHash), entity: 'IDEMPOTENCY', ...record },
          // TTL deletion lags by hours, so an expired record counts as absent here.
          ConditionExpression: 'attribute_not_exists(pk) OR expires_at < :now OR (#status = :inProgress AND lock_expires_at < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'IN_PROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { acquired: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) {
        return { acquired: false, existing: stripKeys<IdempotencyRecord>(unmarshall(error.Item)) };
      }
      throw error;
    }
  },

  async complete(tenantId, keyHash, lockToken, response) {
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: KEYS.idempotency(tenantId, keyHash),
          UpdateExpression: 'SET #status = :completed, #response = :response REMOVE lock_expires_at',
          ConditionExpression: 'lock_token = :token',
          ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
          ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': response, ':token': lockToken },
        }),
      )
      .catch(ignoreLostCondition);
  },

  async release(tenantId, keyHash, lockToken) {
    await documentClient()
      .send(
        new DeleteCommand({
          TableName: tableName(),
          Key: KEYS.idempotency(tenantId, keyHash),
          // A COMMITTED key stays taken: the change happened, a retry must not repeat it.
          ConditionExpression: '#status = :inProgress AND lock_token = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':token': lockToken },
        }),
      )
      .catch(ignoreLostCondition);
  },
};
