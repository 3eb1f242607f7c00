import { newEvent, type OutboxEvent } from '../events/model.js';
import type { ClosureContext } from './context.js';
import type { ClosingAccount } from './model.js';

/** ACCOUNT.UPDATED with the account as it is after the write (contract §3.4). */
export const accountUpdated = (
  ctx: ClosureContext,
  account: ClosingAccount,
  after: Record<string, unknown>,
  changed: Record<string, unknown>,
): OutboxEvent =>
  newEvent(ctx.clock, {
    type: 'ACCOUNT.UPDATED',
    tenant: ctx.tenantId,
    resource_id: account.id,
    event_resource: ctx.accountEventResource({ ...account.raw, ...after }),
    event_resource_changed_fields: changed,
    audit: ctx.audit,
  });
