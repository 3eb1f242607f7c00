import { changedFields, type EventType, newEvent, type OutboxEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { ExternalAccountsContext } from './context.js';
import type { ExternalAccountRecord, Owner } from './model.js';
import { DuplicateExternalAccount, type ExternalAccountListCriteria, type OwnerFacts } from './ports.js';
import { duplicateConflict, newManualAccount, ownerFrom, patchAccount } from './rules.js';
import type { CreateExternalAccountInput, PatchExternalAccountInput } from './schemas.js';
import { externalAccountView } from './views.js';

// Manual external accounts (contract §9.1, §9.2, §9.4, §9.5). Each change is one transaction:
// the account, its duplicate claim and its event. Events carry the masked view only.

export const accountEvent = (
  ctx: Pick<ExternalAccountsContext, 'clock' | 'audit'>,
  type: EventType,
  a: ExternalAccountRecord,
  previous?: ExternalAccountRecord,
): OutboxEvent =>
  newEvent(ctx.clock, {
    type,
    tenant: a.tenant,
    resource_id: a.id,
    event_resource: externalAccountView(a),
    ...(previous
      ? { event_resource_changed_fields: changedFields(externalAccountView(previous), externalAccountView(a), ['last_updated_time']) }
      : {}),
    audit: ctx.audit,
  });

/** The owner, which must exist in the caller's tenant (another tenant's id is as unknown as none). */
export const existingOwner = async (ctx: Pick<ExternalAccountsContext, 'owners' | 'tenantId'>, owner: Owner): Promise<OwnerFacts> => {
  const found = await ctx.owners.find(ctx.tenantId, owner);
  if (!found) throw notFound(owner.kind === 'PERSON' ? `customer_id ${owner.id}` : `business_id ${owner.id}`);
  return found;
};

export const writingAccounts = async (write: () => Promise<void>): Promise<void> => {
  try {
    await write();
  } catch (error) {
    if (error instanceof DuplicateExternalAccount) throw duplicateConflict();
    throw error;
  }
};

export const createExternalAccount = async (
  ctx: ExternalAccountsContext,
  input: CreateExternalAccountInput,
): Promise<ExternalAccountRecord> => {
  const owner = ownerFrom(input);
  await existingOwner(ctx, owner);
  const account = newManualAccount(ctx.tenantId, owner, input, { id: newId(), now: ctx.clock.now().toISOString() });
  await writingAccounts(() => ctx.accounts.write([{ account, events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.CREATED', account)] }]));
  return account;
};

export const loadAccount = async (
  ctx: Pick<ExternalAccountsContext, 'accounts' | 'tenantId'>,
  id: string,
): Promise<ExternalAccountRecord> => {
  const account = await ctx.accounts.getAccount(ctx.tenantId, id);
  if (!account) throw notFound('external account');
  return account;
};

export const getExternalAccount = (ctx: ExternalAccountsContext, id: string) => loadAccount(ctx, id);

export const updateExternalAccount = (ctx: ExternalAccountsContext, id: string, input: PatchExternalAccountInput) =>
  retryOnConflict(async () => {
    const current = await loadAccount(ctx, id);
    const next = patchAccount(current, input, ctx.clock.now().toISOString());
    await writingAccounts(() =>
      ctx.accounts.write([{ account: next, previous: current, events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.UPDATED', next, current)] }]),
    );
    return next;
  });

export const listExternalAccounts = (
  ctx: ExternalAccountsContext,
  criteria: ExternalAccountListCriteria,
): Promise<Page<ExternalAccountRecord>> => ctx.accounts.listAccounts(ctx.tenantId, criteria);
