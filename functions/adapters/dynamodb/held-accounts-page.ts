import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountRecord } from '../../accounts/model.js';
import type { AccountListCriteria, HolderSet } from '../../accounts/ports.js';
import { badRequest } from '../../shared/errors.js';
import { meetsConditions } from '../../shared/list-criteria.js';
import type { Cursor, Page } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { keyCondition } from './key-range.js';
import { KEYS, stripKeys } from './keys.js';

// The account list filtered by holder (customer_id / person_id / business_id), read from the
// holders' memberships (account-items.ts membershipItem) instead of the tenant's whole list:
// one Query of each named holder's partition, whose sort keys follow the account list's own
// order (creation_time, then id), then one BatchGetItem of the accounts. For one holder that is
// 2 calls per page whatever the tenant's size. Other filters are checked in memory on that set.
// Reads are strongly consistent, like the KYC hook's: an account is listed as soon as it exists.

/** BatchGetItem's most keys per call. */
const BATCH = 100;
/** A page with sparse other filters reads at most this many batches, then hands back a cursor. */
const MAX_ROUNDS = 5;

/** Where a holder's list stopped: the membership's sort key past `HELD_ACCOUNT#`. */
const POSITION = /^[0-9TZ:.+-]{1,32}#[0-9a-f-]{36}$/;

interface Membership {
  account_id: string;
  position: string;
}

const cursorPosition = (cursor: Cursor | undefined): string | undefined => {
  if (!cursor) return undefined;
  const { after, ...rest } = cursor;
  if (after === undefined || Object.keys(rest).length > 0 || !POSITION.test(after)) {
    throw badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');
  }
  return after;
};

/** The first `count` memberships past `after` of one holder, in list order. */
const membershipsOf = async (
  tenantId: string,
  kind: HolderSet['kind'],
  holderId: string,
  after: string | undefined,
  ascending: boolean,
  count: number,
) => {
  const prefix = KEYS.heldAccountPrefix;
  const range = keyCondition({
    partitionAttr: 'pk',
    sortAttr: 'sk',
    partitionValue: KEYS.holder(tenantId, kind, holderId).pk,
    prefix,
    after: after === undefined ? undefined : `${prefix}${after}`,
    ascending,
  });
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: range.KeyConditionExpression,
      ExpressionAttributeNames: { ...range.ExpressionAttributeNames, '#sk': 'sk', '#account': 'account_id' },
      ExpressionAttributeValues: range.ExpressionAttributeValues,
      ProjectionExpression: '#sk, #account',
      ScanIndexForward: ascending,
      ConsistentRead: true,
      Limit: count + range.extraRows,
    }),
  );
  return Items.filter((item) => range.inRange(String(item.sk))).map((item) => ({
    account_id: String(item.account_id),
    position: String(item.sk).slice(prefix.length),
  }));
};

/**
 * The first `count` memberships past `after` of any of the holders, merged in list order; an
 * account two of them hold appears once (same account, same position).
 */
const membershipsAfter = async (
  tenantId: string,
  holders: HolderSet,
  after: string | undefined,
  ascending: boolean,
  count: number,
): Promise<Membership[]> => {
  const perHolder = await Promise.all(holders.ids.map((id) => membershipsOf(tenantId, holders.kind, id, after, ascending, count)));
  const byPosition = new Map(perHolder.flat().map((m) => [m.position, m]));
  // Positions are ASCII (ISO time, '#', uuid), so string order is the table's order.
  const ordered = [...byPosition.values()].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  return (ascending ? ordered : ordered.reverse()).slice(0, count);
};

/** The accounts of up to BATCH memberships, by id (one call; a throttled remainder is retried). */
const accountsOf = async (tenantId: string, memberships: readonly Membership[]): Promise<Map<string, AccountRecord>> => {
  const found = new Map<string, AccountRecord>();
  let keys: Record<string, unknown>[] = memberships.map((m) => KEYS.account(tenantId, m.account_id));
  while (keys.length > 0) {
    const { Responses, UnprocessedKeys } = await documentClient().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of Responses?.[tableName()] ?? []) found.set(String(item.id), stripKeys<AccountRecord>(item));
    keys = UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return found;
};

export const heldAccountsPage = async (
  tenantId: string,
  holders: HolderSet,
  criteria: AccountListCriteria,
): Promise<Page<AccountRecord>> => {
  const matches = (a: AccountRecord) => meetsConditions(a, criteria.where) && (criteria.match?.(a) ?? true);
  const filtered = (criteria.where?.length ?? 0) > 0 || criteria.match !== undefined;
  const page: AccountRecord[] = [];
  let after = cursorPosition(criteria.cursor);
  let more = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Unfiltered, a page needs exactly its remaining items; filtered, it reads a full batch.
    const count = filtered ? BATCH : criteria.limit - page.length;
    // One membership beyond the batch says whether anything follows it.
    const memberships = await membershipsAfter(tenantId, holders, after, criteria.ascending, count + 1);
    const batch = memberships.slice(0, count);
    const accounts = await accountsOf(tenantId, batch);
    const candidates = batch.flatMap((m) => {
      const account = accounts.get(m.account_id);
      return account && matches(account) ? [{ m, account }] : [];
    });
    const taken = candidates.slice(0, criteria.limit - page.length);
    page.push(...taken.map((c) => c.account));
    const beyondBatch = memberships.length > count;
    if (page.length === criteria.limit) {
      // The rest of this batch is already read: a next page exists only if some of it matches.
      more = candidates.length > taken.length || beyondBatch;
      after = taken[taken.length - 1]?.m.position ?? after;
      break;
    }
    after = batch[batch.length - 1]?.position ?? after;
    more = beyondBatch;
    if (!more) break;
  }
  return { items: page, ...(more && after !== undefined ? { cursor: { after } } : {}) };
};
