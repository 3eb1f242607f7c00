import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { ExternalAccountStore, OwnerDirectory } from './ports.js';

/** Everything a manual external-account use-case needs from the outside. */
export interface ExternalAccountsContext {
  tenantId: string;
  audit: AuditContext;
  clock: Clock;
  accounts: ExternalAccountStore;
  owners: OwnerDirectory;
}
