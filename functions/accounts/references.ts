import { ApiError, badRequest } from '../shared/errors.js';
import { TYPE_RULES } from './account-types.js';
import type { AccountsContext } from './context.js';
import type { AccountType } from './enums.js';
import type { AccountRecord, BalanceCeiling, BalanceFloor } from './model.js';
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

const notFound = (field: string, what: string, id: string) => new ApiError(404, 'NOT_FOUND', `${field}: ${what} ${id} not found`);
const unprocessable = (detail: string) => new ApiError(422, 'UNPROCESSABLE_ENTITY', detail);

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

/** A backing account: same tenant, CHECKING or SAVING, open, and not the account itself. */
const assertBackingAccount = async (ctx: AccountsContext, field: string, id: string, selfId: string | undefined): Promise<AccountRecord> => {
  if (id === selfId) throw badRequest(`${field} must not be the account itself`);
  const linked = await ctx.accounts.getAccount(ctx.tenantId, id);
  if (!linked) throw notFound(field, 'account', id);
  if (linked.account_type !== 'CHECKING' && linked.account_type !== 'SAVING') {
    throw unprocessable(`${field}: account ${id} is ${linked.account_type}; it must be a CHECKING or SAVING account`);
  }
  if (TERMINAL_STATUSES.includes(linked.status)) throw unprocessable(`${field}: account ${id} is ${linked.status}`);
  return linked;
};

/**
 * Checks every reference present in `fields` (reads: one per product or linked account).
 * `type` decides the interest rule; `selfId` is the account being changed, if any.
 */
export const assertReferences = async (ctx: AccountsContext, type: AccountType, fields: ReferencedFields, selfId?: string): Promise<void> => {
  if (fields.fee_product_ids && fields.fee_product_ids.length > 0) {
    throw badRequest('fee_product_ids: FEE account products are deprecated and not supported; use fee templates');
  }
  if (fields.balance_floor && fields.balance_ceiling && fields.balance_floor.balance > fields.balance_ceiling.balance) {
    throw badRequest('balance_floor.balance must not exceed balance_ceiling.balance');
  }
  const checks: Promise<unknown>[] = [];
  if (fields.interest_product_id) {
    const id = fields.interest_product_id.toLowerCase();
    checks.push(
      ctx.products.getProduct(ctx.tenantId, id).then((product) => {
        if (!product) throw notFound('interest_product_id', 'interest product', id);
        if (TYPE_RULES[type].interestMustCompoundDaily && product.calculation_method !== 'COMPOUNDED_DAILY') {
          throw unprocessable(`interest_product_id: a ${type} needs an interest product with calculation_method COMPOUNDED_DAILY; product ${id} is ${product.calculation_method}`);
        }
      }),
    );
  }
  const floorLinked = fields.balance_floor?.linked_account_id;
  if (floorLinked) checks.push(assertBackingAccount(ctx, 'balance_floor.linked_account_id', floorLinked, selfId));
  const ceilingLinked = fields.balance_ceiling?.linked_account_id;
  if (ceilingLinked && ceilingLinked !== floorLinked) checks.push(assertBackingAccount(ctx, 'balance_ceiling.linked_account_id', ceilingLinked, selfId));
  const security = fields.security?.linked_account_id.toLowerCase();
  if (security) checks.push(assertBackingAccount(ctx, 'security.linked_account_id', security, selfId));
  const outcomes = await Promise.allSettled(checks);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
};
