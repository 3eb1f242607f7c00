import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ExternalAccountRecord } from '../../external-accounts/model.js';
import { DuplicateExternalAccount, type ExternalAccountStore, type VendorLinkChange } from '../../external-accounts/ports.js';
import type { Condition } from '../../shared/list-criteria.js';
import { documentClient, tableName } from './client.js';
import {
  claimDelete,
  claimKeyOf,
  claimPut,
  externalAccountItem,
  toExternalAccountRecord,
  vendorLinkItem,
} from './external-account-items.js';
import { EXTERNAL_ACCOUNT_KEYS } from './external-account-keys.js';
import { stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryAll as queryItems, queryPage } from './query-page.js';
import { transact, type TransactItems, versionedPut } from './transact.js';

// Strongly consistent: a create then an immediate GET, PATCH or DELETE must find the account.
export const getItem = async (key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<Record<string, unknown>>(Item) : undefined;
};

const same = (a: { pk: string; sk: string }, b: { pk: string; sk: string }) => a.pk === b.pk && a.sk === b.sk;

/** The claim to take and the one to release between two states of an account. */
const claimChanges = (previous: ExternalAccountRecord | undefined, next: ExternalAccountRecord) => {
  const before = previous && previous.status !== 'DELETED' ? claimKeyOf(previous) : undefined;
  const after = next.status !== 'DELETED' ? claimKeyOf(next) : undefined;
  if (before && after && same(before, after)) return { release: undefined, take: undefined };
  return { release: before, take: after };
};

const linkItem = (change: VendorLinkChange) =>
  change.kind === 'put'
    ? { Put: { TableName: tableName(), Item: vendorLinkItem(change.link) } }
    : { Delete: { TableName: tableName(), Key: EXTERNAL_ACCOUNT_KEYS.vendorLink(change.link.tenant, change.link.id) } };

/** Every item of a small partition (one owner's or one link's accounts). */
const queryAll = async (index: 'gsi2' | 'gsi3', partitionValue: string, where: Condition[]): Promise<ExternalAccountRecord[]> =>
  (await queryItems<Record<string, unknown>>({ index, partitionValue, where })).map((item) => toExternalAccountRecord(item));

export const dynamoExternalAccountStore: ExternalAccountStore = {
  async getAccount(tenantId, id) {
    const item = await getItem(EXTERNAL_ACCOUNT_KEYS.account(tenantId, id));
    return item ? toExternalAccountRecord(item) : undefined;
  },

  async write(writes, extra = []) {
    const items: TransactItems = [];
    const claims = new Map<number, () => Error>();
    for (const { account, previous, events } of writes) {
      items.push(versionedPut(tableName(), externalAccountItem(account), previous?.version));
      const { release, take } = claimChanges(previous, account);
      if (release && previous) items.push(claimDelete(previous, release));
      if (take) {
        claims.set(items.length, () => new DuplicateExternalAccount());
        items.push(claimPut(account, take));
      }
      items.push(...events.map(outboxPut));
    }
    items.push(...extra.map(linkItem));
    await transact('external account', items, claims);
  },

  async listAccounts(tenantId, c) {
    const where: Condition[] = [];
    if (!c.includeHistory) where.push({ op: 'eq', field: 'is_deleted', value: false });
    if (c.ids) where.push({ op: 'in', field: 'id', values: c.ids });
    if (c.nickname !== undefined) where.push({ op: 'eq', field: 'nickname', value: c.nickname });
    const owners = [
      ...(c.customerIds ?? []).map((id) => ({ kind: 'PERSON' as const, id })),
      ...(c.businessIds ?? []).map((id) => ({ kind: 'BUSINESS' as const, id })),
    ];
    // One owner: its own partition. Several: the tenant's index, filtered to them.
    const single = owners.length === 1 ? owners[0] : undefined;
    const ownerIds = new Set(owners.map((o) => o.id));
    // customer_id OR business_id among the filters: an OR the pushed-down conditions cannot say.
    const match =
      owners.length > 1 ? (item: Record<string, unknown>) => ownerIds.has((item.customer_id ?? item.business_id) as string) : undefined;
    const page = await queryPage<Record<string, unknown>>({
      index: single ? 'gsi2' : 'gsi1',
      partitionValue: single ? EXTERNAL_ACCOUNT_KEYS.ownerIndex(tenantId, single) : EXTERNAL_ACCOUNT_KEYS.accountsIndex(tenantId),
      where,
      ...(match ? { match } : {}),
      limit: c.limit,
      ascending: c.ascending,
      ...(c.cursor ? { cursor: c.cursor } : {}),
    });
    return { items: page.items.map(toExternalAccountRecord), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async claimedAmong(accounts) {
    const claimed = new Set<string>();
    const byKey = new Map(accounts.map((a) => [claimKeyOf(a).pk, a.id]));
    const keys = [...byKey.keys()].map((pk) => ({ pk, sk: 'CLAIM' }));
    // 100 keys per BatchGetItem; add_vendor_accounts takes at most 50 ids.
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      while (pending && pending.length > 0) {
        const { Responses, UnprocessedKeys } = await documentClient().send(
          new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'pk' } } }),
        );
        for (const item of Responses?.[tableName()] ?? []) claimed.add(byKey.get(item.pk as string) as string);
        pending = UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return claimed;
  },

  accountsOfLink: (tenantId, linkId) =>
    queryAll('gsi3', EXTERNAL_ACCOUNT_KEYS.linkIndex(tenantId, linkId), [{ op: 'eq', field: 'is_deleted', value: false }]),
};
