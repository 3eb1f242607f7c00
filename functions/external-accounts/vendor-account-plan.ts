import { badRequest } from '../shared/errors.js';
import { existingOwner } from './external-accounts.js';
import type { Owner } from './model.js';
import type { OwnerFacts, VendorLinkRecord } from './ports.js';
import { ownerFrom } from './rules.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { asDomainError } from './vendor-errors.js';
import { linkFor, tokenOf } from './vendor-links.js';
import { type VendorAccounts, VendorFailure } from './vendor-ports.js';
import type { VendorAccountsInput } from './vendor-schemas.js';

// What add and sync do before judging any account: check the request against the vendor, find the
// owner and its link, and read the vendor's accounts.

export interface Plan {
  owner: Owner;
  facts: OwnerFacts;
  link: VendorLinkRecord;
  token: string;
}

/** The owner, its link for the token (Plaid) or vendor customer (Finicity), and the decrypted token. */
export const plan = async (ctx: VendorFlowsContext, input: VendorAccountsInput, op: 'add' | 'sync'): Promise<Plan> => {
  const owner = ownerFrom(input);
  if (input.verify_owner && owner.kind === 'BUSINESS')
    throw badRequest('verify_owner is available for personal customers only, not with business_id');
  const facts = await existingOwner(ctx, owner);
  if (input.vendor === 'FINICITY') {
    if (op === 'add')
      throw badRequest(
        'add_vendor_accounts is not available with FINICITY: call sync_vendor_accounts with vendor_customer_id, which adds every account the user linked in Connect',
      );
    if (!input.vendor_customer_id) throw badRequest('vendor_customer_id is required with FINICITY');
    const link = await linkFor(ctx, 'FINICITY', input.vendor_customer_id, owner, 'vendor_customer_id');
    return { owner, facts, link, token: await tokenOf(ctx, link) };
  }
  if (!input.vendor_access_token) throw badRequest('vendor_access_token is required with PLAID');
  if (op === 'add' && !input.vendor_account_ids) throw badRequest('vendor_account_ids is required for add_vendor_accounts with PLAID');
  const link = await linkFor(ctx, 'PLAID', input.vendor_access_token, owner, 'vendor_access_token');
  if (input.verify_owner && link.micro_deposit) throw badRequest('verify_owner is not available for micro-deposit links (no owner data)');
  return { owner, facts, link, token: input.vendor_access_token };
};

/** The vendor's accounts, or the failure every requested account reports (timeouts and 5xx are thrown). */
export const readVendor = async (ctx: VendorFlowsContext, input: VendorAccountsInput, p: Plan): Promise<VendorAccounts | VendorFailure> => {
  try {
    // Names come from Identity for every account; micro-deposit items have none.
    return await (await ctx.vendors.gateway(input.vendor)).getAccounts(p.token, { withOwners: !p.link.micro_deposit });
  } catch (error) {
    if (!(error instanceof VendorFailure)) throw error;
    if (error.kind === 'TIMEOUT' || (error.kind === 'UNAVAILABLE' && asDomainError(error).name === 'VendorUnavailable'))
      throw asDomainError(error);
    return error;
  }
};
