import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../../shared/domain-errors.js';
import type { Condition, ListCriteria } from '../../shared/list-criteria.js';
import type { Cursor, Page } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { keyCondition } from './key-range.js';
import { stripKeys } from './keys.js';
import type { IndexName } from './table-definition.js';

// The one pager behind every list endpoint: Query only, filters pushed down, opaque cursor (the
// full key of the last item returned). Each round resumes with a key condition past the last
// sort key read (key-range.ts), so the list's sort keys must be unique within the partition.

export interface PageQuery<T> extends ListCriteria<T> {
  /** A GSI of TABLE_DEFINITION (keys `<index>pk`/`<index>sk`); the table itself when absent. */
  index?: IndexName;
  partitionValue: string;
  /** Limits the sort key to a prefix, e.g. an account's `REL#` items. */
  sortKeyPrefix?: string;
}

type Expression = Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

// A filtered Query can return few matches per round trip; keep reading up to this many
// rounds, then hand back a cursor so the next page continues where this one stopped.
const MAX_ROUNDS = 10;
// Rows read per filtered round: sparse filters still fill a page in few round trips.
const FILTERED_ROUND_ROWS = 100;

/**
 * The FilterExpression of a list's conditions. Placeholders are numbered across the whole
 * expression and kept short (`:f0`, `:f1`, ...), so the largest accepted list query (a few IN
 * lists of 100 values) stays far below DynamoDB's 4 KB expression limit.
 */
export const filterOf = (conditions: readonly Condition[] = []): Expression => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let next = 0;
  const placeholder = (value: unknown): string => {
    const name = `:f${(next++).toString(36)}`;
    values[name] = value;
    return name;
  };
  conditions.forEach((condition, i) => {
    names[`#w${i}`] = condition.field;
    clauses.push(
      condition.op === 'eq' ? `#w${i} = ${placeholder(condition.value)}` : `#w${i} IN (${condition.values.map(placeholder).join(',')})`,
    );
  });
  return clauses.length === 0
    ? {}
    : { FilterExpression: clauses.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
};

const keyNamesOf = (index: PageQuery<unknown>['index']) => (index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk']);

/** `TENANT#<id>#` of a tenant-owned key; every key of a cursor must share the list's. */
const tenantPrefixOf = (key: string): string | undefined => /^TENANT#[^#]+#/.exec(key)?.[0];

/**
 * A cursor must point into this very list: exactly the key attributes of the index read, the
 * same partition and prefix, and a base-table key of the same tenant. Anything else is a 400,
 * never a DynamoDB validation error.
 */
const assertCursorFits = <T>(query: PageQuery<T>, partitionAttr: string, sortAttr: string): void => {
  const { cursor } = query;
  if (!cursor) return;
  const expected = keyNamesOf(query.index);
  const tenant = tenantPrefixOf(query.partitionValue);
  const valid =
    Object.keys(cursor).length === expected.length &&
    expected.every((k) => typeof cursor[k] === 'string' && cursor[k] !== '') &&
    cursor[partitionAttr] === query.partitionValue &&
    (query.sortKeyPrefix === undefined || cursor[sortAttr]!.startsWith(query.sortKeyPrefix)) &&
    (tenant === undefined || cursor.pk!.startsWith(tenant));
  if (!valid)
    throw new InvalidInput('page_token is invalid or does not belong to this query', { code: 'BAD_QUERY_PARAMETER', field: 'page_token' });
};

export const queryPage = async <T>(query: PageQuery<T>): Promise<Page<T>> => {
  const partitionAttr = query.index ? `${query.index}pk` : 'pk';
  const sortAttr = query.index ? `${query.index}sk` : 'sk';
  assertCursorFits(query, partitionAttr, sortAttr);
  const filter = filterOf(query.where);
  const filtered = Boolean(filter.FilterExpression || query.match);
  // Read one match beyond the page: its presence is what says another page exists.
  const wanted = query.limit + 1;
  const items: Record<string, unknown>[] = [];
  let after = query.cursor?.[sortAttr];
  let lastRead: Record<string, unknown> | undefined;
  let exhausted = false;
  for (let round = 0; round < MAX_ROUNDS && items.length < wanted && !exhausted; round++) {
    const range = keyCondition({
      partitionAttr,
      sortAttr,
      partitionValue: query.partitionValue,
      prefix: query.sortKeyPrefix,
      after,
      ascending: query.ascending,
    });
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: range.KeyConditionExpression,
        FilterExpression: filter.FilterExpression,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, ...range.ExpressionAttributeNames },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ...range.ExpressionAttributeValues },
        ScanIndexForward: query.ascending,
        // Filters discard after reading, so filtered rounds read wider.
        Limit: (filtered ? Math.max(wanted - items.length, FILTERED_ROUND_ROWS) : wanted - items.length) + range.extraRows,
      }),
    );
    const inRange = Items.filter((item) => range.inRange(String(item[sortAttr])));
    const matching = query.match ? inRange.filter((item) => query.match!(stripKeys<T>(item))) : inRange;
    items.push(...matching.slice(0, wanted - items.length));
    lastRead = LastEvaluatedKey ?? lastRead;
    after = LastEvaluatedKey ? String(LastEvaluatedKey[sortAttr]) : undefined;
    // Past the prefix nothing more can match (the key condition may read one key beyond it).
    exhausted = after === undefined || (query.sortKeyPrefix !== undefined && !after.startsWith(query.sortKeyPrefix));
  }
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  const more = items.length > query.limit || !exhausted;
  // A full page resumes after its own last item, not after whatever the final round read.
  const resumeFrom = !more ? undefined : page.length === query.limit && last ? last : lastRead;
  return {
    items: page.map((item) => stripKeys<T>(item)),
    ...(resumeFrom ? { cursor: Object.fromEntries(keyNamesOf(query.index).map((n) => [n, String(resumeFrom[n])])) as Cursor } : {}),
  };
};

/**
 * Every item of a small key range (an account's relationships, a holder's memberships, one
 * owner's external accounts), optionally filtered by `where`. `consistent` asks for a strongly
 * consistent read, which only the table itself (no index) has.
 */
export const queryAll = async <T>(input: {
  index?: IndexName;
  partitionValue: string;
  sortKeyPrefix?: string;
  consistent?: boolean;
  where?: readonly Condition[];
}): Promise<T[]> => {
  if (input.consistent && input.index) throw new Error('a strongly consistent Query needs the table, not an index');
  const results: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  const partitionAttr = input.index ? `${input.index}pk` : 'pk';
  const filter = filterOf(input.where);
  do {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: input.sortKeyPrefix ? '#pk = :pk AND begins_with(sk, :sk)' : '#pk = :pk',
        FilterExpression: filter.FilterExpression,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionAttr },
        ExpressionAttributeValues: {
          ...filter.ExpressionAttributeValues,
          ':pk': input.partitionValue,
          ...(input.sortKeyPrefix ? { ':sk': input.sortKeyPrefix } : {}),
        },
        ...(input.consistent ? { ConsistentRead: true } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    results.push(...Items.map((item) => stripKeys<T>(item)));
    startKey = LastEvaluatedKey;
  } while (startKey);
  return results;
};
