import type { OutboxEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { retryOnConflict } from '../shared/page.js';
import type { LedgerContext } from './context.js';
import { TENANT_GLS, tenantGlId, tenantGlRecords } from './gl.js';
import type { BalanceRecord, Initiator, LedgerTransaction, Line, PostedLine, TransactionStatus } from './model.js';
import type { PostingAccounts, SideRecord, TransactionWrite } from './ports.js';
import { assertBalanced, type BalanceChange, type HoldChange, planPosting } from './posting.js';
import { assertCanMove, insufficientFunds } from './rules.js';

// The one way money moves: read the balance records, plan the posting (posting.ts), pull a
// floor shortfall from the linked account in the same write, and commit everything in one
// TransactWriteItems conditioned on the versions read. A lost race re-reads and re-plans.

export interface Draft {
  /** The transaction as it will be stored; `lines` are unposted (no leg, no balance after). */
  transaction: Omit<LedgerTransaction, 'lines' | 'posted_at'> & { lines: readonly Line[] };
  /** Set when the draft replaces a stored transaction (capture, void): it must still have this status. */
  expectedStatus?: TransactionStatus;
  released?: readonly HoldChange[];
  placed?: readonly HoldChange[];
  initiator: Initiator;
  /** Other stored transactions changed in the same write, without posting (annotationOnly). */
  also?: readonly TransactionWrite[];
  /** Extra rules on the accounts read for the posting (rails, system GLs): no second read. */
  check?: (accounts: PostingAccounts) => void;
  /** Records written in the same transaction (the incoming ACH entry a posting settles). */
  sideRecords?: readonly SideRecord[];
  /** Accounts that only receive a release (a void) are not status-checked: a hold on a frozen account can still be let go. */
  events: (posted: LedgerTransaction, sweep: LedgerTransaction | undefined) => OutboxEvent[];
}

/** More attempts than an account PATCH: a busy account is contended by design, and each retry re-plans cheaply. */
const POSTING_ATTEMPTS = 25;

const later = (a: string, b: string | undefined): string => (b && b > a ? b : a);

const readAccounts = async (ctx: LedgerContext, ids: readonly string[]): Promise<PostingAccounts> => {
  const accounts = await ctx.store.accounts(ctx.tenantId, ids);
  const missing = ids.filter((id) => !accounts.customers.has(id) && !accounts.gls.has(id));
  if (missing.length === 0) return accounts;
  // The tenant's platform GLs are back-filled on first use (tenants created before the ledger).
  const glIds = new Set(TENANT_GLS.map((gl) => tenantGlId(ctx.tenantId, gl)));
  if (!missing.every((id) => glIds.has(id))) throw notFound(`account ${missing.find((id) => !glIds.has(id))}`);
  await ctx.store.ensureGls(tenantGlRecords(ctx.tenantId, ctx.clock.now().toISOString()));
  return ctx.store.accounts(ctx.tenantId, ids);
};

const renumber = (lines: readonly PostedLine[]): PostedLine[] => lines.map((line, leg) => ({ ...line, leg }));

/** Floor sweep lines for the first account left short, if it has a linked account to pull from. */
const floorSweep = (account: BalanceRecord, shortfall: number): Line[] | undefined => {
  const linked = account.balance_floor?.linked_account_id;
  if (!linked || linked === account.account_id) return undefined;
  return [
    { account_id: linked, dc_sign: 'debit', amount: shortfall, currency: account.currency },
    { account_id: account.account_id, dc_sign: 'credit', amount: shortfall, currency: account.currency },
  ];
};

/** Sweep lines moving a deposit account's excess over its ceiling to the linked account, if any. */
const ceilingSweep = (balances: readonly BalanceChange[], records: ReadonlyMap<string, BalanceRecord>): Line[] | undefined => {
  for (const change of balances) {
    const r = records.get(change.account_id);
    if (r?.family !== 'DEPOSIT') continue;
    const ceiling = r.balance_ceiling;
    if (!ceiling?.linked_account_id || ceiling.linked_account_id === r.account_id) continue;
    // Only a posting that raised the balance triggers it; what is held stays where it is.
    const excess = change.account_balance - Math.max(ceiling.balance, r.account_balance);
    const over = Math.min(excess, change.account_balance - change.pending_debits - ceiling.balance);
    if (over <= 0) continue;
    return [
      { account_id: r.account_id, dc_sign: 'debit', amount: over, currency: r.currency },
      { account_id: ceiling.linked_account_id, dc_sign: 'credit', amount: over, currency: r.currency },
    ];
  }
  return undefined;
};

export const postDraft = (ctx: LedgerContext, makeDraft: () => Promise<Draft>): Promise<LedgerTransaction> =>
  retryOnConflict(async () => {
    let draft = await makeDraft();
    const tx = draft.transaction;
    if (tx.lines.length > 0) assertBalanced(tx.lines);
    const moving = [...tx.lines.map((l) => l.account_id), ...(draft.placed ?? []).map((h) => h.account_id)];
    const ids = [...new Set([...moving, ...(draft.released ?? []).map((h) => h.account_id)])];
    let accounts = await readAccounts(ctx, ids);
    draft.check?.(accounts);
    for (const id of new Set(moving)) {
      const customer = accounts.customers.get(id);
      if (customer) assertCanMove(customer, draft.initiator);
    }
    const checkFunds = draft.initiator === 'CUSTOMER';
    // A hold on a GL reserves nothing: GLs have no available balance to protect.
    const onCustomers = (holds: readonly HoldChange[] | undefined) => holds?.filter((h) => accounts.customers.has(h.account_id));
    draft = {
      ...draft,
      ...(draft.placed ? { placed: onCustomers(draft.placed) } : {}),
      ...(draft.released ? { released: onCustomers(draft.released) } : {}),
    };
    let lines: readonly Line[] = tx.lines;
    let plan = planPosting({ lines, accounts: accounts.customers, released: draft.released, placed: draft.placed, checkFunds });
    let sweepLines: Line[] = [];
    const short = plan.shortfalls[0];
    if (short) {
      const account = accounts.customers.get(short.account_id) as BalanceRecord;
      const sweep = floorSweep(account, short.amount);
      if (!sweep) throw insufficientFunds(short);
      const linkedId = sweep[0]?.account_id as string;
      // One read more for the linked account; it pays from its own available funds and is never
      // swept itself (no chains, so two accounts floored on each other cannot ping-pong).
      accounts = await readAccounts(ctx, [...ids, linkedId]);
      const linked = accounts.customers.get(linkedId);
      if (!linked) throw insufficientFunds(short);
      assertCanMove(linked, 'PLATFORM');
      sweepLines = sweep;
      lines = [...sweep, ...tx.lines];
      plan = planPosting({ lines, accounts: accounts.customers, released: draft.released, placed: draft.placed, checkFunds: true });
      const still = plan.shortfalls[0];
      if (still) throw insufficientFunds(still);
    }
    // balance_ceiling: a credit that leaves a deposit account above its ceiling moves the excess
    // to the linked account in the same write: exactly once per triggering transaction, and never
    // again from the receiving side (a sweep is not itself swept, so two accounts cannot ping-pong).
    const overflow = sweepLines.length === 0 ? ceilingSweep(plan.balances, accounts.customers) : undefined;
    if (overflow) {
      accounts = await readAccounts(ctx, [...ids, overflow[1]?.account_id as string]);
      const linked = accounts.customers.get(overflow[1]?.account_id as string);
      if (linked && linked.currency === overflow[0]?.currency) {
        assertCanMove(linked, 'PLATFORM');
        sweepLines = overflow;
        lines = [...tx.lines, ...overflow];
        plan = planPosting({ lines, accounts: accounts.customers, released: draft.released, placed: draft.placed, checkFunds });
        const still = plan.shortfalls[0];
        if (still) throw insufficientFunds(still);
      }
    }
    const sweepFirst = sweepLines.length > 0 && lines[0] === sweepLines[0];
    let postedAt = ctx.clock.now().toISOString();
    for (const id of ids) postedAt = later(postedAt, accounts.customers.get(id)?.last_posted_at);
    const mainLines = renumber(sweepFirst ? plan.lines.slice(sweepLines.length) : plan.lines.slice(0, tx.lines.length));
    const sweepPosted = renumber(sweepFirst ? plan.lines.slice(0, sweepLines.length) : plan.lines.slice(tx.lines.length));
    const posted: LedgerTransaction = {
      ...tx,
      lines: mainLines,
      ...(tx.status === 'POSTED' ? { posted_at: postedAt } : {}),
    };
    const sweep: LedgerTransaction | undefined =
      sweepLines.length > 0
        ? {
            id: newId(),
            tenant: ctx.tenantId,
            type: 'internal_transfer',
            subtype: sweepFirst ? 'BALANCE_FLOOR_SWEEP' : 'BALANCE_CEILING_SWEEP',
            status: 'POSTED',
            amount: sweepLines[0]?.amount as number,
            currency: tx.currency,
            lines: sweepPosted,
            created_at: postedAt,
            posted_at: postedAt,
            effective_date: tx.effective_date,
            memo: `${sweepFirst ? 'balance_floor funding' : 'balance_ceiling sweep'} for transaction ${tx.id}`,
          }
        : undefined;
    await ctx.store.commit({
      tenant: ctx.tenantId,
      postedAt,
      // In posting order: the lines of an account are numbered in this order (ledger-items.ts).
      transactions: [
        ...(sweep && sweepFirst ? [{ record: sweep }] : []),
        { record: posted, ...(draft.expectedStatus ? { expectedStatus: draft.expectedStatus } : {}) },
        ...(sweep && !sweepFirst ? [{ record: sweep }] : []),
        ...(draft.also ?? []),
      ],
      balances: plan.balances,
      sideRecords: draft.sideRecords ?? [],
      events: draft.events(posted, sweep),
    });
    return posted;
  }, POSTING_ATTEMPTS);
