import { unprocessable } from '../shared/errors.js';
import type { ClosureContext } from './context.js';
import type { ClosingAccount, PaymentMethod } from './model.js';

// Where the final payment may go (contract §3.2 [INFERRED]): an ACH destination is an active
// external account of one of the account's holders; an internal destination is another open
// account, or an active internal account, of the same tenant, in the account's currency.

export const assertDestination = async (
  ctx: ClosureContext,
  account: ClosingAccount,
  method: PaymentMethod | null,
  destinationId: string | null,
): Promise<void> => {
  if (method === null || method === 'BANK_DRAFT' || destinationId === null) return;
  if (method === 'ACH') {
    const external = await ctx.externalAccounts.get(ctx.tenantId, destinationId);
    if (!external) throw unprocessable(`destination_id ${destinationId} names no external account of this tenant`);
    if (!external.owner_id || !account.holder_ids.includes(external.owner_id))
      throw unprocessable('destination_id must be an external account of one of the account holders');
    if (external.status !== 'ACTIVE') throw unprocessable(`destination_id: the external account is ${external.status}, not ACTIVE`);
    // The ledger originates the payout only from an account with the ACH rail (contract §2.11).
    if (account.raw.is_ach_enabled !== true) throw unprocessable('payment_method ACH needs is_ach_enabled on the account being closed');
    return;
  }
  if (destinationId === account.id) throw unprocessable('destination_id must not be the account being closed');
  const target =
    method === 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT'
      ? await ctx.ledger.customerAccount(destinationId)
      : await ctx.ledger.internalAccount(destinationId);
  const kind = method === 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT' ? 'account' : 'internal account';
  if (!target) throw unprocessable(`destination_id ${destinationId} names no ${kind} of this tenant`);
  const open = method === 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT' ? target.status === 'ACTIVE_OR_DISBURSED' : target.status === 'ACTIVE';
  if (!open) throw unprocessable(`destination_id: the ${kind} is ${target.status}, not open`);
  if (target.currency !== account.currency)
    throw unprocessable(`destination_id: the ${kind} is in ${target.currency}, the account in ${account.currency}`);
};
