import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountRecord, RelationshipRecord } from '../../accounts/model.js';
import { AccountNumberTaken, type AccountStore, type HolderGuard, HolderNotAccepted, type ProductGuard } from '../../accounts/ports.js';
import { KYC_RELATIONSHIPS } from '../../accounts/relationship-rules.js';
import type { OutboxEvent } from '../../events/model.js';
import {
  accountItem,
  accountNumberClaimPut,
  holderGuardItem,
  membershipDelete,
  membershipItem,
  productGuardItem,
  relationshipItem,
  transactableCheck,
} from './account-items.js';
import { heldAccountsPage } from './held-accounts-page.js';
import { queryAll, queryPage } from './query-page.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { type Claims, transact, type TransactItems, versionedPut } from './transact.js';

// Strongly consistent: a create then an immediate GET or PATCH must find the account, and the
// KYC hook decides on what it reads here.
const getRecord = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<T>(Item) : undefined;
};

/** What a transaction relies on besides its own writes (accounts/ports.ts). */
interface Guards {
  holders?: readonly HolderGuard[] | undefined;
  linkedAccountIds?: readonly string[] | undefined;
  product?: ProductGuard | undefined;
}

/**
 * The guard items and events that follow a write's own items (`offset` of them), with the
 * positions of the KYC standing checks, whose failure means HolderNotAccepted. `now` is the
 * write's time (a holder's first account moves its last_updated_time).
 */
const guardedItems = (offset: number, account: AccountRecord, now: string, guards: Guards, events: readonly OutboxEvent[]) => {
  const items: TransactItems = [];
  const claims = new Map<number, () => Error>();
  for (const guard of guards.holders ?? []) {
    const item = holderGuardItem(guard, now);
    if (!item) continue;
    if (guard.acceptance) claims.set(offset + items.length, () => new HolderNotAccepted());
    items.push(item);
  }
  for (const id of guards.linkedAccountIds ?? []) items.push(transactableCheck(account.tenant, id));
  if (guards.product) items.push(productGuardItem(guards.product));
  const hasAccountsEvents = (guards.holders ?? []).flatMap((guard) => (guard.hasAccountsEvent ? [guard.hasAccountsEvent] : []));
  items.push(...[...events, ...hasAccountsEvents].map(outboxPut));
  return { items, claims };
};

const relationshipPut = (r: RelationshipRecord, account: AccountRecord): TransactItems => [
  { Put: { TableName: tableName(), Item: relationshipItem(r) } },
  { Put: { TableName: tableName(), Item: membershipItem(r, account) } },
];

const relationshipDelete = (r: RelationshipRecord, account: AccountRecord): TransactItems => [
  {
    Delete: {
      TableName: tableName(),
      Key: KEYS.accountRelationship(r.tenant, r.account_id, r.id),
      ConditionExpression: 'attribute_exists(pk)',
    },
  },
  membershipDelete(r, account),
];

export const dynamoAccountStore: AccountStore = {
  getAccount: (tenantId, id) => getRecord<AccountRecord>(KEYS.account(tenantId, id)),

  async createAccount({ account, relationships, holders, linkedAccountIds, product, event }) {
    const head: TransactItems = [
      versionedPut(tableName(), accountItem(account)),
      accountNumberClaimPut(account),
      ...relationships.flatMap((r) => [
        versionedPut(tableName(), relationshipItem(r)),
        { Put: { TableName: tableName(), Item: membershipItem(r, account) } },
      ]),
    ];
    const guarded = guardedItems(head.length, account, account.creation_time, { holders, linkedAccountIds, product }, [event]);
    const claims: Claims = new Map([[1, () => new AccountNumberTaken()], ...guarded.claims]);
    await transact('account', [...head, ...guarded.items], claims);
  },

  async replaceAccount({ account, expectedVersion, events, holders, linkedAccountIds, product }) {
    const head: TransactItems = [versionedPut(tableName(), accountItem(account), expectedVersion)];
    const guarded = guardedItems(head.length, account, account.last_updated_time, { holders, linkedAccountIds, product }, events);
    await transact('account', [...head, ...guarded.items], guarded.claims);
  },

  // Filtered by holder: that holder's memberships, not the tenant's whole list.
  listAccounts: (tenantId, { heldBy, ...criteria }) =>
    heldBy
      ? heldAccountsPage(tenantId, heldBy, criteria)
      : queryPage<AccountRecord>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenantId), ...criteria }),

  getRelationship: (tenantId, accountId, id) => getRecord<RelationshipRecord>(KEYS.accountRelationship(tenantId, accountId, id)),

  relationshipsOf: (tenantId, accountId) =>
    queryAll<RelationshipRecord>({
      partitionValue: KEYS.account(tenantId, accountId).pk,
      sortKeyPrefix: KEYS.relationshipPrefix,
      consistent: true,
    }),

  listRelationships: (tenantId, accountId, criteria) =>
    queryPage<RelationshipRecord>({
      partitionValue: KEYS.account(tenantId, accountId).pk,
      sortKeyPrefix: KEYS.relationshipPrefix,
      ...criteria,
    }),

  async saveRelationshipChange({ account, expectedVersion, events, put, remove, holders }) {
    const head: TransactItems = [
      // The account's version serialises every relationship change of this account.
      versionedPut(tableName(), accountItem(account), expectedVersion),
      ...(put ? relationshipPut(put, account) : []),
      ...(remove ? relationshipDelete(remove, account) : []),
    ];
    const guarded = guardedItems(head.length, account, account.last_updated_time, { holders }, events);
    await transact('account', [...head, ...guarded.items], guarded.claims);
  },

  async heldAccountIds({ tenant, kind, id }) {
    const memberships = await queryAll<{ account_id: string; relationship_type: RelationshipRecord['relationship_type'] }>({
      partitionValue: KEYS.holder(tenant, kind, id).pk,
      sortKeyPrefix: KEYS.heldAccountPrefix,
      consistent: true,
    });
    return memberships.filter((m) => KYC_RELATIONSHIPS.includes(m.relationship_type)).map((m) => m.account_id);
  },

  async saveKycChanges({ writes, holders }) {
    const items: TransactItems = writes.flatMap((write) => [
      versionedPut(tableName(), accountItem(write.account), write.expectedVersion),
      ...(write.event ? [outboxPut(write.event)] : []),
    ]);
    const first = writes[0];
    if (!first) return;
    // The standings the batch was decided on; a changed one is a plain conflict: re-read, decide again.
    const guarded = guardedItems(items.length, first.account, first.account.last_updated_time, { holders }, []);
    // A side write of the platform, not the request's own change: it must not mark the
    // request's Idempotency-Key COMMITTED (transact.ts).
    await transact('account', [...items, ...guarded.items], new Map(), { marksRequest: false });
  },
};
