import { changedFields, newEvent, type OutboxEvent } from '../events/model.js';
import { AlreadyExists, ConcurrentModification, internalError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertApplicable, newAccount, patchAccount } from './account-rules.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import { todayOf, type AccountsContext } from './context.js';
import { resolveRelationships } from './holders.js';
import type { AccountRecord } from './model.js';
import { fintechIdOf } from './numbers.js';
import { acceptanceGuards, type KycPorts, reconcileAccounts } from './holder-kyc.js';
import { holderRolesOf, ownersOf, storedHolderRoles } from './holder-roles.js';
import { type AccountListCriteria, AccountNumberTaken, HolderNotAccepted } from './ports.js';
import { assertReferences } from './references.js';
import type { CreateAccountInput, PatchAccountInput } from './schemas.js';
import { assertNotTerminal } from './status-rules.js';
import { selectTemplate } from './template-selection.js';
import { accountEventView } from './views.js';

// Account use-cases (contract §2). Reads made to validate a create, before its single
// TransactWriteItems: the template (1), each holder (1 per relationship), the tenant's
// routing number (1), and each referenced product or linked account (0 to 3). Every write
// that leaves an account open checks its owners and signers are still ACCEPTED (holder-kyc.ts).

/** An account with what its balances depend on: a CHARGE_SECURED spends its security account's funds. */
export interface LoadedAccount {
  account: AccountRecord;
  security?: AccountRecord;
}

const NUMBER_ATTEMPTS = 5;

const securityOf = async (ctx: AccountsContext, account: AccountRecord): Promise<AccountRecord | undefined> =>
  account.security ? ctx.accounts.getAccount(ctx.tenantId, account.security.linked_account_id) : undefined;

export const loaded = async (ctx: AccountsContext, account: AccountRecord): Promise<LoadedAccount> => {
  const security = await securityOf(ctx, account);
  return security ? { account, security } : { account };
};

export const accountEvent = (
  ctx: AccountsContext,
  type: 'ACCOUNT.CREATED' | 'ACCOUNT.UPDATED',
  after: LoadedAccount,
  extra: { before?: AccountRecord; note?: string | undefined; changed?: Record<string, unknown> } = {},
): OutboxEvent =>
  newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: after.account.id,
    event_resource: accountEventView(after.account, after.security),
    ...(extra.before
      ? {
          event_resource_changed_fields: {
            ...changedFields(accountEventView(extra.before, after.security), accountEventView(after.account, after.security), [
              'last_updated_time',
            ]),
            ...extra.changed,
          },
        }
      : {}),
    ...(extra.note ? { note: extra.note } : {}),
    audit: ctx.audit,
  });

const bankRoutingOf = async (ctx: AccountsContext): Promise<string> => {
  const routing = await ctx.tenants.bankRouting(ctx.tenantId);
  // The authorizer only admits keys of existing tenants, and every tenant has a routing number.
  if (!routing) throw internalError();
  return routing;
};

export const createAccount = (ctx: AccountsContext, input: CreateAccountInput): Promise<LoadedAccount> =>
  retryOnConflict(async () => {
    const template = await selectTemplate(ctx, input);
    assertApplicable(template.template.account_type, input as Record<string, unknown>);
    const id = newId();
    const now = ctx.clock.now().toISOString();
    const [{ relationships, holders }, bankRouting] = await Promise.all([
      resolveRelationships(ctx, input.relationships, { accountId: id, now }),
      bankRoutingOf(ctx),
    ]);
    const manual = input.manual_account_number;
    const numberFor = () => manual ?? ctx.numbers.next(fintechIdOf(ctx.tenantId));
    const build = (accountNumber: string) =>
      newAccount(input, template, relationships, {
        id,
        tenant: ctx.tenantId,
        now,
        today: todayOf(ctx),
        bankRouting,
        accountNumber,
        generatedNumber: !manual,
      });
    let account = build(numberFor());
    const { product, linkedAccountIds } = await assertReferences(ctx, account.account_type, account, {
      selfId: id,
      owners: ownersOf(holderRolesOf(relationships)),
    });
    const result = await loaded(ctx, account);
    for (let attempt = 1; ; attempt++) {
      try {
        const event = accountEvent(ctx, 'ACCOUNT.CREATED', result, { note: input.note });
        // Holders are guarded on what was judged: owners and signers still ACCEPTED at commit,
        // so no account opens for a holder whose rejection has committed (holders.ts guardOf).
        await ctx.accounts.createAccount({ account, relationships, holders, linkedAccountIds, ...(product ? { product } : {}), event });
        return result;
      } catch (error) {
        if (!(error instanceof AccountNumberTaken)) throw error;
        if (manual) throw new AlreadyExists('manual_account_number is already in use at this bank');
        if (attempt >= NUMBER_ATTEMPTS) throw new ConcurrentModification('could not allocate a free account number; retry the request');
        account = build(numberFor());
        result.account = account;
      }
    }
  });

