import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { AccountEventResource, ClosureLedger, ClosureStore, ExternalAccountLookup, OpenDisputes, RecurringPayments } from './ports.js';

export interface ClosureContext {
  tenantId: string;
  audit: AuditContext;
  /** The tenant's clock (its sandbox clock on a sandbox stage). */
  clock: Clock;
  store: ClosureStore;
  ledger: ClosureLedger;
  externalAccounts: ExternalAccountLookup;
  accountEventResource: AccountEventResource;
  /** Unbound until the ledger's disputes exist: the check then says so plainly. */
  disputes?: OpenDisputes;
  /** Unbound until the ledger's payment schedules exist: the check then says so plainly. */
  recurring?: RecurringPayments;
}
