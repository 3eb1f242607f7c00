import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Filters } from '../../customers/ports.js';
import { badRequest } from '../../shared/errors.js';
import type { Cursor, Page } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { stripKeys } from './keys.js';

export interface PageQuery {
  index?: 'gsi1' | 'gsi2';
  partitionValue: string;
  filters: Filters;
  ascending: boolean;
  limit: number;
  cursor?: Cursor;
}

// A filtered Query can return few matches per round trip; keep reading up to this many
// rounds, then hand back a cursor so the next page continues where this one stopped.
const MAX_ROUNDS = 10;

const keyNames = (index: PageQuery['index']) =>
  index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk'];

const filterExpression = (filters: Filters): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  Object.entries(filters).forEach(([field, value], i) => {
    if (value === undefined) return;
    names[`#f${i}`] = field;
    if (Array.isArray(value)) {
      const placeholders = value.map((v, j) => {
        values[`:f${i}_${j}`] = v;
        return `:f${i}_${j}`;
      });
      clauses.push(`#f${i} IN (${placeholders.join(', ')})`);
    } else {
      values[`:f${i}`] = value;
      clauses.push(`#f${i} = :f${i}`);
    }
  });
  return clauses.length === 0 ? {} : { FilterExpression: clauses.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
};

/** One page of a tenant's list, Query-only, with filters applied server-side. */
export const queryPage = async <T>(query: PageQuery): Promise<Page<T>> => {
  const partitionAttr = query.index ? `${query.index}pk` : 'pk';
  const sortAttr = query.index ? `${query.index}sk` : 'sk';
  const names = keyNames(query.index);
  if (query.cursor) {
    const valid = Object.keys(query.cursor).every((k) => names.includes(k)) && query.cursor[partitionAttr] === query.partitionValue && query.cursor[sortAttr];
    if (!valid) throw badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');
  }
  const filter = filterExpression(query.filters);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined = query.cursor;
  let leftUnread = false;
  for (let round = 0; round < MAX_ROUNDS && items.length < query.limit; round++) {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: '#pk = :pk',
        ...filter,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionAttr },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': query.partitionValue },
        ScanIndexForward: query.ascending,
        // One more than needed, so a full page knows whether anything follows it.
        Limit: query.limit - items.length + 1 + (filter.FilterExpression ? query.limit : 0),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of Items) {
      if (items.length === query.limit) {
        leftUnread = true;
        break;
      }
      items.push(item);
    }
    startKey = LastEvaluatedKey;
    if (!startKey) break;
  }
  const last = items[items.length - 1];
  const more = leftUnread || startKey !== undefined;
  // A full page resumes after its last item, not after whatever the final round over-read.
  const resumeFrom = !more ? undefined : items.length === query.limit && last ? Object.fromEntries(names.map((n) => [n, String(last[n])])) : startKey;
  return {
    items: items.map((item) => stripKeys<T>(item)),
    ...(resumeFrom ? { cursor: resumeFrom as Cursor } : {}),
  };
};
