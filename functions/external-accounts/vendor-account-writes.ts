import { VersionConflict } from '../shared/page.js';
import { accountEvent, writingAccounts } from './external-accounts.js';
import type { ExternalAccountRecord } from './model.js';
import { DuplicateExternalAccount, type ExternalAccountWrite } from './ports.js';
import type { VendorFlowsContext } from './vendor-context.js';

// Writing what add and sync judged: every account with its event in ONE transaction.

export const createdWrites = (ctx: VendorFlowsContext, added: ExternalAccountRecord[]): ExternalAccountWrite[] =>
  added.map((account) => ({ account, events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.CREATED', account)] }));

// A duplicate that appeared between the claim check and the write: judge again (at most twice).
export const writeJudged = async (ctx: VendorFlowsContext, attempt: () => Promise<{ writes: ExternalAccountWrite[] }>) => {
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
