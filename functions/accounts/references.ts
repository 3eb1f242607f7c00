import { badRequest, NotFound, RuleViolation } from '../shared/errors.js';
import { TYPE_RULES } from './account-types.js';
import type { AccountsContext } from './context.js';
import type { AccountType } from './enums.js';
import { ownersOf, sameHolder, storedHolderRoles } from './holder-roles.js';
import type { AccountRecord, BalanceCeiling, BalanceFloor, HolderRole } from './model.js';
import type { ProductGuard } from './ports.js';
import { TERMINAL_STATUSES } from './status-rules.js';

// Ids an account or template points at must resolve inside the caller's tenant (another
// tenant's id reads as missing), and must be the right kind of thing (contract §2.10, §6.2).

export interface ReferencedFields {
  interest_product_id?: string;
  fee_product_ids?: string[];
  balance_floor?: BalanceFloor;
  balance_ceiling?: BalanceCeiling;
  security?: { linked_account_id: string };
}

const notFound = (field: string, what: string, id: string) => new NotFound(`${field}: ${what} ${id} not found`);
const unprocessable = (detail: string) => new RuleViolation(detail);

/** Folds Synctera's deprecated alias into `linked_account_id`; a disagreeing pair is refused. */
const linkedIdOf = (field: string, linked: string | undefined, alias: string | undefined, aliasName: string): string | undefined => {
  if (linked && alias && linked.toLowerCase() !== alias.toLowerCase()) {
    throw badRequest(`${field}.${aliasName} is a deprecated alias of linked_account_id and must not differ from it`);
  }
  return (linked ?? alias)?.toLowerCase();
};

export const normalizeFloor = (floor: BalanceFloor | undefined): BalanceFloor | undefined => {
  if (!floor) return undefined;
  const linked = linkedIdOf('balance_floor', floor.linked_account_id, floor.overdraft_account_id, 'overdraft_account_id');
  return { balance: floor.balance, ...(linked ? { linked_account_id: linked } : {}) };
};

export const normalizeCeiling = (ceiling: BalanceCeiling | undefined): BalanceCeiling | undefined => {
  if (!ceiling) return undefined;
  const linked = linkedIdOf('balance_ceiling', ceiling.linked_account_id, ceiling.overflow_account_id, 'overflow_account_id');
  return { balance: ceiling.balance, ...(linked ? { linked_account_id: linked } : {}) };
};

/** Whose accounts a link may reach: the owners of the account being written (none for a template). */
export interface ReferenceScope {
  /** The account being changed, if any: it cannot back itself. */
  selfId?: string;
  /** Owners of the account (not set for a template, which has no holders). */
  owners?: readonly HolderRole[];
}

/** What the write must check again at commit, so a concurrent change cannot slip between. */
export interface ResolvedReferences {
  /** Present for a type that needs a daily-compounding interest product (a LINE_OF_CREDIT). */
  product?: ProductGuard;
  /** Linked accounts of an account: still transactable at commit. */
  linkedAccountIds: string[];
}

const transactableProblem = (linked: AccountRecord): string | undefined => {
  if (linked.status !== 'ACTIVE_OR_DISBURSED') return `is ${linked.status}`;
  if (linked.access_status !== 'ACTIVE') return `has access_status ${linked.access_status}`;
  return undefined;
};

/**
 * A linked account: same tenant, CHECKING or SAVING, open, and not the account itself. For an
 * account (not a template) it must also move money now (ACTIVE_OR_DISBURSED, access_status
 * ACTIVE) and be owned by one of the account's owners: a floor, ceiling or security link moves
 * money between the two, which only the owner of both may set up.
 */
const assertLinkedAccount = async (ctx: AccountsContext, field: string, id: string, scope: ReferenceScope): Promise<AccountRecord> => {
  if (id === scope.selfId) throw badRequest(`${field} must not be the account itself`);
  const linked = await ctx.accounts.getAccount(ctx.tenantId, id);
  if (!linked) throw notFound(field, 'account', id);
  if (linked.account_type !== 'CHECKING' && linked.account_type !== 'SAVING') {
    throw unprocessable(`${field}: account ${id} is ${linked.account_type}; it must be a CHECKING or SAVING account`);
  }
  if (TERMINAL_STATUSES.includes(linked.status)) throw unprocessable(`${field}: account ${id} is ${linked.status}`);
  if (!scope.owners) return linked;
  const problem = transactableProblem(linked);
  if (problem)
    throw unprocessable(`${field}: account ${id} ${problem}; a linked account must be ACTIVE_OR_DISBURSED with access_status ACTIVE`);
  const linkedOwners = ownersOf(await storedHolderRoles(ctx.accounts, linked));
  if (!scope.owners.some((owner) => linkedOwners.some((other) => sameHolder(owner, other)))) {
    throw unprocessable(
      `${field}: account ${id} has no owner in common with this account; a linked account must be owned (PRIMARY or JOINT holder) by one of its owners`,
    );
  }
  return linked;
};

/**
 * Checks every reference present in `fields` (reads: one per product or linked account, and the
 * relationships of a linked account written before holder_roles existed). `type` decides the
 * interest rule; `scope` says whose account the references are for.
 */
export const assertReferences = async (
  ctx: AccountsContext,
  type: AccountType,
  fields: ReferencedFields,
  scope: ReferenceScope = {},
): Promise<ResolvedReferences> => {
  if (fields.fee_product_ids && fields.fee_product_ids.length > 0) {
    throw badRequest('fee_product_ids: FEE account products are deprecated and not supported; use fee templates');
  }
  if (fields.balance_floor && fields.balance_ceiling && fields.balance_floor.balance > fields.balance_ceiling.balance) {
    throw badRequest('balance_floor.balance must not exceed balance_ceiling.balance');
  }
  const dailyOnly = TYPE_RULES[type].interestMustCompoundDaily;
  let product: ProductGuard | undefined;
  const checks: Promise<unknown>[] = [];
  if (fields.interest_product_id) {
    const id = fields.interest_product_id.toLowerCase();
    checks.push(
      ctx.products.getProduct(ctx.tenantId, id).then((found) => {
        if (!found) throw notFound('interest_product_id', 'interest product', id);
        if (dailyOnly && found.calculation_method !== 'COMPOUNDED_DAILY') {
          throw unprocessable(
            `interest_product_id: a ${type} needs an interest product with calculation_method COMPOUNDED_DAILY; product ${id} is ${found.calculation_method}`,
          );
        }
        if (dailyOnly) product = { product: found };
      }),
    );
  }
  const linked = new Map<string, string>();
  const floorLinked = fields.balance_floor?.linked_account_id;
  if (floorLinked) linked.set(floorLinked, 'balance_floor.linked_account_id');
  const ceilingLinked = fields.balance_ceiling?.linked_account_id;
  if (ceilingLinked && !linked.has(ceilingLinked)) linked.set(ceilingLinked, 'balance_ceiling.linked_account_id');
  const security = fields.security?.linked_account_id.toLowerCase();
  if (security && !linked.has(security)) linked.set(security, 'security.linked_account_id');
  for (const [id, field] of linked) checks.push(assertLinkedAccount(ctx, field, id, scope));
  const outcomes = await Promise.allSettled(checks);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  return { ...(product ? { product } : {}), linkedAccountIds: scope.owners ? [...linked.keys()] : [] };
};
