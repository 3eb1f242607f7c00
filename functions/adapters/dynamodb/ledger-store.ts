import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GL_SHARDS, type InternalAccountRecord } from '../../ledger/gl.js';
import type { LedgerTransaction } from '../../ledger/model.js';
import { type AccountLine, type LedgerStore, type PostingAccounts, TransactionExists } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { type AccountItem, balanceRecordOf, internalAccountItem, postingItems } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { transact, versionedPut } from './transact.js';

type Key = { pk: string; sk: string };

/** Strongly consistent BatchGetItem of up to 100 keys, following UnprocessedKeys. */
export const batchGet = async (keys: readonly Key[]): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const out = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[tableName()] ?? []));
      pending = out.UnprocessedKeys?.[tableName()]?.Keys as Key[] | undefined;
    }
  }
  return found;
};

/** Every item of one partition (table or index), in key order; operator reads and tests, never a request path. */
const queryEvery = async (partition: { index?: string; attribute: string; value: string }, prefix?: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const sortAttribute = partition.attribute.replace(/pk$/, 'sk');
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        ...(partition.index ? { IndexName: partition.index } : {}),
        KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partition.attribute, ...(prefix ? { '#sk': sortAttribute } : {}) },
        ExpressionAttributeValues: { ':pk': partition.value, ...(prefix ? { ':prefix': prefix } : {}) },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

export const dynamoLedgerStore: LedgerStore = {
  async accounts(tenant, ids) {
    const keys = ids.flatMap((id) => [KEYS.account(tenant, id), LEDGER_KEYS.internalAccount(tenant, id)]);
    const items = await batchGet(keys);
    const result: PostingAccounts = { customers: new Map(), gls: new Map() };
    for (const item of items) {
      if (item.sk === 'ACCOUNT') {
        const record = balanceRecordOf(item as unknown as AccountItem);
        result.customers.set(record.account_id, record);
      } else {
        const gl = stripKeys<InternalAccountRecord>(item);
        result.gls.set(gl.id, gl);
      }
    }
    return result;
  },

  async getTransaction(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.transaction(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<LedgerTransaction>(Item) : undefined;
  },

  async commit(write) {
    // A new transaction's id is its idempotency: position i failing its attribute_not_exists
    // means this movement was already made (a rerun job step), not a race to retry.
    const claims = new Map(
      write.transactions.flatMap((t, i) => (t.expectedStatus ? [] : [[i, () => new TransactionExists(t.record.id)] as const])),
    );
    await transact('ledger posting', postingItems(write), claims);
  },

  async ensureGls(records) {
    for (const record of records) {
      try {
        await documentClient().send(
          new PutCommand({ TableName: tableName(), Item: internalAccountItem(record), ConditionExpression: 'attribute_not_exists(pk)' }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  },

  async glBalance(tenant, glId) {
    const shards = await batchGet(Array.from({ length: GL_SHARDS }, (_, n) => LEDGER_KEYS.glShard(tenant, glId, n)));
    return shards.reduce((total, shard) => total + ((shard.net_credit as number | undefined) ?? 0), 0);
  },

  async books(tenant) {
    const accountItems = await queryEvery({ index: 'gsi1', attribute: 'gsi1pk', value: KEYS.accountsIndex(tenant) });
    const glItems = await queryEvery({ index: 'gsi1', attribute: 'gsi1pk', value: LEDGER_KEYS.internalAccountsIndex(tenant) });
    const gls = await Promise.all(
      glItems.map(async (item) => {
        const gl = stripKeys<InternalAccountRecord>(item);
        return { id: gl.id, currency: gl.currency, net_credit: await this.glBalance(tenant, gl.id) };
      }),
    );
    return { customers: accountItems.map((item) => balanceRecordOf(item as unknown as AccountItem)), gls };
  },

  async accountLines(tenant, accountId) {
    const items = await queryEvery({ attribute: 'pk', value: KEYS.account(tenant, accountId).pk }, LEDGER_KEYS.linePrefix);
    return items.map((item) => stripKeys<AccountLine>(item));
  },

  listAccountLines: (tenant, accountId, criteria) =>
    queryPage<AccountLine>({ partitionValue: KEYS.account(tenant, accountId).pk, sortKeyPrefix: LEDGER_KEYS.linePrefix, ...criteria }),

  listTransactions: (tenant, list, criteria) =>
    queryPage<LedgerTransaction>({ index: 'gsi8', partitionValue: LEDGER_KEYS.transactionsIndex(tenant, list), ...criteria }),

  async getInternalAccount(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.internalAccount(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<InternalAccountRecord>(Item) : undefined;
  },

  listInternalAccounts: (tenant, criteria) =>
    queryPage<InternalAccountRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.internalAccountsIndex(tenant), ...criteria }),

  async saveInternalAccount(record, expectedVersion, event) {
    await transact('internal account', [versionedPut(tableName(), internalAccountItem(record), expectedVersion), outboxPut(event)]);
  },
};
