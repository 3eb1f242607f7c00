import { applyVerificationOutcome, type KycPorts } from '../accounts/holder-kyc.js';
import { dynamoAccountStore } from '../adapters/dynamodb/account-store.js';
import { dynamoCustomerStore } from '../adapters/dynamodb/customer-store.js';
import type { CustomersContext } from '../customers/context.js';
import type { UseCaseScope } from '../shared/scope.js';
import { holderDirectoryOver } from './holder-directory.js';

// The customers domain's ports bound to their adapters, whoever calls its use-cases. A
// verification outcome restricts or releases the subject's accounts: the customers domain
// announces it, the accounts domain acts on it (accounts/holder-kyc.ts), and this binds the two.

const kycPorts: KycPorts = { accounts: dynamoAccountStore, holders: holderDirectoryOver(dynamoCustomerStore) };

export const customersContext = (scope: UseCaseScope): CustomersContext => {
  const { tenantId, audit, clock } = scope;
  return {
    tenantId,
    audit,
    clock,
    store: dynamoCustomerStore,
    onVerificationOutcome: ({ subjectKind, subjectId, status }) =>
      applyVerificationOutcome(kycPorts, { tenantId, audit, clock }, { kind: subjectKind, id: subjectId }, status),
  };
};