export const getAccountRecord = async (ctx: AccountsContext, id: string): Promise<AccountRecord> => {
  const account = await ctx.accounts.getAccount(ctx.tenantId, id);
  if (!account) throw notFound('account');
  return account;
};

/** One GetItem, plus the security account's for a CHARGE_SECURED. */
export const getAccount = async (ctx: AccountsContext, id: string): Promise<LoadedAccount> => loaded(ctx, await getAccountRecord(ctx, id));

export const kycPortsOf = (ctx: AccountsContext): KycPorts => ({ accounts: ctx.accounts, holders: ctx.holders });

/**
 * The account about to be changed, its KYC state first brought up to date if it is RESTRICTED
 * (a lift that a crash left undone is applied, so the change starts from the right status).
 * The opposite case, an account left open for a holder who is no longer ACCEPTED, is caught
 * by the write itself (`repairingKyc`), so the common path costs no extra read.
 */
export const accountToChange = async (ctx: AccountsContext, id: string): Promise<AccountRecord> => {
  const current = await getAccountRecord(ctx, id);
  if (current.status !== 'RESTRICTED') return current;
  await reconcileAccounts(kycPortsOf(ctx), ctx, [id]);
  return getAccountRecord(ctx, id);
};

/**
 * Runs an account write that relies on the account's owners and signers being ACCEPTED. If one
 * is not, a restriction was decided but never applied (a verification run that died between
 * committing the holder and restricting its accounts): apply it, then let `retryOnConflict`
 * re-read and decide the change again on the restricted account.
 */
export const repairingKyc = async <T>(ctx: AccountsContext, accountId: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof HolderNotAccepted) await reconcileAccounts(kycPortsOf(ctx), ctx, [accountId]);
    throw error;
  }
};

export const updateAccount = (ctx: AccountsContext, id: string, input: PatchAccountInput): Promise<LoadedAccount> =>
  retryOnConflict(async () => {
    const current = await accountToChange(ctx, id);
    assertNotTerminal(current);
    const { next, changed } = patchAccount(current, input, { now: ctx.clock.now().toISOString(), today: todayOf(ctx) });
    if (!changed) return loaded(ctx, current);
    const roles = await storedHolderRoles(ctx.accounts, current);
    const { product, linkedAccountIds } = await assertReferences(
      ctx,
      current.account_type,
      {
        ...(input.interest_product_id ? { interest_product_id: input.interest_product_id } : {}),
        ...(input.balance_floor ? { balance_floor: next.balance_floor } : {}),
        ...(input.balance_ceiling ? { balance_ceiling: next.balance_ceiling } : {}),
        ...(input.security ? { security: input.security } : {}),
        ...(input.fee_product_ids ? { fee_product_ids: input.fee_product_ids } : {}),
      },
      { selfId: id, owners: ownersOf(roles) },
    );
    const after = await loaded(ctx, next);
    const event = accountEvent(ctx, 'ACCOUNT.UPDATED', after, { before: current, note: input.note });
    await repairingKyc(ctx, id, () =>
      ctx.accounts.replaceAccount({
        account: next,
        expectedVersion: current.version,
        events: [event],
        holders: acceptanceGuards(next, roles),
        linkedAccountIds,
        ...(product ? { product } : {}),
      }),
    );
    return after;
  });

/** Query-only; a CHARGE_SECURED on the page adds one read of its security account. */
export const listAccounts = async (ctx: AccountsContext, criteria: AccountListCriteria): Promise<Page<LoadedAccount>> => {
  const page = await ctx.accounts.listAccounts(ctx.tenantId, criteria);
  const securityIds = [...new Set(page.items.flatMap((a) => (a.security ? [a.security.linked_account_id] : [])))];
  const securities = new Map<string, AccountRecord>();
  await Promise.all(
    securityIds.map(async (sid) => {
      const found = await ctx.accounts.getAccount(ctx.tenantId, sid);
      if (found) securities.set(sid, found);
    }),
  );
  const items = page.items.map((account) => {
    const security = account.security && securities.get(account.security.linked_account_id);
    return security ? { account, security } : { account };
  });
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
};
