// The HTTP layer's entry to add_vendor_accounts and sync_vendor_accounts (contract §9.6), one use
// case per module.

export { addVendorAccounts } from './add-vendor-accounts.js';
export type { FailedAccount, FailureReason } from './vendor-account-failures.js';
export { syncVendorAccounts } from './sync-vendor-accounts.js';
