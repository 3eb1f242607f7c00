import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { LedgerStore } from './ports.js';

export interface LedgerContext {
  tenantId: string;
  audit: AuditContext;
  clock: Clock;
  store: LedgerStore;
}
