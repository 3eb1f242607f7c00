import type { ExternalAccountRecord } from './model.js';
import { type FailedAccount, providerError } from './vendor-account-failures.js';
import { judge } from './vendor-account-judge.js';
import { plan, readVendor } from './vendor-account-plan.js';
import { createdWrites, writeJudged } from './vendor-account-writes.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { VendorFailure } from './vendor-ports.js';
import type { VendorAccountsInput } from './vendor-schemas.js';
import { externalAccountView } from './views.js';

// add_vendor_accounts (contract §9.6): the vendor is read first (Auth numbers, Identity owners);
// then every account that passes is written in ONE transaction with its event. A 200 can carry
// failures: each refused account is reported in failed_accounts.

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
