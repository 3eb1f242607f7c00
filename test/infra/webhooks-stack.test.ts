import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_NAMESPACE } from '../../functions/schedules/webhook-sweeper.js';
import { WEBHOOK_METRICS_NAMESPACE } from '../../lib/stacks/webhooks-stack.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, TEMPLATE_ONLY, type SynthesizedBankline } from './synth-fixture.js';

// The webhook pipeline's wiring in AWS: what makes deliveries at-least-once and watched.

let bankline: SynthesizedBankline;
let template: Template;

beforeAll(() => {
  bankline = synthBankline('dev', TEMPLATE_ONLY);
  template = Template.fromStack(bankline.webhooks);
}, SYNTH_TIMEOUT_MS);
afterAll(() => bankline?.dispose());

describe('webhooks stack', () => {
  it('feeds the router from the table stream: outbox inserts only, bisect on error, batch failures reported, a DLQ past the retries', () => {
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'));
    const stream = mappings.find((m) => m.Properties.StartingPosition === 'TRIM_HORIZON')!;
    expect(stream.Properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
    });
    expect(stream.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    expect(JSON.stringify(stream.Properties.FilterCriteria)).toContain('EVENT');
    const queue = mappings.find((m) => m !== stream)!;
    expect(queue.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('queues deliveries on an encrypted, TLS-only queue with a redrive to its DLQ', () => {
    const queues = Object.values(resourcesOf(template, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(3);
    const main = queues.find((q) => q.Properties.RedrivePolicy)!;
    expect(main.Properties).toMatchObject({ QueueName: 'bankline-dev-webhook-deliveries', SqsManagedSseEnabled: true });
    expect(main.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    expect(Object.keys(resourcesOf(template, 'AWS::SQS::QueuePolicy'))).toHaveLength(3);
  });

  it("deploys the registry's pipeline functions with exactly their variables, the queue URL resolved", () => {
    const fns = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter((f) => f.Properties.FunctionName);
    expect(fns.map((f) => f.Properties.FunctionName).sort()).toEqual(
      ['bankline-dev-webhook-router', 'bankline-dev-webhook-sender', 'bankline-dev-webhook-sweeper'].sort(),
    );
    for (const fn of fns) {
      const variables = fn.Properties.Environment.Variables;
      expect(Object.keys(variables)).toEqual(expect.arrayContaining(['TABLE_NAME', 'DELIVERY_QUEUE_URL']));
      expect(JSON.stringify(variables.DELIVERY_QUEUE_URL)).toContain('WebhookDeliveries');
    }
  });

  it('sweeps every minute', () => {
    const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule'));
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(['rate(1 minute)']);
  });

  it('alarms on both DLQs, the oldest due delivery and the sender error rate', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(alarms.sort()).toEqual(
      [
        'bankline-dev-webhooks-DeliveryDlqDepth',
        'bankline-dev-webhooks-RouterDlqDepth',
        'bankline-dev-webhooks-oldest-due-delivery-age',
        'bankline-dev-webhooks-sender-error-rate',
      ].sort(),
    );
    expect(WEBHOOK_METRICS_NAMESPACE).toBe(METRICS_NAMESPACE);
  });
});
