import { addBusinessDays, easternDateOf, easternInstant, nextBusinessDay } from '../shared/business-days.js';
import { badRequest, conflict, forbidden } from '../shared/errors.js';
import { CHECK_NAMES, type CheckName, type CheckOutcome, type ClosureReason, type ClosureRecord, type PaymentMethod } from './model.js';

// Pure closure rules: who may give which reason, what a payment method needs, when PATCH may
// change the payout, when the workflow waits and for how long.

/** Reasons only the bank may give (contract §3.2 [INFERRED]): a fintech key gets 403. */
export const isBankOnlyReason = (reason: ClosureReason): boolean =>
  reason.startsWith('BANK_REQUEST_') || reason === 'PROGRAM_SHUT_DOWN_BANK';

export const assertReasonAllowed = (reason: ClosureReason, bankCaller: boolean): void => {
  if (isBankOnlyReason(reason) && !bankCaller)
    throw forbidden(`reason ${reason} is reserved for the bank: this API key lacks the bank:closure permission`);
};

/** The execution name: one per account, ≤ 80 characters, no `:`/`/`/`#` (Step Functions' rules). */
export const executionNameOf = (accountId: string): string => `close-${accountId}`;

/** The payment method and destination agree (the destination's own checks need reads: see initiate.ts). */
export const assertMethodShape = (method: PaymentMethod | null, destinationId: string | null): void => {
  if (method === null || method === 'BANK_DRAFT') {
    if (destinationId !== null) throw badRequest(`destination_id must be null when payment_method is ${method ?? 'null'}`);
    return;
  }
  if (destinationId === null) throw badRequest(`destination_id is required when payment_method is ${method}`);
};

/** PATCH may change the payout only before it started, or after it came back (ledger-notes §D.6). */
export const assertPayoutPatchable = (closure: ClosureRecord): void => {
  const { state } = closure.payout;
  if (closure.step === 'CLOSED' || closure.step === 'CHARGED_OFF')
    throw conflict(`the closure has finished (${closure.step}): nothing to change`);
  if (state === 'STARTED' || state === 'SENT')
    throw conflict(
      `the final payment has already started (payout ${state.toLowerCase()}, attempt ${closure.payout.attempt}): the destination can no longer change`,
    );
};

export const initialChecks = (): CheckOutcome[] =>
  CHECK_NAMES.map((name) => ({ name, validated: false, message: 'Not checked yet', details: {} }));

export const withCheck = (
  checks: readonly CheckOutcome[],
  name: CheckName,
  validated: boolean,
  message: string,
  details: Record<string, unknown> = {},
) => checks.map((c) => (c.name === name ? { name, validated, message, details } : c));

/** Blocker polls: hourly for a day, then daily; past the bound the closure needs an operator. */
export const BLOCKER_POLL_HOURLY = 24;
export const MAX_BLOCKER_POLLS = 24 + 120;

export const nextBlockerCheck = (now: Date, polls: number): string =>
  new Date(now.getTime() + (polls < BLOCKER_POLL_HOURLY ? 3_600_000 : 86_400_000)).toISOString();

/** How often a closure waiting for a new destination looks for one (a PATCH also wakes the twin at once). */
export const DESTINATION_POLL_MS = 3_600_000;

/** The time of day the close runs on its business day, New York time (ledger-notes §C.4). */
export const CLOSE_TIME_ET = '09:00';

/** An internal payout has no return window: close at 09:00 New York on the next business day. */
export const closeAtAfterInternal = (now: Date): string => easternInstant(nextBusinessDay(easternDateOf(now)), CLOSE_TIME_ET).toISOString();

/**
 * An ACH payout settles on S; a return can come until the end of business day S+2; close at
 * 09:00 New York on S+3 (the next business day after the window).
 */
export const RETURN_WINDOW_BUSINESS_DAYS = 2;
export const closeAtAfterAch = (settlementDate: string): string =>
  easternInstant(addBusinessDays(settlementDate, RETURN_WINDOW_BUSINESS_DAYS + 1), CLOSE_TIME_ET).toISOString();

/** Money-step keys: derived from the closure and the step, so a re-run finds what it already moved. */
export const stepKey = (
  closure: Pick<ClosureRecord, 'id'>,
  step: 'write-off' | 'charge-off' | 'interest' | 'payout',
  attempt = 0,
): string => (step === 'payout' ? `closure:${closure.id}:payout:${attempt}` : `closure:${closure.id}:${step}`);
