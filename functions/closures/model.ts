// The closure of one account (contract §3; design in ledger-notes §D): the request as given,
// where the workflow stands, each check's outcome, and the payout. Stored on the account item
// (attribute `closure`), so the initiate write, every step and the final close each touch one
// item the account's status lives on, and GET /v0/accounts/{id} shows it with one GetItem.

export const CLOSURE_REASONS = [
  'BANK_REQUEST_FRAUD',
  'BANK_REQUEST_INACTIVITY',
  'BANK_REQUEST_REDEEMED_OR_REINSTATED_REPOSSESSION',
  'BANK_REQUEST_REGULATORY_REASONS',
  'BANK_REQUEST_CHARGE_OFF',
  'CUSTOMER_REQUEST_CREDIT_CARD_LOST_OR_STOLEN',
  'CUSTOMER_REQUEST_REFINANCE',
  'CUSTOMER_REQUEST_TRANSFER',
  'CUSTOMER_REQUEST_VOLUNTARILY_SURRENDERED',
  'PROGRAM_SHUT_DOWN_BANK',
  'PROGRAM_SHUT_DOWN_FINTECH',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const PAYMENT_METHODS = [
  'ACH',
  'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
  'INTERNAL_TRANSFER_TO_INTERNAL_ACCOUNT',
  'BANK_DRAFT',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One entry each in `validation_responses`, in this order (contract §3.3 [INFERRED] names). */
export const CHECK_NAMES = [
  'pending_transactions',
  'disputes',
  'cards',
  'recurring_payments',
  'negative_balance',
  'interest_payout',
  'final_payment',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckOutcome {
  name: CheckName;
  validated: boolean;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Where the workflow stands: the step it runs next (or waits in). A run that starts again (a
 * redrive, the twin's restart) resumes here: every step is idempotent, so repeating the one
 * that was interrupted is safe.
 */
export const CLOSURE_STEPS = [
  'BLOCKERS',
  'END_RECURRING',
  'WRITE_OFF',
  'INTEREST',
  'PAYOUT',
  'WAIT_CLOSE',
  'NEEDS_DESTINATION',
  'NEEDS_ATTENTION',
  'CLOSED',
  'CHARGED_OFF',
] as const;
export type ClosureStep = (typeof CLOSURE_STEPS)[number];

export const FINISHED_STEPS: readonly ClosureStep[] = ['CLOSED', 'CHARGED_OFF'];

/**
 * NOT_STARTED → STARTED (locked: the destination read in the same atomic write) → SENT (money
 * moved) → RETURNED (an ACH return inside the window) → NOT_STARTED again once a PATCH names a
 * new destination. PATCH may change the destination only in NOT_STARTED and RETURNED.
 */
export type PayoutState = 'NOT_STARTED' | 'STARTED' | 'SENT' | 'RETURNED';

export interface Payout {
  state: PayoutState;
  /** 0 before the first payout; each lock adds 1, and the money step's key includes it. */
  attempt: number;
  method?: PaymentMethod | null;
  destination_id?: string | null;
  transaction_id?: string;
  amount?: number;
  /** When CloseAccount may run: the next business day, or after the ACH return window. */
  close_at?: string;
  returned?: { code: string; transaction_id: string };
}

export interface ClosureRecord {
  id: string;
  tenant: string;
  account_id: string;
  reason: ClosureReason;
  reason_details: string;
  payment_method: PaymentMethod | null;
  destination_id: string | null;
  step: ClosureStep;
  /** The deterministic Step Functions execution name (one execution per account). */
  execution_name: string;
  in_closing_date: string;
  created_at: string;
  updated_at: string;
  /** Blocker polls so far; bounded (rules.ts MAX_BLOCKER_POLLS). */
  polls: number;
  /** When the current wait ends (a blocker re-check, the close, a destination re-check). */
  wait_until?: string;
  payout: Payout;
  checks: CheckOutcome[];
  /** Bumped by every write of the closure; each write is conditioned on the one read. */
  revision: number;
}

/** What a step needs of the account, read with the closure. */
export interface ClosingAccount {
  id: string;
  tenant: string;
  status: string;
  family: 'DEPOSIT' | 'CREDIT';
  currency: string;
  /** In the type's sign convention: funds for a deposit account, the amount owed for a credit one. */
  balance: number;
  pending_debits: number;
  holder_ids: readonly string[];
  closure?: ClosureRecord;
  /** The stored account as it is: what an ACCOUNT.UPDATED event renders. */
  raw: Record<string, unknown>;
}

/** The record a workflow start is requested by: written in the initiate transaction (the outbox). */
export interface WorkflowStart {
  tenant: string;
  account_id: string;
  closure_id: string;
  execution_name: string;
}

/** The execution input: ids only, everything else is read from the table (deterministic input). */
export interface ClosureInput {
  tenant: string;
  account_id: string;
  closure_id: string;
}
