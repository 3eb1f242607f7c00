import { newEvent } from '../events/model.js';
import { badRequest, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import type { LedgerContext } from './context.js';
import { tenantGlId } from './gl.js';
import type { BalanceRecord, LedgerTransaction } from './model.js';
import { postDraft } from './post.js';
import { rawAvailable } from './posting.js';
import { incomingAchView } from './views.js';

// Simulated incoming ACH (contract §12.1 receiving_transaction): funds an account by its account
// number as an RDFI would. Credits add, debits pull, amount 0 is a prenote (no money). An entry
// the account cannot take is returned with a NACHA return code instead of posted: R01 when a
// debit would overdraw, R02 closed, R16 frozen or not open, R20 when the account's ACH rail is off.

export interface IncomingAchInput {
  account_number: string;
  amount: number;
  dc_sign: 'credit' | 'debit';
  effective_date: string;
}

export interface IncomingAchRecord {
  id: string;
  tenant: string;
  account_id: string;
  amount: number;
  currency: string;
  dc_sign: 'credit' | 'debit';
  effective_date: string;
  status: 'POSTED' | 'RETURNED' | 'PRENOTE' | 'SCHEDULED';
  return_code?: string;
  return_reason?: string;
  transaction_id?: string;
  creation_time: string;
}

const RETURNS = {
  R01: 'Insufficient funds',
  R02: 'Account closed',
  R16: 'Account frozen',
  R20: 'Non-transaction account',
} as const;

const returnCodeFor = (account: BalanceRecord, input: IncomingAchInput): keyof typeof RETURNS | undefined => {
  if (account.status === 'CLOSED' || account.status === 'CHARGED_OFF' || account.status === 'IN_CLOSING') return 'R02';
  if (account.access_status !== 'ACTIVE' || account.status !== 'ACTIVE_OR_DISBURSED') return 'R16';
  if (account.is_ach_enabled !== true) return 'R20';
  if (input.dc_sign === 'debit' && rawAvailable(account) - input.amount < 0) return 'R01';
  return undefined;
};

const accountByNumber = async (ctx: LedgerContext, accountNumber: string): Promise<BalanceRecord> => {
  const accountId = await ctx.store.accountIdByNumber(ctx.tenantId, accountNumber);
  const account = accountId ? (await ctx.store.accounts(ctx.tenantId, [accountId])).customers.get(accountId) : undefined;
  if (!account) throw notFound('account with this account_number');
  return account;
};

/** Processes one entry now (its effective date has come): posts it, or records its return. */
export const receiveAch = async (ctx: LedgerContext, input: IncomingAchInput, id: string = newId()): Promise<IncomingAchRecord> => {
  const account = await accountByNumber(ctx, input.account_number);
  const now = ctx.clock.now().toISOString();
  const base = {
    id,
    tenant: ctx.tenantId,
    account_id: account.account_id,
    amount: input.amount,
    currency: account.currency,
    dc_sign: input.dc_sign,
    effective_date: input.effective_date,
    creation_time: now,
  };
  const code = returnCodeFor(account, input);
  if (input.amount === 0 || code) {
    const record: IncomingAchRecord = code
      ? { ...base, status: 'RETURNED', return_code: code, return_reason: RETURNS[code] }
      : { ...base, status: 'PRENOTE' };
    await ctx.store.saveIncomingAch(record);
    return record;
  }
  const settlement = tenantGlId(ctx.tenantId, 'ACH_SETTLEMENT');
  const credit = input.dc_sign === 'credit';
  let record: IncomingAchRecord = { ...base, status: 'POSTED', transaction_id: id };
  try {
    await postDraft(ctx, async () => ({
      transaction: {
        id,
        tenant: ctx.tenantId,
        type: 'ach',
        subtype: credit ? 'ACH_INCOMING_CREDIT' : 'ACH_INCOMING_DEBIT',
        status: 'POSTED',
        amount: input.amount,
        currency: account.currency,
        created_at: now,
        effective_date: input.effective_date,
        lines: [
          { account_id: credit ? settlement : account.account_id, dc_sign: 'debit', amount: input.amount, currency: account.currency },
          { account_id: credit ? account.account_id : settlement, dc_sign: 'credit', amount: input.amount, currency: account.currency },
        ],
      },
      // A network entry: status and rails were judged above; a debit's funds are checked by the
      // posting (a race that empties the account between read and write returns R01 below).
      initiator: credit ? 'PLATFORM' : 'CUSTOMER',
      sideRecords: [{ kind: 'INCOMING_ACH', record }],
      events: (t: LedgerTransaction) => [
        newEvent(ctx.clock, {
          type: 'TRANSACTION.POSTED.CREATED',
          tenant: ctx.tenantId,
          resource_id: t.id,
          event_resource: t,
          audit: ctx.audit,
        }),
      ],
    }));
  } catch (error) {
    if ((error as Error).name !== 'RuleViolation' || !/insufficient funds/.test((error as Error).message)) throw error;
    record = { ...base, status: 'RETURNED', return_code: 'R01', return_reason: RETURNS.R01 };
    await ctx.store.saveIncomingAch(record);
  }
  return record;
};

/** The simulation route: today or past posts now; a future effective_date waits for that day (the clock's jobs). */
export const simulateIncomingAch = async (ctx: LedgerContext, input: IncomingAchInput): Promise<IncomingAchRecord> => {
  if (!/^\d{4,17}$/.test(input.account_number)) {
    throw badRequest('account_number must be the receiving account number (digits)');
  }
  const today = ctx.clock.now().toISOString().slice(0, 10);
  if (input.effective_date <= today) return receiveAch(ctx, input);
  const account = await accountByNumber(ctx, input.account_number);
  const record: IncomingAchRecord = {
    id: newId(),
    tenant: ctx.tenantId,
    account_id: account.account_id,
    amount: input.amount,
    currency: account.currency,
    dc_sign: input.dc_sign,
    effective_date: input.effective_date,
    status: 'SCHEDULED',
    creation_time: ctx.clock.now().toISOString(),
  };
  await ctx.store.saveIncomingAch(record, input.account_number);
  return record;
};

/** The scheduled entries due on or before `day`, oldest first, each processed exactly once (its id is the posting's). */
export const processDueIncomingAch = async (ctx: LedgerContext, day: string): Promise<number> => {
  const due = await ctx.store.dueIncomingAch(day, ctx.tenantId);
  for (const entry of due) {
    const { amount, dc_sign, effective_date } = entry.record;
    try {
      await receiveAch(ctx, { account_number: entry.account_number, amount, dc_sign, effective_date }, entry.record.id);
    } catch (error) {
      // A rerun after a crash between the posting and the end of the job: already posted.
      if ((error as Error).name !== 'TransactionExists') throw error;
    }
  }
  return due.length;
};

export const listIncomingAch = (ctx: LedgerContext, criteria: ListCriteria<IncomingAchRecord>) =>
  ctx.store.listIncomingAch(ctx.tenantId, criteria);

export { incomingAchView };
