import { dynamoVendorLinkStore } from '../adapters/dynamodb/vendor-link-store.js';
import { aesTokenCipher } from '../adapters/vendors/token-cipher.js';
import { vendorDirectory, vendorSettings } from '../adapters/vendors/vendor-directory.js';
import type { VendorFlowsContext } from '../external-accounts/vendor-context.js';
import type { ResponseSealer } from '../idempotency/ports.js';
import type { UseCaseScope } from '../shared/scope.js';
import { externalAccountsContext } from './external-accounts.js';

// The vendor flows' ports: the manual context plus the aggregators (settings and credentials
// read once per cold start), the vendor links and the token cipher.
const tokenCipher = aesTokenCipher(async () => (await vendorSettings()).tokenKey);

export const vendorFlowsContext = (scope: UseCaseScope): VendorFlowsContext => ({
  ...externalAccountsContext(scope),
  vendors: vendorDirectory,
  links: dynamoVendorLinkStore,
  cipher: tokenCipher,
});

/**
 * Seals the access token in the response stored for Idempotency-Key replay with the vendor
 * token key, as in the vendor links: the table's own key is not enough for a bearer credential.
 */
export const vendorResponseSealer: ResponseSealer = {
  seal: (plaintext, context) => tokenCipher.encrypt(plaintext, context),
  unseal: (ciphertext, context) => tokenCipher.decrypt(ciphertext, context),
};
