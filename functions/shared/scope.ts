import type { AuditContext } from './audit.js';
import type { Clock } from './clock.js';

/**
 * On whose behalf a use-case runs, and when: what any caller (an HTTP request, a workflow
 * step, a queue consumer) hands the wiring (functions/wiring/) to get a use-case context.
 */
export interface UseCaseScope {
  /** The principal's tenant: every read and write stays inside it. */
  tenantId: string;
  /** Carried into every outbox event the use-case writes. */
  audit: AuditContext;
  clock: Clock;
}
