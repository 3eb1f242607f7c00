import type { Cursor } from './page.js';

/** A filter the store pushes down to DynamoDB (FilterExpression), applied within one list. */
export type Condition =
  | { op: 'eq'; field: string; value: string | boolean }
  /** At most 100 values (DynamoDB's limit for IN); the HTTP layer caps every filter there. */
  | { op: 'in'; field: string; values: readonly string[] };

/** A filtered, paged read of one list; `match` is applied to each stored record. */
export interface ListCriteria<T> {
  limit: number;
  ascending: boolean;
  cursor?: Cursor;
  where?: readonly Condition[];
  /** Checks the store cannot push down (wildcards, nested fields), run on each item read. */
  match?: (item: T) => boolean;
}

/** The same conditions checked on a record in memory, as DynamoDB would (a missing field matches nothing). */
export const meetsConditions = (record: object, conditions: readonly Condition[] = []): boolean =>
  conditions.every((c) => {
    const value = (record as Record<string, unknown>)[c.field];
    return c.op === 'eq' ? value === c.value : typeof value === 'string' && c.values.includes(value);
  });

/** Equality filters as the HTTP layer collects them; an array means "any of". */
export type Filters = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

export const conditionsFrom = (filters: Filters): Condition[] =>
  Object.entries(filters).flatMap(([field, value]): Condition[] => {
    if (value === undefined) return [];
    return Array.isArray(value) ? [{ op: 'in', field, values: value }] : [{ op: 'eq', field, value: value as string | boolean }];
  });
