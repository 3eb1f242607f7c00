import type { ScheduledEvent } from 'aws-lambda';
import { arn, LOCAL_ACCOUNT_ID, LOCAL_REGION, uuidFor } from './aws-ids.js';

// The event a schedule-triggered function receives: EventBridge's "Scheduled Event" for the
// schedule's rule. `time` is the scheduled time (what the job treats as "now"), to the second.

export interface ScheduledEventOptions {
  readonly now?: Date;
  /** Stable ids for generated samples. */
  readonly seed?: string;
}

export const scheduledEvent = (ruleName: string, options: ScheduledEventOptions = {}): ScheduledEvent => ({
  version: '0',
  id: uuidFor(options.seed),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  time: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: LOCAL_REGION,
  resources: [arn('events', `rule/${ruleName}`)],
  detail: {},
});
