import { AccountClosed, badRequest, InvalidTransition } from '../shared/errors.js';
import type { AccountStatus } from './enums.js';
import type { AccountRecord } from './model.js';

// The account lifecycle an integrator drives with PATCH (contract §2.3, §2.7). Sourced rules:
// IN_CLOSING only moves to CLOSED, closing needs a zero balance, SUSPENDED needs a note both
// ways, the platform owns RESTRICTED / FAILED_KYC / DELINQUENT / CHARGED_OFF. The rest of
// the table (docs/api-notes.md, Accounts, status transitions) is our inference, written out below.

/** Statuses before the customer first transacts. */
export const PRE_ACTIVE: readonly AccountStatus[] = [
  'APPLICATION_SUBMITTED',
  'ACCOUNT_NEVER_ACTIVE',
  'ACTIVATED_NOT_DISBURSED',
  'AWAITING_FIXING',
  'ACCOUNT_NOT_DESIRED',
];
/** Set and cleared by the platform only (KYC outcome, credit servicing, write-off). */
export const PLATFORM_STATUSES: readonly AccountStatus[] = ['RESTRICTED', 'FAILED_KYC', 'DELINQUENT', 'CHARGED_OFF'];
/** Nothing changes on these any more; mutations answer 461. */
export const TERMINAL_STATUSES: readonly AccountStatus[] = ['CLOSED', 'CHARGED_OFF'];
/** What a new account may start in. */
export const INITIAL_STATUSES: readonly AccountStatus[] = [...PRE_ACTIVE, 'ACTIVE_OR_DISBURSED'];

const invalid = (from: AccountStatus, to: AccountStatus, why: string) => new InvalidTransition(from, to, why);

export const accountClosed = (account: AccountRecord) =>
  new AccountClosed(`account ${account.id} is ${account.status} and can no longer be changed`);

/** Every mutation of an account or its relationships starts here. */
export const assertNotTerminal = (account: AccountRecord): void => {
  if (TERMINAL_STATUSES.includes(account.status)) throw accountClosed(account);
};

export interface TransitionNeeds {
  /** The write must prove ACCOUNT_BALANCE and holds are zero at commit time. */
  zeroBalance: boolean;
}

/** Throws the named rule a `from → to` change breaks; returns what the write must also guarantee. */
export const checkTransition = (from: AccountStatus, to: AccountStatus, note: string | undefined): TransitionNeeds => {
  if (from === to) return { zeroBalance: false };
  if (PLATFORM_STATUSES.includes(to)) throw invalid(from, to, `${to} is set by the platform only`);
  if (from === 'IN_CLOSING' && to !== 'CLOSED') throw invalid(from, to, 'an account IN_CLOSING can only move to CLOSED');
  if ((from === 'SUSPENDED' || to === 'SUSPENDED') && !note) {
    throw badRequest(`note is required when status changes to or from SUSPENDED (${from} to ${to})`);
  }
  const closing = to === 'IN_CLOSING' || to === 'CLOSED';
  if (PLATFORM_STATUSES.includes(from) && !closing) {
    throw invalid(from, to, `${from} is lifted by the platform; an integrator may only close the account`);
  }
  if (PRE_ACTIVE.includes(to) && !PRE_ACTIVE.includes(from)) {
    throw invalid(from, to, 'an account that has been active cannot return to a pre-activation status');
  }
  return { zeroBalance: closing };
};

/** Synctera's posting-date fields that follow the status. */
export const statusDates = (to: AccountStatus, today: string): Partial<Pick<AccountRecord, 'close_date' | 'in_closing_date'>> =>
  to === 'CLOSED' || to === 'CHARGED_OFF' ? { close_date: today } : to === 'IN_CLOSING' ? { in_closing_date: today } : {};
