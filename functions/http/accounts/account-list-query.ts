import * as z from 'zod/mini';
import { ACCESS_STATUSES, ACCOUNT_STATUSES, CUSTOMER_TYPES, KNOWN_ACCOUNT_TYPES } from '../../accounts/enums.js';
import type { AccountRecord } from '../../accounts/model.js';
import type { Condition, HolderSet } from '../../accounts/ports.js';
import { badRequest } from '../../shared/errors.js';
import type { ApiRequest } from '../api-request.js';
import { booleanOf, csvOf, enumsOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';

// `GET /v0/accounts` filters (contract §2.6). A holder filter (customer_id / person_id, else
// business_id) is answered from the holders' memberships, not the tenant's list (`heldBy`).
// Equality and any-of go to DynamoDB as a FilterExpression; list membership (spend controls,
// the other holder kind), wildcards and nested fields are matched in memory on what is read.
//
// Each filter takes at most 100 values, aliases counted together (DynamoDB's IN takes 100
// operands). "List contains any of 100" would be 100 contains() calls per filter, and a few such
// filters together would pass DynamoDB's 4 KB and 300-operator limits on an expression; in
// memory it costs the same reads (a FilterExpression does not save read capacity). So the
// expression holds only IN and =, and stays far below both limits for every accepted query.

const text = z.optional(z.string().check(z.maxLength(255)));

export const accountListQuery = z.strictObject({
  ...pagingParams,
  id: z.optional(z.string()),
  account_id: z.optional(z.string()),
  account_type: z.optional(z.enum(KNOWN_ACCOUNT_TYPES)),
  status: z.optional(z.string()),
  access_status: z.optional(z.string()),
  customer_type: z.optional(z.enum(CUSTOMER_TYPES)),
  customer_id: z.optional(z.string()),
  person_id: z.optional(z.string()),
  business_id: z.optional(z.string()),
  account_number: z.optional(z.string().check(z.maxLength(1000))),
  nickname: text,
  first_name: text,
  last_name: text,
  interest_product_id: z.optional(z.string()),
  linked_account_id: z.optional(z.string()),
  overdraft_account_id: z.optional(z.string()),
  overflow_account_id: z.optional(z.string()),
  spend_control_ids: z.optional(z.string()),
  general_ledger_type: text,
  include_general_ledger: z.optional(z.string()),
});

export interface AccountListFilters {
  where: Condition[];
  match?: (account: AccountRecord) => boolean;
  heldBy?: HolderSet;
  /** No account can match (GENERAL_LEDGER accounts are never created here): answer without a read. */
  empty: boolean;
}

const wildcardMatcher = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

const accountNumberFilter = (raw: string | undefined): { where?: Condition; match?: (a: AccountRecord) => boolean } => {
  const values = csvOf('account_number', raw);
  if (!values) return {};
  if (values.some((v) => !/^[0-9*]+$/.test(v)))
    throw badRequest('account_number must contain only digits and * wildcards', 'BAD_QUERY_PARAMETER');
  if (!values.some((v) => v.includes('*'))) return { where: { op: 'in', field: 'account_number', values } };
  if (values.length > 1) throw badRequest('account_number with a * wildcard accepts a single value', 'BAD_QUERY_PARAMETER');
  const pattern = wildcardMatcher(values[0]!);
  return { match: (a) => pattern.test(a.account_number) };
};

const MAX_VALUES = 100;

/** Values of a filter and its aliases, together at most MAX_VALUES; the 400 names every parameter. */
const together = (names: readonly string[], lists: readonly (readonly string[] | undefined)[]): string[] => {
  const values = lists.flatMap((list) => list ?? []);
  if (values.length > MAX_VALUES) {
    const named = names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(' and ');
    throw badRequest(`${named} accept at most ${MAX_VALUES} values together`, 'BAD_QUERY_PARAMETER');
  }
  return values;
};

const containsAnyOf =
  (values: readonly string[]) =>
  (list: readonly string[] | undefined): boolean =>
    values.some((v) => list?.includes(v) ?? false);

const linkedOf = (a: AccountRecord): string[] =>
  [a.balance_floor?.linked_account_id, a.balance_ceiling?.linked_account_id].filter((id): id is string => id !== undefined);

export const accountListFilters = (request: ApiRequest): AccountListFilters => {
  const q = parseQuery(request, accountListQuery);
  if (q.first_name !== undefined || q.last_name !== undefined) {
    throw badRequest('first_name and last_name filters are not supported; filter by customer_id or business_id', 'BAD_QUERY_PARAMETER');
  }
  const where: Condition[] = [];
  const matchers: ((a: AccountRecord) => boolean)[] = [];
  const ids = together(['id', 'account_id'], [uuidsOf('id', q.id), uuidsOf('account_id', q.account_id)]);
  if (ids.length > 0) where.push({ op: 'in', field: 'id', values: ids });
  if (q.account_type !== undefined && q.account_type !== 'GENERAL_LEDGER')
    where.push({ op: 'eq', field: 'account_type', value: q.account_type });
  const statuses = enumsOf('status', q.status, ACCOUNT_STATUSES);
  if (statuses) where.push({ op: 'in', field: 'status', values: statuses });
  const access = enumsOf('access_status', q.access_status, ACCESS_STATUSES);
  if (access) where.push({ op: 'in', field: 'access_status', values: access });
  if (q.customer_type) where.push({ op: 'eq', field: 'customer_type', value: q.customer_type });
  // person_id and customer_id name the same records (contract §7).
  const people = together(['customer_id', 'person_id'], [uuidsOf('customer_id', q.customer_id), uuidsOf('person_id', q.person_id)]);
  const businesses = uuidsOf('business_id', q.business_id);
  // One holder kind is read by key; the other, when both are given, is checked on what it finds.
  const heldBy: HolderSet | undefined =
    people.length > 0 ? { kind: 'PERSON', ids: people } : businesses ? { kind: 'BUSINESS', ids: businesses } : undefined;
  if (people.length > 0 && businesses) matchers.push((a) => containsAnyOf(businesses)(a.business_ids));
  const number = accountNumberFilter(q.account_number);
  if (number.where) where.push(number.where);
  if (number.match) matchers.push(number.match);
  if (q.nickname !== undefined) where.push({ op: 'eq', field: 'nickname', value: q.nickname });
  const products = uuidsOf('interest_product_id', q.interest_product_id);
  if (products) where.push({ op: 'in', field: 'interest_product_id', values: products });
  // overdraft_account_id / overflow_account_id are deprecated aliases of linked_account_id.
  const linked = together(
    ['linked_account_id', 'overdraft_account_id', 'overflow_account_id'],
    [
      uuidsOf('linked_account_id', q.linked_account_id),
      uuidsOf('overdraft_account_id', q.overdraft_account_id),
      uuidsOf('overflow_account_id', q.overflow_account_id),
    ],
  );
  if (linked.length > 0) matchers.push((a) => linkedOf(a).some((id) => linked.includes(id)));
  const spendControls = uuidsOf('spend_control_ids', q.spend_control_ids);
  if (spendControls) matchers.push((a) => containsAnyOf(spendControls)(a.spend_control_ids));
  booleanOf('include_general_ledger', q.include_general_ledger);
  const empty = q.account_type === 'GENERAL_LEDGER' || q.general_ledger_type !== undefined;
  return {
    where,
    empty,
    ...(heldBy ? { heldBy } : {}),
    ...(matchers.length > 0 ? { match: (a: AccountRecord) => matchers.every((m) => m(a)) } : {}),
  };
};
