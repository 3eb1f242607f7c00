import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { type DueKind, LEDGER_KEYS } from './ledger-keys.js';

// The ledger's sparse index of work due across tenants (gsi9, keys in ledger-keys.ts).

/** Scheduled work of one kind due at or before `upTo` (a gsi9 sort-key bound), of one tenant or all, oldest first. */
export const queryDue = async (kind: DueKind, upTo: string, tenant?: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi9',
        KeyConditionExpression: 'gsi9pk = :pk AND gsi9sk <= :upTo',
        ...(tenant ? { FilterExpression: 'tenant = :tenant' } : {}),
        ExpressionAttributeValues: { ':pk': LEDGER_KEYS.dueIndex(kind), ':upTo': upTo, ...(tenant ? { ':tenant': tenant } : {}) },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};
