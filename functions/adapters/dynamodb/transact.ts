import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { VersionConflict } from '../../shared/page.js';
import { documentClient } from './client.js';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * One TransactWriteItems for a multi-item change. A failed condition surfaces as
 * VersionConflict naming `what`, so use-cases can re-read and retry.
 */
export const transact = async (what: string, items: TransactItems): Promise<void> => {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    // TransactionConflict: another transaction held one of the items (real DynamoDB only).
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) {
      throw new VersionConflict(what);
    }
    throw error;
  }
};

/** Put guarded by the version the caller read; a create expects no item at all. */
export const versionedPut = (tableName: string, item: Record<string, unknown>, expectedVersion?: number) => ({
  Put: {
    TableName: tableName,
    Item: item,
    ...(expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
  },
});
