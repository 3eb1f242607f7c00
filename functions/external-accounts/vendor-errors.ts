import { type VendorErrorCode, VendorRefused, VendorUnavailable } from '../shared/domain-errors.js';
import type { VendorFailure } from './vendor-ports.js';

// A vendor failure as the client sees it: the vendor's code (when Bankline lists it) and a
// detail saying what to do. No token, no account number: only the vendor's code and message.

const WHAT_TO_DO: Partial<Record<VendorErrorCode, string>> = {
  ITEM_LOGIN_REQUIRED:
    'the end user must log in to their bank again: create an update-mode link token (POST /v0/external_accounts/link_tokens with vendor_institution_id and vendor_access_token) and run Link with it',
  ITEM_LOCKED:
    'the bank locked the end user’s login after failed attempts: the user must unlock it at the bank, then run Link in update mode',
  INVALID_CREDENTIALS: 'the end user’s bank credentials were wrong: run Link again',
  ITEM_NOT_FOUND: 'the vendor no longer knows this link: run Link again and add the accounts anew',
  INSTITUTION_NOT_RESPONDING: 'the bank is not responding to the vendor right now: retry later',
  INSTITUTION_DOWN: 'the bank is down for the vendor right now: retry later',
  NO_AUTH_ACCOUNTS: 'the link holds no checking or savings account usable for ACH: link another account, or add it manually',
  NO_ACCOUNTS: 'the link holds no account: run Link again and select an account',
  PRODUCTS_NOT_SUPPORTED: 'the bank does not support this for the linked item: add the account manually or link another bank',
  PRODUCT_NOT_READY: 'the vendor has not finished its first pull of this data: retry in a few minutes',
  INVALID_PUBLIC_TOKEN: 'vendor_public_token is invalid, already used or expired (30 minutes): run Link again for a new one',
  INVALID_ACCESS_TOKEN: 'vendor_access_token is not valid at the vendor: exchange a new public token through access_tokens',
  INCORRECT_DEPOSIT_VERIFICATION: 'the micro-deposit code was wrong: run Link in update mode and enter the code again',
  TOO_MANY_VERIFICATION_ATTEMPTS: 'too many wrong micro-deposit codes: the account must be linked again',
  VENDOR_RATE_LIMITED: 'the vendor is rate-limiting requests: retry later',
};

const isListed = (code: string): code is VendorErrorCode => code in WHAT_TO_DO;

const vendorName = (f: VendorFailure) => (f.vendor === 'PLAID' ? 'Plaid' : 'Finicity');

export const asDomainError = (f: VendorFailure): VendorRefused | VendorUnavailable => {
  if (f.kind === 'TIMEOUT')
    return new VendorUnavailable(
      'VENDOR_TIMEOUT',
      `${vendorName(f)} did not answer in time; nothing was changed: retry (the same Idempotency-Key is safe)`,
    );
  if (f.kind === 'UNAVAILABLE' && !isListed(f.code))
    return new VendorUnavailable(
      'VENDOR_UNAVAILABLE',
      `${vendorName(f)} failed (${f.code}); nothing was changed: retry later (the same Idempotency-Key is safe)`,
    );
  if (isListed(f.code)) return new VendorRefused(f.code, `${vendorName(f)} ${f.code}: ${WHAT_TO_DO[f.code]}`);
  return new VendorRefused('VENDOR_ERROR', `${vendorName(f)} refused the request (${f.code}): ${f.vendorMessage}`);
};

/** Runs a vendor call; its failure becomes the client's error. */
export const viaVendor = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && error.name === 'VendorFailure') throw asDomainError(error as VendorFailure);
    throw error;
  }
};
