import type { ScheduledEvent } from 'aws-lambda';
import { configFor } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import { dueWorkAt, tenantsWithDueWork } from '../wiring/ledger.js';

// The ledger's scheduled job (EventBridge rule from the registry; the twin runs it on a local
// timer and on every sandbox clock advance): for every tenant with work due at the event's time,
// expire holds and post the incoming ACH entries whose day has come. Idempotent: a retried or
// overlapping run finds the work done (due-work.ts).

export const handler = async (event: ScheduledEvent): Promise<{ tenants: number }> => {
  configFor('ledger-due-work');
  const at = new Date(event.time);
  const tenants = await tenantsWithDueWork(at);
  const audit = { request_id: event.id, api_key_id: 'scheduler', method: 'SCHEDULE', path: 'ledger-due-work' };
  for (const tenant of tenants) {
    const report = await dueWorkAt(tenant, at, audit);
    logger.info('ledger due work', { tenant, ...report });
  }
  return { tenants: tenants.length };
};
