import * as z from 'zod/mini';
import type { CustomerListCriteria } from '../customers/ports.js';
import type { Filters } from '../shared/list-criteria.js';
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

/**
 * The orders a list offers, each field mapped to the field that breaks its ties in the store's
 * sort key (names: creation_time; creation_time and last_updated_time: the id, not a sort field).
 */
export type SortOptions<F extends string> = Readonly<Record<F, F | null>>;

/** Lists that are kept in creation order only. */
export const CREATION_ORDER: SortOptions<'creation_time'> = { creation_time: null };

export interface SortOrder<F extends string> {
  sortBy: F;
  ascending: boolean;
}

/**
 * `sort_by` (contract §1.7): `field:asc|desc` terms, comma-separated; a bare field is ascending.
 * Each order is one index, so a list orders by ONE field. Later terms are accepted only when
 * they change nothing: the same term again, or the first field's tie-breaker in the same
 * direction (`last_name:asc,creation_time:asc`). Anything else is a 400 naming sort_by, never
 * silently ignored.
 */
export const parseSort = <F extends string>(raw: string | undefined, options: SortOptions<F>): SortOrder<F> => {
  const fields = Object.keys(options) as F[];
  const terms = (csvOf('sort_by', raw) ?? ['creation_time']).map((term) => {
    const [field, direction = 'asc', ...rest] = term.split(':');
    if (!fields.includes(field as F) || (direction !== 'asc' && direction !== 'desc') || rest.length > 0) {
      throw badRequest(`sort_by must be <field>:asc or <field>:desc, with <field> one of ${fields.join(', ')}`, 'BAD_QUERY_PARAMETER');
    }
    return { field: field as F, ascending: direction === 'asc', term };
  });
  const [primary, ...extra] = terms as [(typeof terms)[number], ...typeof terms];
  const implied = [primary.field, options[primary.field]];
  const conflicting = extra.find((term) => !implied.includes(term.field) || term.ascending !== primary.ascending);
  if (conflicting) {
    throw badRequest(`sort_by orders by one field per request; ${conflicting.term} cannot follow ${primary.term}`, 'BAD_QUERY_PARAMETER');
  }
  return { sortBy: primary.field, ascending: primary.ascending };
};

/** Validates the query's names and shapes; unknown parameters are rejected by name. */
export const parseQuery = <S extends z.ZodMiniType>(request: ApiRequest, schema: S): z.infer<S> =>
  parseWith(schema, request.query, 'BAD_QUERY_PARAMETER');

/**
 * Paging state for one list request; the token is bound to tenant, operation, filters and sort
 * (sort_by is part of the query the scope hashes), so it cannot resume another order's index.
 */
export const pagingOf = <F extends string = 'creation_time'>(
  request: ApiRequest,
  filters: Filters,
  sortOptions: SortOptions<F> = CREATION_ORDER as SortOptions<F>,
): Omit<CustomerListCriteria<F>, 'filters'> & SortOrder<F> & { scope: string } => {
  const rest = Object.fromEntries(Object.entries(request.query).filter(([k]) => !PAGING.includes(k)));
  const scope = `${request.route.operation}|${canonicalJson(rest)}|${canonicalJson(filters)}`;
  return {
    scope,
    limit: parseLimit(request.query.limit),
    ...parseSort(request.query.sort_by, sortOptions),
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
