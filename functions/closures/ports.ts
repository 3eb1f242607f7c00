import type { OutboxEvent } from '../events/model.js';
import type { ClosingAccount, ClosureRecord, WorkflowStart } from './model.js';

// What the closure use-cases need; functions/wiring/closures.ts binds each to its adapter or to
// the owning domain's use-case (accounts, ledger, external accounts never meet here directly).

export interface ClosureStore {
  /** The account with its closure, read consistently; undefined if there is none. */
  account(tenant: string, accountId: string): Promise<ClosingAccount | undefined>;
  /**
   * One transaction: the account goes IN_CLOSING with its closure (conditioned on the status and
   * version read, and on no closure yet), the open-closure registry entry, the workflow start
   * request and the events.
   */
  initiate(account: ClosingAccount, closure: ClosureRecord, events: readonly OutboxEvent[], start: WorkflowStart): Promise<void>;
  /** Writes the closure conditioned on the revision read (closure.revision - 1). */
  save(closure: ClosureRecord, events?: readonly OutboxEvent[], wake?: WorkflowStart): Promise<void>;
  /**
   * The final write: status CLOSED or CHARGED_OFF and close_date, conditioned on IN_CLOSING, a
   * zero balance, no holds and the closure's revision; the registry entry goes.
   */
  close(
    account: ClosingAccount,
    closure: ClosureRecord,
    status: 'CLOSED' | 'CHARGED_OFF',
    closeDate: string,
    events: readonly OutboxEvent[],
  ): Promise<void>;
  /** Every closure not finished yet, across tenants (the twin's restart, `npm run closures`). */
  openClosures(): Promise<OpenClosure[]>;
}

export interface OpenClosure {
  tenant: string;
  account_id: string;
  closure_id: string;
  execution_name: string;
  step: string;
  updated_at: string;
}

/** The ledger's movements as closure uses them; every one takes a deterministic key and is idempotent on it. */
export interface ClosureLedger {
  /** A platform transfer (allowed on IN_CLOSING); a second call with the same key moves nothing. */
  transfer(input: PlatformTransfer): Promise<{ transaction_id: string }>;
  /** A platform ACH credit to an external account; its settlement date decides the close. */
  achPayout(input: AchPayout): Promise<{ transaction_id: string; settlement_date: string }>;
  /** The payout's network state: settled, and returned with which code. */
  achState(transactionId: string): Promise<{ status: string; returned?: { code: string; transaction_id: string } }>;
  /** Interest accrued and unpaid in the month of `day`, through `day`, rounded (0 without a product). */
  interestAccrued(accountId: string, day: string): Promise<{ amount: number; payout_key: string }>;
  /** The tenant's platform GL id. */
  gl(name: 'NEGATIVE_BALANCE_RESERVE' | 'WRITE_OFF' | 'INTEREST_EXPENSE' | 'ACH_SUSPENSE'): string;
  /** An internal account of the tenant: its status, or undefined. */
  internalAccount(id: string): Promise<{ status: string; currency: string } | undefined>;
  /** Another account of the tenant, as a payout destination. */
  customerAccount(id: string): Promise<{ status: string; currency: string } | undefined>;
}

export interface PlatformTransfer {
  key: string;
  amount: number;
  currency: string;
  type: string;
  from: string;
  to: string;
  memo: string;
  /** Emit INTEREST.MONTHLY_PAYOUT with it (the interest step). */
  interestEvent?: { month: string };
}

export interface AchPayout {
  key: string;
  amount: number;
  currency: string;
  customer_id: string;
  account_id: string;
  external_account_id: string;
}

/** External accounts (owned by the external-accounts domain), as a payout destination. */
export interface ExternalAccountLookup {
  get(tenant: string, id: string): Promise<{ owner_id?: string; status: string } | undefined>;
}

/** Open disputes of an account (the ledger's sandbox disputes). */
export interface OpenDisputes {
  of(accountId: string): Promise<readonly { id: string; transaction_id: string }[]>;
}

/** Recurring payments (the ledger's payment schedules): cancel every active one of the account. */
export interface RecurringPayments {
  cancelAll(accountId: string, reason: string): Promise<{ cancelled: number }>;
}

/** How an ACCOUNT.UPDATED event renders the account (the accounts domain's event view). */
export type AccountEventResource = (raw: Record<string, unknown>) => unknown;
