// The account-closure workflow (issue 10): the Standard state machine built from the one
// definition (functions/workflows/closure/definition.ts, which the twin runs too), its task
// function and its starter from the registry (trigger kinds workflow-task and table-stream),
// execution logs and traces, and alarms on failed and timed-out executions (a closure that needs
// an operator ends in NeedsAttention, a failure).
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionDefinition, functionsOfKind } from '../../functions/functions.js';
import { closureDefinition } from '../../functions/workflows/closure/definition.js';
import { BanklineFunction } from '../constructs/bankline-function.js';
import type { FunctionResources } from '../function-resources.js';
import { acknowledgeStateMachineWildcards, acknowledgeStarterDeadLetterQueue, acknowledgeStreamListWildcard } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export interface WorkflowsStackProps extends StackProps {
  readonly config: StageConfig;
  readonly resources: FunctionResources;
}

export const CLOSURE_STATE_MACHINE = 'closure';

/** Registry functions this stack deploys: the closure's tasks and its starter. */
export const isWorkflowFunction = (definition: FunctionDefinition): boolean =>
  (definition.trigger.kind === 'workflow-task' && definition.trigger.stateMachine === CLOSURE_STATE_MACHINE) ||
  definition.name === 'workflow-starter';

const constructId = (name: string): string => name.replace(/(^|[-_])([a-z])/g, (_m, _s: string, letter: string) => letter.toUpperCase());

export class WorkflowsStack extends Stack {
  readonly functions: ReadonlyMap<string, BanklineFunction>;
  readonly closure: sfn.StateMachine;
  readonly starterDlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: WorkflowsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const functions = new Map<string, BanklineFunction>();
    const build = (definition: FunctionDefinition, resources: FunctionResources) => {
      const fn = new BanklineFunction(this, constructId(definition.name), { config, definition, resources });
      functions.set(definition.name, fn);
      return fn;
    };
    this.functions = functions;

    const [steps, ...others] = functionsOfKind('workflow-task').filter(isWorkflowFunction);
    if (!steps || others.length > 0) throw new Error('the closure state machine takes exactly one workflow-task function');
    const stepsFn = build(steps, props.resources);

    const executionLogs = new logs.LogGroup(this, 'ClosureExecutionLogs', {
      retention: config.logRetention,
      removalPolicy: config.logRemovalPolicy,
    });
    this.closure = new sfn.StateMachine(this, 'Closure', {
      stateMachineName: `${config.resourcePrefix}-closure`,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // Plain function ARNs (the raw output both runtimes share); the top-level timeout is in the definition.
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(closureDefinition(() => stepsFn.handler.functionArn))),
      // Execution data stays out of the logs: inputs are ids only, outputs carry amounts.
      logs: { destination: executionLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Exactly the task function, not its versions and aliases (grantInvoke would add `:*`).
    this.closure.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [stepsFn.handler.functionArn] }));
    acknowledgeStateMachineWildcards(this.closure.role);

    const withMachine: FunctionResources = { ...props.resources, stateMachines: new Map([[CLOSURE_STATE_MACHINE, this.closure]]) };
    this.starterDlq = new sqs.Queue(this, 'WorkflowStarterDlq', {
      queueName: `${config.resourcePrefix}-workflow-starter-dlq`,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeStarterDeadLetterQueue(this.starterDlq);
    for (const definition of functionsOfKind('table-stream').filter(isWorkflowFunction)) {
      const fn = build(definition, withMachine);
      fn.handler.addEventSource(
        new DynamoEventSource(props.resources.table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 10,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: 10,
          maxRecordAge: Duration.hours(24),
          onFailure: new SqsDlq(this.starterDlq),
          // Only start requests reach the starter (WAKE records matter to the twin alone).
          filters: [
            lambda.FilterCriteria.filter({
              eventName: lambda.FilterRule.isEqual('INSERT'),
              dynamodb: {
                NewImage: { entity: { S: lambda.FilterRule.isEqual('WORKFLOW_START') }, kind: { S: lambda.FilterRule.isEqual('START') } },
              },
            }),
          ],
        }),
      );
      acknowledgeStreamListWildcard(fn.role);
    }

    this.alarms(config);
  }

  private alarms(config: StageConfig): void {
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, id, {
        alarmName: `${config.resourcePrefix}-closure-${id}`,
        alarmDescription: description,
        metric,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    alarm(
      'ExecutionsFailed',
      'An account closure failed or needs attention (blockers did not clear): read the closure, fix, then redrive the execution',
      this.closure.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    alarm(
      'ExecutionsTimedOut',
      'An account closure ran past its timeout: read the closure, then redrive or finish it by hand',
      this.closure.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    alarm(
      'StarterDlqDepth',
      'A closure start request was dead-lettered: its execution never started; redrive the message',
      this.starterDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    );
  }
}
