import type { KycPorts } from '../accounts/holder-kyc.js';
import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { CustomerStore } from './ports.js';

/** Everything a customers use-case needs from the outside, passed in so tests can supply it. */
export interface CustomersContext {
  tenantId: string;
  audit: AuditContext;
  clock: Clock;
  store: CustomerStore;
  /** The accounts a verification outcome restricts or releases; absent where there are none. */
  accounts?: KycPorts;
}
