// The webhook delivery pipeline (issue 11): table stream → router → delivery queue → sender,
// and the once-a-minute sweeper for retries beyond SQS's 15-minute delay. Its functions come
// from the registry (trigger kinds table-stream, queue, schedule); the alarms watch what would
// mean lost or stuck deliveries: a dead letter in either DLQ, due deliveries getting old (the
// sweeper not running), and the sender failing.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionDefinition, functionsOfKind } from '../../functions/functions.js';
import { BanklineFunction } from '../constructs/bankline-function.js';
import type { FunctionResources } from '../function-resources.js';
import { acknowledgeDeadLetterQueue, acknowledgeStreamListWildcard } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export interface WebhooksStackProps extends StackProps {
  readonly config: StageConfig;
  readonly resources: FunctionResources;
}

export const DELIVERY_QUEUE = 'webhook-deliveries';
/** The sweeper's metric (functions/schedules/webhook-sweeper.ts writes it as EMF). */
/** The sweeper's metric namespace (functions/schedules/webhook-sweeper.ts METRICS_NAMESPACE; a test keeps them equal). */
export const WEBHOOK_METRICS_NAMESPACE = 'Bankline/Webhooks';

/** Registry functions of the webhook pipeline (the rest of the schedules live in the API stack). */
export const isWebhookPipeline = (definition: FunctionDefinition): boolean => definition.name.startsWith('webhook-');

const constructId = (name: string): string => name.replace(/(^|[-_])([a-z])/g, (_m, _s: string, letter: string) => letter.toUpperCase());

export class WebhooksStack extends Stack {
  readonly functions: ReadonlyMap<string, BanklineFunction>;
  readonly deliveryQueue: sqs.Queue;
  readonly deliveryDlq: sqs.Queue;
  readonly routerDlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: WebhooksStackProps) {
    super(scope, id, props);
    const { config } = props;

    const queue = (name: string, extra: Partial<sqs.QueueProps> = {}) =>
      new sqs.Queue(this, constructId(name), {
        queueName: `${config.resourcePrefix}-${name}`,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        ...extra,
      });
    this.deliveryDlq = queue('webhook-deliveries-dlq', { retentionPeriod: Duration.days(14) });
    this.routerDlq = queue('webhook-router-dlq', { retentionPeriod: Duration.days(14) });
    acknowledgeDeadLetterQueue(this.deliveryDlq);
    acknowledgeDeadLetterQueue(this.routerDlq);
    // Six sender timeouts, as AWS recommends for a queue feeding a Lambda.
    this.deliveryQueue = queue(DELIVERY_QUEUE, {
      visibilityTimeout: Duration.seconds(180),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deliveryDlq, maxReceiveCount: 5 },
    });

    const resources: FunctionResources = { ...props.resources, queues: new Map([[DELIVERY_QUEUE, this.deliveryQueue]]) };
    const functions = new Map<string, BanklineFunction>();
    const build = (definition: FunctionDefinition) => {
      const fn = new BanklineFunction(this, constructId(definition.name), { config, definition, resources });
      functions.set(definition.name, fn);
      return fn;
    };
    this.functions = functions;

    for (const definition of functionsOfKind('table-stream').filter(isWebhookPipeline)) {
      const fn = build(definition);
      fn.handler.addEventSource(
        new DynamoEventSource(props.resources.table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: 10,
          maxRecordAge: Duration.hours(24),
          onFailure: new SqsDlq(this.routerDlq),
          // Only outbox inserts reach the router.
          filters: [
            lambda.FilterCriteria.filter({
              eventName: lambda.FilterRule.isEqual('INSERT'),
              dynamodb: { NewImage: { entity: { S: lambda.FilterRule.isEqual('EVENT') } } },
            }),
          ],
        }),
      );
      acknowledgeStreamListWildcard(fn.role);
    }
    for (const definition of functionsOfKind('queue')) {
      const fn = build(definition);
      if (definition.trigger.queue !== DELIVERY_QUEUE)
        throw new Error(`queue ${definition.trigger.queue} is not defined by the webhooks stack`);
      fn.handler.addEventSource(
        new SqsEventSource(this.deliveryQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 20 }),
      );
    }
    // The pipeline's own schedules; the other domains' jobs are deployed by the API stack.
    for (const definition of functionsOfKind('schedule').filter(isWebhookPipeline)) {
      const fn = build(definition);
      new events.Rule(this, `${constructId(definition.name)}Schedule`, {
        schedule: events.Schedule.expression(definition.trigger.expression),
        targets: [new targets.LambdaFunction(fn.handler, { retryAttempts: 0 })],
      });
    }

    this.alarms(config, functions.get('webhook-sender'));
  }

  private alarms(config: StageConfig, sender: BanklineFunction | undefined): void {
    for (const [name, dlq] of [
      ['DeliveryDlqDepth', this.deliveryDlq],
      ['RouterDlqDepth', this.routerDlq],
    ] as const) {
      new cloudwatch.Alarm(this, name, {
        alarmName: `${config.resourcePrefix}-webhooks-${name}`,
        alarmDescription: 'Webhook messages were dead-lettered: inspect, fix, then redrive them',
        metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
    new cloudwatch.Alarm(this, 'OldestDueDeliveryAge', {
      alarmName: `${config.resourcePrefix}-webhooks-oldest-due-delivery-age`,
      alarmDescription: 'Due webhook deliveries are not being picked up (the sweeper is failing or not running)',
      metric: new cloudwatch.Metric({
        namespace: WEBHOOK_METRICS_NAMESPACE,
        metricName: 'OldestDueDeliveryAgeSeconds',
        dimensionsMap: { Stage: config.stage },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: 600,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No sweep, no metric: that is the failure this alarm is for.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    if (sender) {
      new cloudwatch.Alarm(this, 'SenderErrorRate', {
        alarmName: `${config.resourcePrefix}-webhooks-sender-error-rate`,
        alarmDescription: 'The webhook sender is failing (its own errors, not receivers answering non-2xx)',
        metric: new cloudwatch.MathExpression({
          expression: '100 * errors / MAX([invocations, 1])',
          usingMetrics: {
            errors: sender.handler.metricErrors({ period: Duration.minutes(5) }),
            invocations: sender.handler.metricInvocations({ period: Duration.minutes(5) }),
          },
          label: 'sender error rate (%)',
          period: Duration.minutes(5),
        }),
        threshold: 5,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
  }
}
