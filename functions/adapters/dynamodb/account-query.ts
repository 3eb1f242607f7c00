import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Condition, ListCriteria } from '../../accounts/ports.js';
import { badRequest } from '../../shared/errors.js';
import type { Page } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { stripKeys } from './keys.js';

// Paged Query for the accounts lists. Like query-page.ts (the customers' pager), but it also
// pushes down "list contains any of" conditions (customer_ids, spend_control_ids...), can
// limit the sort key to a prefix (an account's REL# items), and applies an in-memory `match`
// for what DynamoDB cannot express (account number wildcards, nested fields). Query only.

export interface WherePage<T> extends ListCriteria<T> {
  index?: 'gsi1' | 'gsi2';
  partitionValue: string;
  sortKeyPrefix?: string;
}

type Expression = Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

// A filtered Query can return few matches per round trip; keep reading up to this many rounds,
// then hand back a cursor so the next page continues where this one stopped.
const MAX_ROUNDS = 10;

export const filterOf = (conditions: readonly Condition[] = []): Expression => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  conditions.forEach((condition, i) => {
    names[`#w${i}`] = condition.field;
    if (condition.op === 'eq') {
      values[`:w${i}`] = condition.value;
      clauses.push(`#w${i} = :w${i}`);
      return;
    }
    const placeholders = condition.values.map((value, j) => {
      values[`:w${i}_${j}`] = value;
      return `:w${i}_${j}`;
    });
    clauses.push(
      condition.op === 'in'
        ? `#w${i} IN (${placeholders.join(', ')})`
        : `(${placeholders.map((p) => `contains(#w${i}, ${p})`).join(' OR ')})`,
    );
  });
  return clauses.length === 0 ? {} : { FilterExpression: clauses.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
};

const keyNamesOf = (index: WherePage<unknown>['index']) => (index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk']);

export const queryWhere = async <T>(query: WherePage<T>): Promise<Page<T>> => {
  const partitionAttr = query.index ? `${query.index}pk` : 'pk';
  const sortAttr = query.index ? `${query.index}sk` : 'sk';
  const keyNames = keyNamesOf(query.index);
  if (query.cursor) {
    const valid =
      Object.keys(query.cursor).every((k) => keyNames.includes(k)) &&
      query.cursor[partitionAttr] === query.partitionValue &&
      typeof query.cursor[sortAttr] === 'string' &&
      (query.sortKeyPrefix === undefined || query.cursor[sortAttr]!.startsWith(query.sortKeyPrefix));
    if (!valid) throw badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');
  }
  const filter = filterOf(query.where);
  const names = { ...filter.ExpressionAttributeNames, '#pk': partitionAttr, ...(query.sortKeyPrefix ? { '#sk': sortAttr } : {}) };
  const values = { ...filter.ExpressionAttributeValues, ':pk': query.partitionValue, ...(query.sortKeyPrefix ? { ':sk': query.sortKeyPrefix } : {}) };
  const filtered = Boolean(filter.FilterExpression || query.match);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined = query.cursor;
  let leftUnread = false;
  for (let round = 0; round < MAX_ROUNDS && items.length < query.limit; round++) {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: query.sortKeyPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
        FilterExpression: filter.FilterExpression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: query.ascending,
        // One more than needed, so a full page knows whether anything follows it.
        Limit: query.limit - items.length + 1 + (filtered ? query.limit : 0),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of Items) {
      if (query.match && !query.match(stripKeys<T>(item))) continue;
      if (items.length === query.limit) {
        leftUnread = true;
        break;
      }
      items.push(item);
    }
    startKey = LastEvaluatedKey;
    if (!startKey || leftUnread) break;
  }
  const last = items[items.length - 1];
  const more = leftUnread || startKey !== undefined;
  // A full page resumes after its last item, not after whatever the final round over-read.
  const resumeFrom = !more ? undefined : items.length === query.limit && last ? Object.fromEntries(keyNames.map((n) => [n, String(last[n])])) : startKey;
  return {
    items: items.map((item) => stripKeys<T>(item)),
    ...(resumeFrom ? { cursor: resumeFrom as Record<string, string> } : {}),
  };
};

/** Every item of a small key range (an account's relationships, a holder's relationships). */
export const queryAll = async <T>(input: { index?: 'gsi2'; partitionValue: string; sortKeyPrefix?: string }): Promise<T[]> => {
  const results: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  const partitionAttr = input.index ? `${input.index}pk` : 'pk';
  do {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: input.sortKeyPrefix ? '#pk = :pk AND begins_with(sk, :sk)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partitionAttr },
        ExpressionAttributeValues: { ':pk': input.partitionValue, ...(input.sortKeyPrefix ? { ':sk': input.sortKeyPrefix } : {}) },
        ExclusiveStartKey: startKey,
      }),
    );
    results.push(...Items.map((item) => stripKeys<T>(item)));
    startKey = LastEvaluatedKey;
  } while (startKey);
  return results;
};
