import { checkedHandler, config } from '../shared/config.js';
import { sweep } from '../webhooks/sweeping.js';
import { pipelineContext } from '../wiring/webhook-pipeline.js';

// Once a minute: deliveries due from the due-time index (retries beyond 15 min, resends, paused
// endpoints, test events) are queued. The age of the oldest due one goes out as a CloudWatch
// metric in the Embedded Metric Format (one stdout line, outside the logger's JSON envelope);
// an alarm fires when it grows, or when no sweep reports at all (lib/stacks/webhooks-stack.ts).

export const METRICS_NAMESPACE = 'Bankline/Webhooks';

const emitMetric = (stage: string, oldestDueAgeSeconds: number, queued: number): void => {
  process.stdout.write(
    `${JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: METRICS_NAMESPACE,
            Dimensions: [['Stage']],
            Metrics: [
              { Name: 'OldestDueDeliveryAgeSeconds', Unit: 'Seconds' },
              { Name: 'DeliveriesSwept', Unit: 'Count' },
            ],
          },
        ],
      },
      Stage: stage,
      OldestDueDeliveryAgeSeconds: oldestDueAgeSeconds,
      DeliveriesSwept: queued,
    })}\n`,
  );
};

export const handler = checkedHandler('webhook-sweeper', async () => {
  const result = await sweep(pipelineContext());
  emitMetric(config().stage, result.oldestDueAgeSeconds, result.queued);
  return result;
});
