import { newEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import { retryOnConflict } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import { type InternalAccountRecord, tenantGlRecords } from './gl.js';
import type { InternalAccountInput, InternalAccountPatch } from './schemas.js';
import { internalAccountView } from './views.js';

// /v0/internal_accounts: the tenant's GENERAL_LEDGER accounts. The customer-facing account
// routes cannot open one; the platform GLs (gl.ts) exist from the tenant's first ledger use.

const ensurePlatformGls = (ctx: LedgerContext) => ctx.store.ensureGls(tenantGlRecords(ctx.tenantId, ctx.clock.now().toISOString()));

export const createInternalAccount = async (ctx: LedgerContext, input: InternalAccountInput): Promise<InternalAccountRecord> => {
  const now = ctx.clock.now().toISOString();
  const record: InternalAccountRecord = {
    id: newId(),
    tenant: ctx.tenantId,
    alias: input.alias ?? `gl_${now}`,
    ...(input.description ? { description: input.description } : {}),
    currency: input.currency,
    account_type: 'GENERAL_LEDGER',
    status: input.status ?? 'ACTIVE',
    is_system_acc: false,
    ...(input.gl_type ? { gl_type: input.gl_type } : {}),
    ...(input.purpose ? { purpose: input.purpose } : {}),
    creation_time: now,
    last_updated_time: now,
    version: 1,
  };
  const event = newEvent(ctx.clock, {
    type: 'INTERNAL_ACCOUNT.CREATED',
    tenant: ctx.tenantId,
    resource_id: record.id,
    event_resource: internalAccountView(record),
    audit: ctx.audit,
  });
  await ctx.store.saveInternalAccount(record, undefined, event);
  return record;
};

export const getInternalAccount = async (ctx: LedgerContext, id: string): Promise<InternalAccountRecord> => {
  const found = await ctx.store.getInternalAccount(ctx.tenantId, id);
  if (!found) throw notFound('internal account');
  return found;
};

export const listInternalAccounts = async (ctx: LedgerContext, criteria: ListCriteria<InternalAccountRecord>) => {
  await ensurePlatformGls(ctx);
  return ctx.store.listInternalAccounts(ctx.tenantId, criteria);
};

export const patchInternalAccount = (ctx: LedgerContext, id: string, patch: InternalAccountPatch) =>
  retryOnConflict(async () => {
    const current = await getInternalAccount(ctx, id);
    const next: InternalAccountRecord = {
      ...current,
      ...patch,
      last_updated_time: ctx.clock.now().toISOString(),
      version: current.version + 1,
    };
    const event = newEvent(ctx.clock, {
      type: 'INTERNAL_ACCOUNT.UPDATED',
      tenant: ctx.tenantId,
      resource_id: id,
      event_resource: internalAccountView(next),
      audit: ctx.audit,
    });
    await ctx.store.saveInternalAccount(next, current.version, event);
    return next;
  });

/** The GL's balance: the sum of its shards (net credits), as internal_account_response balances. */
export const internalAccountBalance = (ctx: LedgerContext, id: string): Promise<number> => ctx.store.glBalance(ctx.tenantId, id);
