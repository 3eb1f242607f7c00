import * as z from 'zod/mini';
import type { CustomerListCriteria } from '../customers/ports.js';
import type { Filters } from '../shared/list-criteria.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { badRequest } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { pageTokenSecret } from '../adapters/secrets/page-token-secret.js';
import {
  decodePageToken,
  encodePageToken,
  type PageTokenBinding,
  type PageTokenKey,
  pageTokenKeyFrom,
  parseLimit,
} from '../shared/pagination.js';
import type { Page } from '../shared/page.js';
import { parseWith } from '../shared/validation.js';
import type { ApiRequest } from './api-request.js';

// Query-string parsing shared by every list endpoint: Synctera's comma-separated arrays,
// `true`/`false` booleans, `sort_by`, `limit` and the opaque `page_token`.

const PAGING = ['limit', 'page_token'];

export const csvOf = (name: string, raw: string | undefined, max = 100): string[] | undefined => {
  if (raw === undefined) return undefined;
  const values = raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
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

let derived: { secret: string; key: PageTokenKey } | undefined;

// The secret is read once per container; the key is derived again only if the secret changes (tests).
const pageTokenKey = async (): Promise<PageTokenKey> => {
  const secret = await pageTokenSecret();
  if (derived?.secret !== secret) derived = { secret, key: pageTokenKeyFrom(secret) };
  return derived.key;
};

/** What a list's tokens are sealed for. Opaque to operations: they hand it from pagingOf to listBody. */
export interface PageScope {
  readonly binding: PageTokenBinding;
  readonly key: PageTokenKey;
}

/**
 * Paging state for one list request. The token is bound to the CALLER's tenant (the principal,
 * whichever tenant's partition the store then reads: a list another tenant owns, like the
 * mappings stored under the new bank, still hands its tokens to the caller only) and to the
 * operation, path parameters, query (sort_by included) and filters, so it cannot resume another
 * tenant's, list's, filter's or order's pages.
 */
export const pagingOf = async <F extends string = 'creation_time'>(
  request: ApiRequest,
  filters: Filters,
  sortOptions: SortOptions<F> = CREATION_ORDER as SortOptions<F>,
): Promise<Omit<CustomerListCriteria<F>, 'filters'> & SortOrder<F> & { scope: PageScope }> => {
  const rest = Object.fromEntries(Object.entries(request.query).filter(([k]) => !PAGING.includes(k)));
  const limit = parseLimit(request.query.limit);
  const sort = parseSort(request.query.sort_by, sortOptions);
  const binding: PageTokenBinding = {
    callerTenantId: request.principal.tenantId,
    scope: `${request.route.operation}|${canonicalJson(request.pathParameters)}|${canonicalJson(rest)}|${canonicalJson(filters)}`,
  };
  const key = await pageTokenKey();
  return { scope: { binding, key }, limit, ...sort, cursor: decodePageToken(key, binding, request.query.page_token) };
};

export const listBody = <T, V>(request: ApiRequest, key: string, scope: PageScope, page: Page<T>, view: (item: T) => V) => {
  // A scope from another request would hand this caller a token it cannot use, or someone else one.
  if (scope.binding.callerTenantId !== request.principal.tenantId) throw new Error('listBody was given another caller’s page scope');
  return {
    [key]: page.items.map(view),
    ...(page.cursor ? { next_page_token: encodePageToken(scope.key, scope.binding, page.cursor) } : {}),
  };
};

/** The query parameters every list accepts besides its filters. */
export const pagingParams = {
  limit: z.optional(z.string()),
  page_token: z.optional(z.string()),
  sort_by: z.optional(z.string()),
};

/** The query of a list that takes no filters: paging and order only. */
export const pagingQuery = z.strictObject(pagingParams);
