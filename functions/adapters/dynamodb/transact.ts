import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { heldKey } from '../../idempotency/held-key.js';
import { IdempotencyKeyInUse } from '../../shared/domain-errors.js';
import { VersionConflict } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { toStoredItem } from './free-form-json.js';
import { KEYS } from './keys.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Item positions whose failed condition means "already claimed" (a unique value), with the error to raise. */
export type Claims = ReadonlyMap<number, () => Error>;

// The request's Idempotency-Key, if it holds one, is marked COMMITTED in the same transaction
// as the change, on condition that this request still owns it.
const commitMarker = () => {
  const held = heldKey();
  if (!held || held.committed) return undefined;
  return {
    held,
    item: {
      Update: {
        TableName: tableName(),
        Key: KEYS.idempotency(held.tenantId, held.keyHash),
        UpdateExpression: 'SET #status = :committed',
        ConditionExpression: '#status = :inProgress AND lock_token = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':committed': 'COMMITTED', ':inProgress': 'IN_PROGRESS', ':token': held.lockToken },
      },
    },
  };
};

export interface TransactOptions {
  /**
   * False for a write the platform makes on the side of the request's own change (the KYC
   * hook's account writes): COMMITTED must mean the request's change was applied, so a side
   * write made before it must not take the marker.
   */
  marksRequest?: boolean;
}

/**
 * One TransactWriteItems for a multi-item change. A failed condition is attributed: a lost
 * claim raises the claim's error, a lost Idempotency-Key a 409, anything else (including
 * TransactionConflict, another transaction holding one of our items) a VersionConflict
 * naming `what`, so use-cases re-read and retry.
 */
export const transact = async (
  what: string,
  items: TransactItems,
  claims: Claims = new Map(),
  options: TransactOptions = {},
): Promise<void> => {
  const marker = options.marksRequest === false ? undefined : commitMarker();
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: marker ? [...items, marker.item] : items }));
    if (marker) marker.held.committed = true;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    if (marker && reasons[items.length]?.Code === 'ConditionalCheckFailed') {
      throw new IdempotencyKeyInUse('this Idempotency-Key was taken over by a later request');
    }
    for (const [index, claimed] of claims) {
      if (reasons[index]?.Code === 'ConditionalCheckFailed') throw claimed();
    }
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) throw new VersionConflict(what);
    throw error;
  }
};

/** Put guarded by the version the caller read; a create expects no item at all. Client JSON is stored encoded (free-form-json.ts). */
export const versionedPut = (table: string, item: Record<string, unknown>, expectedVersion?: number) => ({
  Put: {
    TableName: table,
    Item: toStoredItem(item),
    ...(expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
  },
});
