import { dynamoVendorLinkStore } from '../adapters/dynamodb/vendor-link-store.js';
import { aesTokenCipher } from '../adapters/vendors/token-cipher.js';
import { vendorDirectory, vendorSettings } from '../adapters/vendors/vendor-directory.js';
import type { VendorFlowsContext } from '../external-accounts/vendor-context.js';
import type { UseCaseScope } from '../shared/scope.js';
import { externalAccountsContext } from './external-accounts.js';

// The vendor flows' ports: the manual context plus the aggregators (settings and credentials
// read once per cold start), the vendor links and the token cipher.
export const vendorFlowsContext = (scope: UseCaseScope): VendorFlowsContext => ({
  ...externalAccountsContext(scope),
  vendors: vendorDirectory,
  links: dynamoVendorLinkStore,
  cipher: aesTokenCipher(async () => (await vendorSettings()).tokenKey),
});
