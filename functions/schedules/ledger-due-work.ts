import type { ScheduledEvent } from 'aws-lambda';
import { configFor } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import { scheduledDueWork } from '../wiring/ledger.js';

// The ledger's scheduled job (EventBridge rule from the registry; the twin runs it on a local
// timer and on every sandbox clock advance): at the event's time (on a sandbox stage, each
// tenant at its own sandbox clock), every tenant with work due expires its holds, posts the
// incoming ACH entries whose day has come, pays its payment schedules and settles outgoing ACH;
// and every tenant, once a day, accrues interest and issues the statements of a month that ended
// (wiring/ledger.ts scheduledDueWork). Idempotent: a retried or overlapping run finds the work
// done (due-work.ts). A tenant whose run failed is logged and makes the invocation fail, so the
// failure is seen (alarm, retry); the others' work stands.

export const handler = async (event: ScheduledEvent): Promise<{ tenants: number; failed: number }> => {
  configFor('ledger-due-work');
  const at = new Date(event.time);
  const audit = { request_id: event.id, api_key_id: 'scheduler', method: 'SCHEDULE', path: 'ledger-due-work' };
  const runs = await scheduledDueWork(at, audit);
  for (const run of runs) {
    if (run.error) logger.error('ledger due work failed', { tenant: run.tenant, error: run.error.message });
    else logger.info('ledger due work', { tenant: run.tenant, ...run.report });
  }
  const failed = runs.filter((run) => run.error).length;
  if (failed > 0) throw new Error(`ledger due work failed for ${failed} of ${runs.length} tenants`);
  return { tenants: runs.length, failed };
};
