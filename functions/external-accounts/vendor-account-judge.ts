import { newId } from '../shared/ids.js';
import type { AggregatorVendor, ExternalAccountRecord, Owner } from './model.js';
import type { VendorLinkRecord } from './ports.js';
import { ownerVerified } from './owner-match.js';
import { ownerFields } from './rules.js';
import { type FailedAccount, failed } from './vendor-account-failures.js';
import type { Plan } from './vendor-account-plan.js';
import type { VendorFlowsContext } from './vendor-context.js';
import type { VendorAccount, VendorAccounts } from './vendor-ports.js';
import type { VendorAccountsInput } from './vendor-schemas.js';

// Which of the wanted vendor accounts become external accounts, and why each other one is refused.

const newVendorAccount = (
  ctx: VendorFlowsContext,
  input: {
    owner: Owner;
    customerType: VendorAccountsInput['customer_type'];
    vendor: AggregatorVendor;
    link: VendorLinkRecord;
    bankName: string;
  },
  v: VendorAccount,
  now: string,
): ExternalAccountRecord => ({
  id: newId(),
  tenant: ctx.tenantId,
  ...ownerFields(input.owner),
  customer_type: input.customerType,
  type: v.type,
  status: 'ACTIVE',
  account_owner_names: [...new Set((v.owners ?? []).flatMap((o) => o.names))],
  account_identifiers: { number: v.account_number as string },
  routing_identifiers: {
    bank_name: input.bankName,
    bank_countries: ['US'],
    ...(v.routing_number ? { ach_routing_number: v.routing_number } : {}),
    ...(v.wire_routing_number ? { wire_routing_number: v.wire_routing_number } : {}),
  },
  verification: { vendor: input.vendor, status: v.verified ? 'VERIFIED' : 'UNVERIFIED', creation_time: now, last_updated_time: now },
  currency: v.currency,
  name: v.name,
  vendor_account_id: v.vendor_account_id,
  vendor_data: { ...(v.mask ? { account_number_mask: v.mask } : {}), institution_id: v.institution_id ?? input.link.institution_id },
  vendor_link_id: input.link.id,
  creation_time: now,
  last_updated_time: now,
  version: 1,
});

/** Candidates judged one by one: found, supported, owner verified, not already linked. */
export const judge = async (
  ctx: VendorFlowsContext,
  input: VendorAccountsInput,
  p: Plan,
  vendor: VendorAccounts,
  wanted: string[],
  linked: ExternalAccountRecord[],
) => {
  const now = ctx.clock.now().toISOString();
  const failures: FailedAccount[] = [];
  const candidates: ExternalAccountRecord[] = [];
  for (const id of wanted) {
    const v = vendor.accounts.find((a) => a.vendor_account_id === id);
    if (!v) failures.push(failed(id, 'ACCOUNT_NOT_FOUND', 'the vendor account id is not among the linked item’s accounts'));
    else if (!v.supported)
      failures.push(
        failed(
          id,
          'UNSUPPORTED_ACCOUNT_TYPE',
          `a ${v.type} account cannot be an external account for payments; link a checking or savings account`,
        ),
      );
    else if (!v.account_number)
      failures.push(failed(id, 'PROVIDER_ERROR', 'the vendor returned no account number for this account (NO_AUTH_ACCOUNTS)'));
    else if (linked.some((a) => a.vendor_account_id === id))
      failures.push(failed(id, 'DUPLICATE_ACCOUNT', 'this account is already linked for this customer'));
    else if (input.verify_owner && !ownerVerified(p.facts, v.owners ?? []))
      failures.push(failed(id, 'FAILED_VERIFICATION', 'fewer than 2 of name, phone, email and address match the customer'));
    else
      candidates.push(
        newVendorAccount(
          ctx,
          {
            owner: p.owner,
            customerType: input.customer_type,
            vendor: input.vendor,
            link: p.link,
            bankName: vendor.institution_name ?? 'Unknown',
          },
          v,
          now,
        ),
      );
  }
  const claimed = await ctx.accounts.claimedAmong(candidates);
  for (const c of candidates.filter((c) => claimed.has(c.id)))
    failures.push(
      failed(
        c.vendor_account_id as string,
        'DUPLICATE_ACCOUNT',
        'an external account with this owner, routing and account number already exists',
      ),
    );
  return { failures, added: candidates.filter((c) => !claimed.has(c.id)) };
};
