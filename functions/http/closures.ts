import { createDomainHandler } from './create-domain-handler.js';
import { closureOperations } from './closures/closure-operations.js';

// Account closure Lambda: initiate_closure and its PATCH. Its own function, so the accounts
// Lambda's cold start does not grow; the workflow's steps run in `closure-steps`.
export const handler = createDomainHandler('closures', {
  initiateClosure: closureOperations.initiate,
  initiateClosureV2: closureOperations.initiate,
  patchClosure: closureOperations.patch,
  patchClosureV2: closureOperations.patch,
});
