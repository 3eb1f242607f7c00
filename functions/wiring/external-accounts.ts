import { dynamoOwnerDirectory } from '../adapters/dynamodb/external-account-owners.js';
import { dynamoExternalAccountStore } from '../adapters/dynamodb/external-account-store.js';
import type { ExternalAccountsContext } from '../external-accounts/context.js';
import type { UseCaseScope } from '../shared/scope.js';

// The external-accounts domain's ports bound to their adapters (no vendor: see external-accounts-vendor.ts).
export const externalAccountsContext = ({ tenantId, audit, clock }: UseCaseScope): ExternalAccountsContext => ({
  tenantId,
  audit,
  clock,
  accounts: dynamoExternalAccountStore,
  owners: dynamoOwnerDirectory,
});
