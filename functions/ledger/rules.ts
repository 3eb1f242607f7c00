import { unprocessable } from '../shared/errors.js';
import type { BalanceRecord, Initiator } from './model.js';
import type { Shortfall } from './posting.js';

// Which accounts may move money, and the errors that name the rule a movement breaks.

/** The one status a customer-initiated movement accepts (contract §2.3); access_status FROZEN refuses too. */
const CUSTOMER_TRANSACTABLE = ['ACTIVE_OR_DISBURSED'];
/** Nothing moves on these, not even the platform's own postings (returns go to suspense instead). */
const TERMINAL = ['CLOSED', 'CHARGED_OFF'];

/** Throws naming the status or access status that refuses a movement on `account`. */
export const assertCanMove = (account: BalanceRecord, initiator: Initiator): void => {
  if (TERMINAL.includes(account.status)) {
    throw unprocessable(`account ${account.account_id} is ${account.status}: no money can move on it`);
  }
  if (initiator === 'PLATFORM') return;
  if (!CUSTOMER_TRANSACTABLE.includes(account.status)) {
    throw unprocessable(`account ${account.account_id} has status ${account.status}: only ACTIVE_OR_DISBURSED accounts can move money`);
  }
  if (account.access_status !== 'ACTIVE') {
    throw unprocessable(`account ${account.account_id} has access_status ${account.access_status}: movements are refused`);
  }
};

export const insufficientFunds = (s: Shortfall) =>
  unprocessable(
    `insufficient funds: account ${s.account_id} would have an available balance of ${s.available_after}, ` +
      `below its minimum of ${s.minimum} (balance_floor, or zero)`,
  );

export const assertRailEnabled = (account: BalanceRecord, flag: 'is_ach_enabled' | 'is_p2p_enabled'): void => {
  if (account[flag] !== true) throw unprocessable(`account ${account.account_id} has ${flag} false: this rail is disabled`);
};
