import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountLine, LedgerStore } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryAll, queryPage } from './query-page.js';

// A customer account's posted lines, read from the account's own partition (LINE#<posted_at>#...).

type LineStore = Pick<LedgerStore, 'accountLines' | 'listAccountLines' | 'listAccountLinesOfMonth' | 'linesBetween' | 'lastLineBefore'>;

export const dynamoLineStore: LineStore = {
  async accountLines(tenant, accountId) {
    return queryAll<AccountLine>({ partitionValue: KEYS.account(tenant, accountId).pk, sortKeyPrefix: LEDGER_KEYS.linePrefix });
  },

  listAccountLines: (tenant, accountId, criteria) =>
    queryPage<AccountLine>({ partitionValue: KEYS.account(tenant, accountId).pk, sortKeyPrefix: LEDGER_KEYS.linePrefix, ...criteria }),

  listAccountLinesOfMonth: (tenant, accountId, month, criteria) =>
    queryPage<AccountLine>({
      partitionValue: KEYS.account(tenant, accountId).pk,
      sortKeyPrefix: `${LEDGER_KEYS.linePrefix}${month}`,
      ...criteria,
    }),

  async linesBetween(tenant, accountId, from, to) {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': KEYS.account(tenant, accountId).pk,
            ':from': `${LEDGER_KEYS.linePrefix}${from}`,
            ':to': `${LEDGER_KEYS.linePrefix}${to}`,
          },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.map((item) => stripKeys<AccountLine>(item));
  },

  async lastLineBefore(tenant, accountId, before) {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': KEYS.account(tenant, accountId).pk,
          ':from': LEDGER_KEYS.linePrefix,
          ':to': `${LEDGER_KEYS.linePrefix}${before}`,
        },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = page.Items?.[0];
    return item ? stripKeys<AccountLine>(item) : undefined;
  },
};
