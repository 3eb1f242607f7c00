import { badRequest } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { VersionConflict } from '../shared/page.js';
import { accountEvent, existingOwner, writingAccounts } from './external-accounts.js';
import type { AggregatorVendor, ExternalAccountRecord, Owner } from './model.js';
import { DuplicateExternalAccount, type ExternalAccountWrite, type OwnerFacts, type VendorLinkRecord } from './ports.js';
import { ownerVerified } from './owner-match.js';
import { deletedAccount, ownerFields, ownerFrom } from './rules.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { asDomainError } from './vendor-errors.js';
import { linkFor, tokenOf } from './vendor-links.js';
import { type VendorAccount, type VendorAccounts, VendorFailure } from './vendor-ports.js';
import type { VendorAccountsInput } from './vendor-schemas.js';
import { externalAccountView } from './views.js';

// add_vendor_accounts and sync_vendor_accounts (contract §9.6). The vendor is read first (Auth
// numbers, Identity owners); then every account that passes is written in ONE transaction with
// its event. A 200 can carry failures: each refused account is reported in failed_accounts.

export type FailureReason =
  | 'ACCOUNT_NOT_FOUND'
  | 'DUPLICATE_ACCOUNT'
  | 'FAILED_VERIFICATION'
  | 'PROVIDER_ERROR'
  | 'UNSUPPORTED_ACCOUNT_TYPE';

export interface FailedAccount {
  vendor_account_id: string;
  reason: FailureReason;
  reason_description: string;
  vendor_error_message?: string;
  vendor_request_id?: string;
}

const failed = (
  vendor_account_id: string,
  reason: FailureReason,
  reason_description: string,
  extra: Partial<FailedAccount> = {},
): FailedAccount => ({
  vendor_account_id,
  reason,
  reason_description,
  ...extra,
});

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

interface Plan {
  owner: Owner;
  facts: OwnerFacts;
  link: VendorLinkRecord;
  token: string;
}

/** The owner, its link for the token (Plaid) or vendor customer (Finicity), and the decrypted token. */
const plan = async (ctx: VendorFlowsContext, input: VendorAccountsInput, op: 'add' | 'sync'): Promise<Plan> => {
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
const readVendor = async (ctx: VendorFlowsContext, input: VendorAccountsInput, p: Plan): Promise<VendorAccounts | VendorFailure> => {
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

const providerError = (id: string, f: VendorFailure) =>
  failed(id, 'PROVIDER_ERROR', asDomainError(f).detail, {
    vendor_error_message: f.displayMessage ?? f.vendorMessage,
    ...(f.requestId ? { vendor_request_id: f.requestId } : {}),
  });

/** Candidates judged one by one: found, supported, owner verified, not already linked. */
const judge = async (
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

const createdWrites = (ctx: VendorFlowsContext, added: ExternalAccountRecord[]): ExternalAccountWrite[] =>
  added.map((account) => ({ account, events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.CREATED', account)] }));

// A duplicate that appeared between the claim check and the write: judge again (at most twice).
const writeJudged = async (ctx: VendorFlowsContext, attempt: () => Promise<{ writes: ExternalAccountWrite[] }>) => {
  for (let i = 0; ; i++) {
    const { writes } = await attempt();
    try {
      if (writes.length > 0) await writingAccounts(() => ctx.accounts.write(writes));
      return;
    } catch (error) {
      if (
        i < 2 &&
        (error instanceof DuplicateExternalAccount || error instanceof VersionConflict || (error as Error).name === 'AlreadyExists')
      )
        continue;
      throw error;
    }
  }
};

export const addVendorAccounts = async (ctx: VendorFlowsContext, input: VendorAccountsInput) => {
  const p = await plan(ctx, input, 'add');
  const wanted = [...new Set(input.vendor_account_ids ?? [])];
  let result = { added: [] as ExternalAccountRecord[], failures: [] as FailedAccount[] };
  await writeJudged(ctx, async () => {
    const vendor = await readVendor(ctx, input, p);
    if (vendor instanceof VendorFailure) {
      result = { added: [], failures: wanted.map((id) => providerError(id, vendor)) };
      return { writes: [] };
    }
    const linked = await ctx.accounts.accountsOfLink(ctx.tenantId, p.link.id);
    const judged = await judge(ctx, input, p, vendor, wanted, linked);
    result = { added: judged.added, failures: judged.failures };
    return { writes: createdWrites(ctx, judged.added) };
  });
  return { added_accounts: result.added.map(externalAccountView), failed_accounts: result.failures };
};

/**
 * After Link's update mode (or Connect): accounts the user added are added, accounts the user
 * removed are deleted, and accounts whose micro-deposits were confirmed become VERIFIED.
 */
export const syncVendorAccounts = async (ctx: VendorFlowsContext, input: VendorAccountsInput) => {
  const p = await plan(ctx, input, 'sync');
  let result = { added: [] as ExternalAccountRecord[], deleted: [] as ExternalAccountRecord[], failures: [] as FailedAccount[] };
  await writeJudged(ctx, async () => {
    const linked = await ctx.accounts.accountsOfLink(ctx.tenantId, p.link.id);
    const vendor = await readVendor(ctx, input, p);
    if (vendor instanceof VendorFailure) {
      const ids = input.vendor_account_ids ?? linked.map((a) => a.vendor_account_id as string);
      result = { added: [], deleted: [], failures: ids.map((id) => providerError(id, vendor)) };
      return { writes: [] };
    }
    const inItem = new Set(vendor.accounts.map((a) => a.vendor_account_id));
    const now = ctx.clock.now().toISOString();
    const gone = linked.filter((a) => !inItem.has(a.vendor_account_id as string));
    const deleted = gone.map((a) => deletedAccount(a, now));
    const confirmed = linked
      .filter(
        (a) =>
          a.verification.status === 'UNVERIFIED' && vendor.accounts.some((v) => v.vendor_account_id === a.vendor_account_id && v.verified),
      )
      .map((a) => ({
        previous: a,
        account: {
          ...a,
          verification: { ...a.verification, status: 'VERIFIED' as const, last_updated_time: now },
          last_updated_time: now,
          version: a.version + 1,
        },
      }));
    const fresh = vendor.accounts.map((v) => v.vendor_account_id).filter((id) => !linked.some((a) => a.vendor_account_id === id));
    const wanted = input.vendor_account_ids ? fresh.filter((id) => input.vendor_account_ids?.includes(id)) : fresh;
    const judged = await judge(ctx, input, p, vendor, wanted, linked);
    // Accounts of other types (credit, investment) in the item are simply not synced, not failures.
    const failures = judged.failures.filter((f) => input.vendor_account_ids || f.reason !== 'UNSUPPORTED_ACCOUNT_TYPE');
    result = { added: judged.added, deleted, failures };
    return {
      writes: [
        ...createdWrites(ctx, judged.added),
        ...deleted.map((account, i) => ({
          account,
          previous: gone[i],
          events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.DELETED', account, gone[i])],
        })),
        ...confirmed.map(({ account, previous }) => ({
          account,
          previous,
          events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.UPDATED', account, previous)],
        })),
      ],
    };
  });
  return {
    added_accounts: result.added.map(externalAccountView),
    deleted_accounts: result.deleted.map(externalAccountView),
    failed_accounts: result.failures,
  };
};
