import { asDomainError } from './vendor-errors.js';
import type { VendorFailure } from './vendor-ports.js';

// Why a requested vendor account was refused: add and sync answer 200 and report each refused
// account in failed_accounts.

export type FailureReason =
  | 'ACCOUNT_NOT_FOUND'
  | 'DUPLICATE_ACCOUNT'
  | 'FAILED_VERIFICATION'
  | 'PROVIDER_ERROR'
  | 'UNSUPPORTED_ACCOUNT_TYPE';

export interface FailedAccount {
  vendor_account_id: string;
  reason: FailureReason;
  reason_description: string;
  vendor_error_message?: string;
  vendor_request_id?: string;
}

export const failed = (
  vendor_account_id: string,
  reason: FailureReason,
  reason_description: string,
  extra: Partial<FailedAccount> = {},
): FailedAccount => ({
  vendor_account_id,
  reason,
  reason_description,
  ...extra,
});

export const providerError = (id: string, f: VendorFailure) =>
  failed(id, 'PROVIDER_ERROR', asDomainError(f).detail, {
    vendor_error_message: f.displayMessage ?? f.vendorMessage,
    ...(f.requestId ? { vendor_request_id: f.requestId } : {}),
  });
