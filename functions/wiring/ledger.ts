import { dynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import type { LedgerContext } from '../ledger/context.js';
import type { UseCaseScope } from '../shared/scope.js';

// The ledger's ports bound to their adapters, for any caller (HTTP, scheduled jobs, the CLI).

export const ledgerContext = ({ tenantId, audit, clock }: UseCaseScope): LedgerContext => ({
  tenantId,
  audit,
  clock,
  store: dynamoLedgerStore,
});
