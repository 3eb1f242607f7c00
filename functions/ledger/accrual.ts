import { newEvent } from '../events/model.js';
import { addCalendarDays } from '../shared/business-days.js';
import { notFound } from '../shared/errors.js';
import type { LedgerContext } from './context.js';
import { tenantGlId, uuidOf } from './gl.js';
import { dailyAccrualMicro, isMonthEnd, roundMicro } from './interest.js';
import type { AccrualRecord, InterestAccount } from './ports.js';
import { createTransfer } from './transfers.js';

// The daily interest job and the month-end payout. Each day's accrual is one record per account
// (written once, keyed by the day); the payout is an INTEREST_PAYOUT transfer from the tenant's
// interest-expense GL with an id derived from the account and month. So a rerun after a crash
// at any step writes nothing twice and misses nothing. Lending accounts (the credit family)
// accrue the same way on what is owed, and at month end are charged: an INTEREST_CHARGE from
// the account (what is owed grows) to the tenant's interest-income GL, posted by the platform
// even past the credit limit.

/** Days accrued per account per run at most: a sandbox jump is bounded by the clock's own cap. */
const MAX_DAYS = 400;

/** The month's payout id; closure pays under it too, so the month is paid once whoever pays first. */
export const payoutId = (tenant: string, accountId: string, month: string) =>
  uuidOf(`bankline:interest-payout:${tenant}:${accountId}:${month}`);
const chargeId = (tenant: string, accountId: string, month: string) => uuidOf(`bankline:interest-charge:${tenant}:${accountId}:${month}`);

/** Pays the month that ends with `last` (idempotent). */
const payMonth = async (ctx: LedgerContext, account: InterestAccount, last: AccrualRecord): Promise<boolean> => {
  if (account.terms.accrual_payout_schedule !== 'MONTHLY') return false;
  const amount = roundMicro(BigInt(last.mtd_micro));
  if (amount <= 0) return false;
  const month = last.day.slice(0, 7);
  try {
    if (account.record.family === 'CREDIT') {
      await createTransfer(
        ctx,
        {
          id: chargeId(ctx.tenantId, account.record.account_id, month),
          amount,
          currency: account.record.currency,
          type: 'INTEREST_CHARGE',
          originating_account_id: account.record.account_id,
          receiving_account_id: tenantGlId(ctx.tenantId, 'INTEREST_INCOME'),
          memo: `interest for ${month}`,
        },
        'PLATFORM',
      );
      return true;
    }
    await createTransfer(
      ctx,
      {
        id: payoutId(ctx.tenantId, account.record.account_id, month),
        amount,
        currency: account.record.currency,
        type: 'INTEREST_PAYOUT',
        originating_account_id: tenantGlId(ctx.tenantId, 'INTEREST_EXPENSE'),
        receiving_account_id: account.record.account_id,
        memo: `interest for ${month}`,
      },
      'PLATFORM',
      [
        newEvent(ctx.clock, {
          type: 'INTEREST.MONTHLY_PAYOUT',
          tenant: ctx.tenantId,
          resource_id: account.record.account_id,
          event_resource: { account_id: account.record.account_id, month, amount, currency: account.record.currency },
          audit: ctx.audit,
        }),
      ],
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionExists') return false;
    throw error;
  }
};

const freshRecord = async (ctx: LedgerContext, account: InterestAccount) =>
  (await ctx.store.accounts(ctx.tenantId, [account.record.account_id])).customers.get(account.record.account_id) ?? account.record;

export interface AccrualReport {
  accrued: number;
  paid: number;
}

/** Accrues every day before `today` not yet accrued, for every account with an interest product. */
export const accrueInterest = async (ctx: LedgerContext, today: string): Promise<AccrualReport> => {
  const report = { accrued: 0, paid: 0 };
  for (const account of await ctx.store.interestAccounts(ctx.tenantId)) {
    let last = await ctx.store.lastAccrual(ctx.tenantId, account.record.account_id);
    // A run that crashed after a month's last accrual but before its payout pays it now.
    if (last && isMonthEnd(last.day) && (await payMonth(ctx, account, last))) {
      report.paid += 1;
      account.record = await freshRecord(ctx, account);
    }
    let day = last ? addCalendarDays(last.day, 1) : account.open_date;
    for (let n = 0; day < today && n < MAX_DAYS; n++, day = addCalendarDays(day, 1)) {
      const monthToDate = last && last.day.slice(0, 7) === day.slice(0, 7) ? BigInt(last.mtd_micro) : 0n;
      const accrued = dailyAccrualMicro(account.terms, day, account.record.account_balance, monthToDate);
      const record: AccrualRecord = {
        tenant: ctx.tenantId,
        account_id: account.record.account_id,
        day,
        balance: account.record.account_balance,
        accrued_micro: String(accrued),
        mtd_micro: String(monthToDate + accrued),
      };
      await ctx.store.saveAccrual(record);
      report.accrued += 1;
      last = record;
      if (isMonthEnd(day) && (await payMonth(ctx, account, record))) report.paid += 1;
      // The next month accrues on the balance the payout left (whoever posted it).
      if (isMonthEnd(day)) account.record = await freshRecord(ctx, account);
    }
  }
  return report;
};

/**
 * Interest accrued and not yet paid in `day`'s month, up to and including `day` (what closure
 * pays on the way out): exact micro-units and the amount a payout would post.
 */
export const interestAccruedUpTo = async (ctx: LedgerContext, accountId: string, day: string) => {
  const { customers } = await ctx.store.accounts(ctx.tenantId, [accountId]);
  if (!customers.has(accountId)) throw notFound('account');
  const records = await ctx.store.accruals(ctx.tenantId, accountId, `${day.slice(0, 7)}-01`, day);
  const micro = records.length > 0 ? BigInt((records[records.length - 1] as AccrualRecord).mtd_micro) : 0n;
  return { micro, amount: roundMicro(micro), through: records[records.length - 1]?.day };
};
