import { createDomainHandler } from './create-domain-handler.js';
import { externalAccountOperations } from './external-accounts/account-operations.js';

// External accounts Lambda: the routes that never call an aggregator, so it carries no vendor SDK
// and reads an external account as lightly as accounts reads an account.
export const handler = createDomainHandler('external_accounts', {
  createExternalAccount: externalAccountOperations.create,
  listExternalAccounts: externalAccountOperations.list,
  getExternalAccount: externalAccountOperations.get,
  patchExternalAccount: externalAccountOperations.patch,
});
