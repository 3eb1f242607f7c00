import { checkedHandler } from '../shared/config.js';
import { logger } from '../shared/logger.js';
import { sweepDue } from '../webhooks/sweeping.js';
import { pipelineContext } from '../wiring/webhook-pipeline.js';

// Once a minute: deliveries due from the due-time index (retries beyond 15 min, resends, paused
// endpoints) are queued. The count is logged as a metric-friendly field.
export const handler = checkedHandler('webhook-sweeper', async () => {
  const queued = await sweepDue(pipelineContext());
  logger.info('webhook sweep', { queued });
  return { queued };
});
