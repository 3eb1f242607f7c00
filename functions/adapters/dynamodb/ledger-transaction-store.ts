import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerTransaction } from '../../ledger/model.js';
import type { LedgerStore } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { stripKeys } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryPage } from './query-page.js';

// Transaction reads: one by id, and the tenant-wide POSTED / PENDING lists (gsi8).

type TransactionStore = Pick<LedgerStore, 'getTransaction' | 'listTransactions'>;

export const dynamoTransactionStore: TransactionStore = {
  async getTransaction(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.transaction(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<LedgerTransaction>(Item) : undefined;
  },

  listTransactions: (tenant, list, criteria) =>
    queryPage<LedgerTransaction>({ index: 'gsi8', partitionValue: LEDGER_KEYS.transactionsIndex(tenant, list), ...criteria }),
};
