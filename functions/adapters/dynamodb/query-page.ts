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
  // Read one match beyond the page: its presence is what says another page exists.
  const wanted = query.limit + 1;
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined = query.cursor;
  for (let round = 0; round < MAX_ROUNDS && items.length < wanted; round++) {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: '#pk = :pk',
        ...filter,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionAttr },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': query.partitionValue },
        ScanIndexForward: query.ascending,
        // Filters discard after reading, so filtered rounds read wider.
        Limit: filter.FilterExpression ? Math.max(wanted - items.length, query.limit) : wanted - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...Items.slice(0, wanted - items.length));
    startKey = LastEvaluatedKey;
    if (!startKey) break;
  }
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  const more = items.length > query.limit || startKey !== undefined;
  // A full page resumes after its own last item, not after whatever the final round read.
  const resumeFrom = !more ? undefined : page.length === query.limit && last ? Object.fromEntries(names.map((n) => [n, String(last[n])])) : startKey;
  return {
    items: page.map((item) => stripKeys<T>(item)),
    ...(resumeFrom ? { cursor: resumeFrom as Cursor } : {}),
  };
};
