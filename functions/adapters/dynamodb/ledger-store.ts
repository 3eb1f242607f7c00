import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GL_SHARDS, type InternalAccountRecord } from '../../ledger/gl.js';
import type { IncomingAchRecord } from '../../ledger/incoming-ach.js';
import type { LedgerTransaction } from '../../ledger/model.js';
import type { StatementRecord } from '../../ledger/statements.js';
import { type AccountLine, type AccrualRecord, type LedgerStore, type PostingAccounts, TransactionExists } from '../../ledger/ports.js';
import { VersionConflict } from '../../shared/page.js';
import { batchGet } from './batch-get.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { type AccountItem, balanceRecordOf, incomingAchItem, internalAccountItem, postingItems } from './ledger-items.js';
import { queryDue } from './ledger-due-index.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { dynamoDisputeStore } from './ledger-dispute-store.js';
import { dynamoPaymentScheduleStore } from './ledger-schedule-store.js';
import { outboxPut } from './outbox.js';
import { queryAll, queryPage } from './query-page.js';
import { transact, versionedPut } from './transact.js';

export const dynamoLedgerStore: LedgerStore = {
  ...dynamoDisputeStore,
  ...dynamoPaymentScheduleStore,

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
    const accountItems = await queryAll<AccountItem>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenant) });
    const glRecords = await queryAll<InternalAccountRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.internalAccountsIndex(tenant) });
    const gls = await Promise.all(
      glRecords.map(async (gl) => ({ id: gl.id, currency: gl.currency, net_credit: await this.glBalance(tenant, gl.id) })),
    );
    return { customers: accountItems.map(balanceRecordOf), gls };
  },

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

  async accountIdByNumber(tenant, accountNumber) {
    const { Item: tenantItem } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: KEYS.tenant(tenant) }));
    const routing = tenantItem?.bank_routing as string | undefined;
    if (!routing) return undefined;
    const { Item: claim } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: KEYS.accountNumberClaim(routing, accountNumber), ConsistentRead: true }),
    );
    // The claim is bank-wide: a number of another tenant's account is not this tenant's to fund.
    return claim?.tenant === tenant ? (claim.account_id as string) : undefined;
  },

  async saveIncomingAch(record, accountNumber) {
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: incomingAchItem(record, accountNumber) }));
  },

  async dueIncomingAch(day, tenant) {
    const items = await queryDue('INCOMING_ACH', `${day}#~`, tenant);
    return items.map((item) => ({ record: stripKeys<IncomingAchRecord>(item), account_number: item.account_number as string }));
  },

  async expiringHolds(at, tenant) {
    const items = await queryDue('HOLD_EXPIRY', `${at}#~`, tenant);
    return items.map((item) => ({ tenant: item.tenant as string, id: item.id as string }));
  },

  async dueAchSettlements(at, tenant) {
    const items = await queryDue('ACH_SETTLEMENT', `${at}#~`, tenant);
    return items.map((item) => ({ tenant: item.tenant as string, id: item.id as string }));
  },

  async clockOffset(tenant) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.sandboxClock(tenant), ConsistentRead: true }),
    );
    return { offset_ms: (Item?.offset_ms as number | undefined) ?? 0, version: (Item?.version as number | undefined) ?? 0 };
  },

  async saveClockOffset(tenant, offsetMs, expectedVersion) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...LEDGER_KEYS.sandboxClock(tenant), entity: 'SANDBOX_CLOCK', tenant, offset_ms: offsetMs, version: expectedVersion + 1 },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
          ...(expectedVersion === 0
            ? {}
            : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new VersionConflict('sandbox clock');
      throw error;
    }
  },

  listIncomingAch: (tenant, criteria) =>
    queryPage<IncomingAchRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.incomingAchIndex(tenant), ...criteria }),

  listOutgoingAch: (tenant, criteria) =>
    queryPage<LedgerTransaction>({ index: 'gsi1', partitionValue: LEDGER_KEYS.outgoingAchIndex(tenant), ...criteria }),

  async interestAccounts(tenant) {
    const items = await queryAll<Record<string, unknown>>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenant) });
    const withProduct = items.filter((item) => typeof item.interest_product_id === 'string');
    const productIds = [...new Set(withProduct.map((item) => item.interest_product_id as string))];
    const products = new Map((await batchGet(productIds.map((id) => KEYS.accountProduct(tenant, id)))).map((p) => [p.id as string, p]));
    return withProduct.flatMap((item) => {
      const product = products.get(item.interest_product_id as string);
      if (!product) return [];
      return [
        {
          record: balanceRecordOf(item as unknown as AccountItem),
          open_date: (item.open_date as string | undefined) ?? (item.creation_time as string).slice(0, 10),
          terms: {
            calculation_method: product.calculation_method as 'COMPOUNDED_DAILY' | 'COMPOUNDED_MONTHLY',
            accrual_payout_schedule: product.accrual_payout_schedule as 'MONTHLY' | 'NONE',
            rates: product.rates as { rate: number; valid_from: string; valid_to?: string }[],
          },
        },
      ];
    });
  },

  async lastAccrual(tenant, accountId) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': KEYS.account(tenant, accountId).pk, ':prefix': LEDGER_KEYS.accrualPrefix },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? stripKeys<AccrualRecord>(item) : undefined;
  },

  async accruals(tenant, accountId, from, to) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': KEYS.account(tenant, accountId).pk,
          ':from': LEDGER_KEYS.accrual(tenant, accountId, from).sk,
          ':to': LEDGER_KEYS.accrual(tenant, accountId, to).sk,
        },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => stripKeys<AccrualRecord>(item));
  },

  async saveAccrual(record) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...LEDGER_KEYS.accrual(record.tenant, record.account_id, record.day), entity: 'INTEREST_ACCRUAL', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

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

  async saveStatement(record, event) {
    try {
      await transact(
        'statement',
        [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...LEDGER_KEYS.statement(record.tenant, record.id),
                gsi1pk: LEDGER_KEYS.statementsIndex(record.tenant, record.account_id),
                gsi1sk: `${record.month}#${record.id}`,
                entity: 'STATEMENT',
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          outboxPut(event),
        ],
        new Map([[0, () => new TransactionExists(record.id)]]),
        { marksRequest: false },
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionExists) return false;
      throw error;
    }
  },

  async getStatement(tenant, id) {
    const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.statement(tenant, id) }));
    return Item ? stripKeys<StatementRecord>(Item) : undefined;
  },

  listStatements: (tenant, accountId, criteria) =>
    queryPage<StatementRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.statementsIndex(tenant, accountId), ...criteria }),
};
