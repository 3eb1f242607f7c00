import { createDomainHandler } from './create-domain-handler.js';
import { vendorResponseSealer } from '../wiring/external-accounts-vendor.js';
import { vendorOperations } from './external-accounts/vendor-operations.js';

// External-account routes that call an aggregator (Plaid through its SDK, Finicity through its
// REST client): only this function bundles them and holds the vendor credentials.
export const handler = createDomainHandler(
  'external_accounts_vendor',
  {
    deleteExternalAccount: vendorOperations.remove,
    createLinkToken: vendorOperations.linkToken,
    createAccessToken: vendorOperations.accessToken,
    addVendorAccounts: vendorOperations.addAccounts,
    syncVendorAccounts: vendorOperations.syncAccounts,
    getExternalAccountBalance: vendorOperations.balance,
    listExternalAccountTransactions: vendorOperations.transactions,
    refreshExternalAccountTransactions: vendorOperations.refresh,
  },
  { responseSealer: vendorResponseSealer },
);
