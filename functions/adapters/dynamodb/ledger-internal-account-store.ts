import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { InternalAccountRecord } from '../../ledger/gl.js';
import type { LedgerStore } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { stripKeys } from './keys.js';
import { internalAccountItem } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { transact, versionedPut } from './transact.js';

// Internal (GL) accounts: the platform GLs created once per tenant, and the operator's reads and writes.

type InternalAccountStore = Pick<LedgerStore, 'ensureGls' | 'getInternalAccount' | 'listInternalAccounts' | 'saveInternalAccount'>;

export const dynamoInternalAccountStore: InternalAccountStore = {
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
