import { accountEventView } from '../accounts/views.js';
import type { AccountRecord } from '../accounts/model.js';
import { dynamoClosureStore } from '../adapters/dynamodb/closure-store.js';
import { dynamoExternalAccountDirectory } from '../adapters/dynamodb/external-account-directory.js';
import type { ClosureContext } from '../closures/context.js';
import type { ClosureLedger, ExternalAccountLookup } from '../closures/ports.js';
import { accountClosureView } from '../closures/views.js';
import { newEvent } from '../events/model.js';
import { getAch, originateAch } from '../ledger/ach.js';
import { interestAccruedUpTo, payoutId } from '../ledger/accrual.js';
import { openDisputesOfAccount } from '../ledger/disputes.js';
import { cancelActivePaymentSchedules } from '../ledger/payment-schedules.js';
import type { LedgerContext } from '../ledger/context.js';
import { tenantGlId, uuidOf } from '../ledger/gl.js';
import { createTransfer } from '../ledger/transfers.js';
import type { UseCaseScope } from '../shared/scope.js';
import { tenantAchContext } from './ledger.js';

// The closure domain's ports bound to the accounts item (the store), the ledger's use-cases
// (transfers, ACH, interest, sandbox disputes, payment schedules) and the external-account directory.

const store = dynamoClosureStore(accountClosureView);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A step key becomes the transaction id; a key that already is an id (the ledger's own month payout id) is kept. */
const idOf = (ctx: LedgerContext, key: string): string => (UUID.test(key) ? key : uuidOf(`bankline:closure:${ctx.tenantId}:${key}`));

const exists = (error: unknown): boolean => (error as Error).name === 'TransactionExists';

const closureLedger = (ctx: Awaited<ReturnType<typeof tenantAchContext>>): ClosureLedger => ({
  async transfer(input) {
    const id = idOf(ctx, input.key);
    const events = input.interestEvent
      ? [
          newEvent(ctx.clock, {
            type: 'INTEREST.MONTHLY_PAYOUT',
            tenant: ctx.tenantId,
            resource_id: input.to,
            event_resource: { account_id: input.to, month: input.interestEvent.month, amount: input.amount, currency: input.currency },
            audit: ctx.audit,
          }),
        ]
      : [];
    try {
      await createTransfer(
        ctx,
        {
          id,
          amount: input.amount,
          currency: input.currency,
          type: input.type,
          originating_account_id: input.from,
          receiving_account_id: input.to,
          memo: input.memo,
        },
        'PLATFORM',
        events,
      );
    } catch (error) {
      if (!exists(error)) throw error;
    }
    return { transaction_id: id };
  },
  async achPayout(input) {
    const id = idOf(ctx, input.key);
    try {
      await originateAch(
        ctx,
        {
          id,
          amount: input.amount,
          currency: input.currency,
          customer_id: input.customer_id,
          dc_sign: 'credit',
          originating_account_id: input.account_id,
          receiving_account_id: input.external_account_id,
          memo: 'account closure final payment',
          company_entry_description: 'CLOSURE',
        },
        'PLATFORM',
      );
    } catch (error) {
      if (!exists(error)) throw error;
    }
    const t = await getAch(ctx, id);
    return { transaction_id: id, settlement_date: t.ach?.effective_date as string };
  },
  async achState(transactionId) {
    const t = await getAch(ctx, transactionId);
    const returned = t.ach?.return_data;
    return {
      status: t.ach?.status ?? t.status,
      ...(returned ? { returned: { code: returned.code, transaction_id: returned.return_transaction_id } } : {}),
    };
  },
  async interestAccrued(accountId, day) {
    const { amount } = await interestAccruedUpTo(ctx, accountId, day);
    return { amount, payout_key: payoutId(ctx.tenantId, accountId, day.slice(0, 7)) };
  },
  gl: (name) => tenantGlId(ctx.tenantId, name),
  async internalAccount(id) {
    const gl = (await ctx.store.accounts(ctx.tenantId, [id])).gls.get(id);
    return gl ? { status: gl.status, currency: gl.currency } : undefined;
  },
  async customerAccount(id) {
    const account = (await ctx.store.accounts(ctx.tenantId, [id])).customers.get(id);
    return account ? { status: account.status, currency: account.currency } : undefined;
  },
});

const externalAccounts: ExternalAccountLookup = {
  async get(tenant, id) {
    const ref = await dynamoExternalAccountDirectory.get(tenant, id);
    if (!ref) return undefined;
    const owner = ref.owner.customer_id ?? ref.owner.business_id;
    return { status: ref.status, ...(owner ? { owner_id: owner } : {}) };
  },
};

/** The context over the tenant's clock (its sandbox clock on a sandbox stage), for requests and workflow steps alike. */
export const closureContext = async (scope: UseCaseScope): Promise<ClosureContext> => {
  const ledger = await tenantAchContext(scope);
  return {
    tenantId: scope.tenantId,
    audit: scope.audit,
    clock: ledger.clock,
    store,
    ledger: closureLedger(ledger),
    externalAccounts,
    accountEventResource: (raw) => accountEventView(raw as unknown as AccountRecord),
    disputes: { of: (accountId) => openDisputesOfAccount(ledger, accountId) },
    recurring: { cancelAll: (accountId, reason) => cancelActivePaymentSchedules(ledger, accountId, reason) },
  };
};

/**
 * The open closures with their records (the progress view of `npm run closures`, the twin's
 * resume). An entry whose account has no such closure any more (a sandbox wipe) is left out.
 */
export const closuresInProgress = async () => {
  const open = await Promise.all(
    (await store.openClosures()).map(async (entry) => ({
      ...entry,
      closure: (await store.account(entry.tenant, entry.account_id))?.closure,
    })),
  );
  return open.filter((entry) => entry.closure?.id === entry.closure_id);
};
