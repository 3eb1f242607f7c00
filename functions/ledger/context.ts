import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { ExternalAccountDirectory } from './external-accounts.js';
import type { LedgerStore } from './ports.js';

export interface LedgerContext {
  tenantId: string;
  audit: AuditContext;
  clock: Clock;
  store: LedgerStore;
  /** External accounts, for outgoing ACH (a payment schedule's ACH occurrences run from the due work). */
  externalAccounts?: ExternalAccountDirectory;
}
