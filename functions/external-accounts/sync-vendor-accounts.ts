import { accountEvent } from './external-accounts.js';
import type { ExternalAccountRecord } from './model.js';
import { deletedAccount } from './rules.js';
import { type FailedAccount, providerError } from './vendor-account-failures.js';
import { judge } from './vendor-account-judge.js';
import { plan, readVendor } from './vendor-account-plan.js';
import { createdWrites, writeJudged } from './vendor-account-writes.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { VendorFailure } from './vendor-ports.js';
import type { VendorAccountsInput } from './vendor-schemas.js';
import { externalAccountView } from './views.js';

// sync_vendor_accounts (contract §9.6), after Link's update mode (or Connect): accounts the user
// added are added, accounts the user removed are deleted, and accounts whose micro-deposits were
// confirmed become VERIFIED, all in ONE transaction with their events. A 200 can carry failures.

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
