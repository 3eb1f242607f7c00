import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { HeldAccount } from '../../accounts/holder-kyc.js';
import type { AccountRecord, RelationshipRecord } from '../../accounts/model.js';
import { AccountNumberTaken, type AccountStore, type HolderGuard } from '../../accounts/ports.js';
import { KYC_RELATIONSHIPS } from '../../accounts/relationship-rules.js';
import type { OutboxEvent } from '../../events/model.js';
import { accountItem, accountNumberClaimPut, holderGuardItem, relationshipItem } from './account-items.js';
import { queryAll, queryPage } from './query-page.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { transact, type TransactItems, versionedPut } from './transact.js';

const getRecord = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key }));
  return Item ? stripKeys<T>(Item) : undefined;
};

const guardsAndEvents = (holders: readonly HolderGuard[], now: string, events: readonly OutboxEvent[]): TransactItems => [
  ...holders.map((guard) => holderGuardItem(guard, now)),
  ...[...events, ...holders.flatMap((guard) => (guard.event ? [guard.event] : []))].map(outboxPut),
];

export const dynamoAccountStore: AccountStore = {
  getAccount: (tenantId, id) => getRecord<AccountRecord>(KEYS.account(tenantId, id)),

  async createAccount({ account, relationships, holders, event }) {
    const items: TransactItems = [
      versionedPut(tableName(), accountItem(account)),
      accountNumberClaimPut(account),
      ...relationships.map((r) => versionedPut(tableName(), relationshipItem(r))),
      ...guardsAndEvents(holders, account.creation_time, [event]),
    ];
    await transact('account', items, new Map([[1, () => new AccountNumberTaken()]]));
  },

  async replaceAccount({ account, expectedVersion, events }) {
    await transact('account', [versionedPut(tableName(), accountItem(account), expectedVersion), ...events.map(outboxPut)]);
  },

  listAccounts: (tenantId, criteria) => queryPage<AccountRecord>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenantId), ...criteria }),

  getRelationship: (tenantId, accountId, id) => getRecord<RelationshipRecord>(KEYS.accountRelationship(tenantId, accountId, id)),

  relationshipsOf: (tenantId, accountId) =>
    queryAll<RelationshipRecord>({ partitionValue: KEYS.account(tenantId, accountId).pk, sortKeyPrefix: KEYS.relationshipPrefix }),

  listRelationships: (tenantId, accountId, criteria) =>
    queryPage<RelationshipRecord>({ partitionValue: KEYS.account(tenantId, accountId).pk, sortKeyPrefix: KEYS.relationshipPrefix, ...criteria }),

  async saveRelationshipChange({ account, expectedVersion, events, put, remove, holders }) {
    const items: TransactItems = [
      // The account's version serialises every relationship change of this account.
      versionedPut(tableName(), accountItem(account), expectedVersion),
      ...(put ? [{ Put: { TableName: tableName(), Item: relationshipItem(put) } }] : []),
      ...(remove
        ? [{ Delete: { TableName: tableName(), Key: KEYS.accountRelationship(remove.tenant, remove.account_id, remove.id), ConditionExpression: 'attribute_exists(pk)' } }]
        : []),
      ...guardsAndEvents(holders, account.last_updated_time, events),
    ];
    await transact('account', items);
  },

  relationshipsOfHolder: (tenantId, holderId) =>
    queryAll<RelationshipRecord>({ index: 'gsi2', partitionValue: KEYS.holderRelationshipsIndex(tenantId, holderId) }),
};

/**
 * For the KYC hook: the accounts a person or business owns or signs for, each with all its
 * relationships (one Query on the holder index, then one Query per account partition).
 */
export const accountsHeldBy = async (tenantId: string, holderId: string): Promise<HeldAccount[]> => {
  const links = await dynamoAccountStore.relationshipsOfHolder(tenantId, holderId);
  const accountIds = [...new Set(links.filter((r) => KYC_RELATIONSHIPS.includes(r.relationship_type)).map((r) => r.account_id))];
  const partitions = await Promise.all(
    accountIds.map((id) => queryAll<AccountRecord | RelationshipRecord>({ partitionValue: KEYS.account(tenantId, id).pk })),
  );
  return partitions.flatMap((items) => {
    const account = items.find((item) => (item as { entity?: string }).entity === 'ACCOUNT') as AccountRecord | undefined;
    const relationships = items.filter((item) => (item as { entity?: string }).entity === 'ACCOUNT_RELATIONSHIP') as RelationshipRecord[];
    return account ? [{ account, relationships }] : [];
  });
};
