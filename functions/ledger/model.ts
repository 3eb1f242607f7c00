// The ledger's records. A movement is a transaction of lines (debits = credits per currency);
// posted transactions never change; a correction is a new transaction with `original_trx`.
// Amounts are integer minor units of `currency` (shared/money.ts does the arithmetic).

export type DcSign = 'debit' | 'credit';

/**
 * A customer account's balance record. It lives ON the account item (accounts/model.ts), so
 * GET /v0/accounts/{id} stays one GetItem and the posting's condition covers status, funds and
 * version together. `account_balance` follows the type's sign convention (contract §2.9):
 * credits minus debits for deposits, debits minus credits (amount owed) for lending.
 */
export interface BalanceRecord {
  account_id: string;
  tenant: string;
  currency: string;
  family: 'DEPOSIT' | 'CREDIT';
  status: string;
  access_status: string;
  account_balance: number;
  pending_debits: number;
  /** The account item's optimistic-concurrency version: every posting bumps it. */
  version: number;
  /** Time of the account's newest line: lines of one account are posted in time order (ledger-items.ts). */
  last_posted_at?: string;
  credit_limit?: number;
  balance_floor?: { balance: number; linked_account_id?: string };
  balance_ceiling?: { balance: number; linked_account_id?: string };
  is_ach_enabled?: boolean;
  is_p2p_enabled?: boolean;
}

/** One side of a movement on one account (customer or GL). */
export interface Line {
  account_id: string;
  dc_sign: DcSign;
  amount: number;
  currency: string;
}

/** A line as posted: its place in the transaction and, for customer accounts, the balances after it. */
export interface PostedLine extends Line {
  leg: number;
  /** CUSTOMER lines move a balance record; GL lines add to one of the GL's balance shards. */
  kind: 'CUSTOMER' | 'GL';
  /** ACCOUNT_BALANCE after this line (customer accounts only; GL balances are sharded, see README). */
  balance_after?: number;
  available_after?: number;
}

export type TransactionStatus = 'PENDING' | 'POSTED' | 'RELEASED' | 'EXPIRED';

export type TransferStatus = 'PENDING' | 'COMPLETE' | 'CANCELED' | 'EXPIRED';

/** Who asked for the movement: customer-initiated ones respect every status and funds rule. */
export type Initiator = 'CUSTOMER' | 'PLATFORM';

export interface LedgerTransaction {
  id: string;
  tenant: string;
  /** Synctera's transaction `type`: `internal_transfer`, `ach`, ... */
  type: string;
  /** The request's `type` (ACCOUNT_TO_ACCOUNT, INTEREST_PAYOUT, ...). */
  subtype: string;
  status: TransactionStatus;
  amount: number;
  currency: string;
  lines: PostedLine[];
  created_at: string;
  posted_at?: string;
  effective_date: string;
  original_trx?: string;
  reference_id?: string;
  idempotency_key?: string;
  memo?: string;
  /** Internal transfer fields kept for its GET (transfers.ts). */
  transfer?: TransferFields;
  /** Outgoing ACH fields (ach.ts). */
  ach?: AchFields;
  /** Set while the transaction is a hold (capture_mode MANUAL, ACH origination). */
  hold?: HoldState;
}

export interface TransferFields {
  originating_account_id: string;
  receiving_account_id: string;
  capture_mode: 'IMMEDIATE' | 'MANUAL';
  status: TransferStatus;
  expires_at?: string;
  captured_amount?: number;
  metadata?: Record<string, unknown>;
}

export interface HoldState {
  account_id: string;
  /** What is reserved: pending_debits of the account grew by this much. */
  amount: number;
  status: 'PENDING' | 'CLEARED' | 'PARTCLEARED' | 'RELEASED' | 'EXPIRED';
  expires_at?: string;
}

export type AchStatus = 'INIT' | 'PENDING' | 'COMPLETE' | 'CANCELED' | 'DECLINED';

export interface AchFields {
  status: AchStatus;
  dc_sign: DcSign;
  customer_id: string;
  originating_account_id: string;
  receiving_account_id: string;
  sec_code: 'WEB' | 'CCD' | 'PPD';
  effective_date: string;
  /** When the settlement job sends it: the cutoff on the banking day after origination (same-day: that day's). */
  settle_at: string;
  /** Asked for same-day processing; `same_day` says whether it made today's window. */
  is_same_day?: boolean;
  same_day?: boolean;
  settlement_date?: string;
  trace_no?: string;
  company_name?: string;
  company_entry_description?: string;
  reference_info?: string;
  return_data?: { code: string; reason: string; date: string; return_transaction_id: string };
}
