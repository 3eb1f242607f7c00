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

const DUE_KINDS: readonly DueKind[] = ['HOLD_EXPIRY', 'INCOMING_ACH', 'ACH_SETTLEMENT', 'PAYMENT_SCHEDULE'];

/**
 * Every entry of every kind due at or before `upTo` (an instant): its tenant and its due key, an
 * instant or a date (a date sorts before every instant of its day, so `due <= instant` reads
 * "due by then" for both). One Query per kind.
 */
export const dueEntries = async (upTo: string): Promise<{ tenant: string; due: string }[]> => {
  const kinds = await Promise.all(DUE_KINDS.map((kind) => queryDue(kind, `${upTo}#~`)));
  return kinds.flat().map((item) => ({ tenant: item.tenant as string, due: (item.gsi9sk as string).split('#')[0] as string }));
};
