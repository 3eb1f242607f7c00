import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { VersionConflict } from '../../shared/page.js';
import { documentClient } from './client.js';

// One TransactWriteItems, like transact.ts, but a failed condition is attributed to the item
// that failed: a lost uniqueness claim (account number, template name) is a different answer
// from a version race. TransactionConflict (another transaction held one of our items, e.g.
// fifty creations for one holder) is a race as well: the use-case re-reads and retries.

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Item positions whose failed condition means "claimed", with the error to raise. */
export type Claims = ReadonlyMap<number, () => Error>;

export const transactWithClaims = async (what: string, items: TransactItems, claims: Claims = new Map()): Promise<void> => {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    for (const [index, claimed] of claims) {
      if (reasons[index]?.Code === 'ConditionalCheckFailed') throw claimed();
    }
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) throw new VersionConflict(what);
    throw error;
  }
};
