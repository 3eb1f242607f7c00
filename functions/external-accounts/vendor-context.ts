import type { ExternalAccountsContext } from './context.js';
import type { VendorLinkStore } from './ports.js';
import type { TokenCipher, VendorDirectory } from './vendor-ports.js';

/** A vendor use-case's context: the manual one plus the aggregators, the links and the token cipher. */
export interface VendorFlowsContext extends ExternalAccountsContext {
  vendors: VendorDirectory;
  links: VendorLinkStore;
  cipher: TokenCipher;
}
