import * as z from 'zod/mini';
import type { ListCriteria } from '../customers/ports.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { badRequest } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { decodePageToken, encodePageToken, parseLimit } from '../shared/pagination.js';
import type { Page } from '../shared/page.js';
import { parseWith } from '../shared/validation.js';
import type { ApiRequest } from './api-request.js';

// Query-string parsing shared by every list endpoint: Synctera's comma-separated arrays,
// `true`/`false` booleans, `sort_by`, `limit` and the opaque `page_token`.

const PAGING = ['limit', 'page_token'];

export const csvOf = (name: string, raw: string | undefined, max = 100): string[] | undefined => {
  if (raw === undefined) return undefined;
  const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw badRequest(`${name} must not be empty`, 'BAD_QUERY_PARAMETER');
  if (values.length > max) throw badRequest(`${name} accepts at most ${max} values`, 'BAD_QUERY_PARAMETER');
  return values;
};

export const uuidsOf = (name: string, raw: string | undefined): string[] | undefined => {
  const values = csvOf(name, raw);
  const bad = values?.find((v) => !isUuid(v));
  if (bad !== undefined) throw badRequest(`${name} must contain only UUIDs`, 'BAD_QUERY_PARAMETER');
  return values?.map((v) => v.toLowerCase());
};

export const booleanOf = (name: string, raw: string | undefined): boolean | undefined => {
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(`${name} must be true or false`, 'BAD_QUERY_PARAMETER');
};

export const enumsOf = <T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T[] | undefined => {
  const values = csvOf(name, raw);
  const bad = values?.find((v) => !(allowed as readonly string[]).includes(v));
  if (bad !== undefined) throw badRequest(`${name} must be one of ${allowed.join(', ')}`, 'BAD_QUERY_PARAMETER');
  return values as T[] | undefined;
};

/** Lists are ordered by creation time; that is the order the table keeps them in. */
const parseSort = (raw: string | undefined): boolean => {
  if (raw === undefined || raw === 'creation_time:asc' || raw === 'creation_time') return true;
  if (raw === 'creation_time:desc') return false;
  throw badRequest('sort_by supports creation_time:asc and creation_time:desc', 'BAD_QUERY_PARAMETER');
};

/** Validates the query's names and shapes; unknown parameters are rejected by name. */
export const parseQuery = <S extends z.ZodMiniType>(request: ApiRequest, schema: S): z.infer<S> =>
  parseWith(schema, request.query, 'BAD_QUERY_PARAMETER');

/** Paging state for one list request; the token is bound to tenant, operation and filters. */
export const pagingOf = (request: ApiRequest, filters: ListCriteria['filters']): Omit<ListCriteria, 'filters'> & { scope: string } => {
  const rest = Object.fromEntries(Object.entries(request.query).filter(([k]) => !PAGING.includes(k)));
  const scope = `${request.route.operation}|${canonicalJson(rest)}|${canonicalJson(filters)}`;
  return {
    scope,
    limit: parseLimit(request.query.limit),
    ascending: parseSort(request.query.sort_by),
    cursor: decodePageToken(request.principal.tenantId, scope, request.query.page_token),
  };
};

export const listBody = <T, V>(request: ApiRequest, key: string, scope: string, page: Page<T>, view: (item: T) => V) => ({
  [key]: page.items.map(view),
  ...(page.cursor ? { next_page_token: encodePageToken(request.principal.tenantId, scope, page.cursor) } : {}),
});

/** The query parameters every list accepts besides its filters. */
export const pagingParams = {
  limit: z.optional(z.string()),
  page_token: z.optional(z.string()),
  sort_by: z.optional(z.string()),
};
