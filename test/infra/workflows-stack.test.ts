import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_SERVICE_ERRORS } from '../../functions/workflows/closure/definition.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, TEMPLATE_ONLY, type SynthesizedBankline } from './synth-fixture.js';

// The closure workflow in AWS: a Standard state machine from the shared definition, plain Lambda
// tasks with retries, logs and traces, a starter fed by start requests only, and its alarms.

let bankline: SynthesizedBankline;
let template: Template;

beforeAll(() => {
  bankline = synthBankline('dev', TEMPLATE_ONLY);
  template = Template.fromStack(bankline.workflows);
}, SYNTH_TIMEOUT_MS);
afterAll(() => bankline?.dispose());

/** The definition string with CloudFormation's Fn::Join parts (the function ARN tokens) flattened. */
const definitionOf = (machine: { Properties?: Record<string, unknown> }): string =>
  JSON.stringify(machine.Properties?.DefinitionString).replaceAll('\\"', '"');

describe('workflows stack', () => {
  it('deploys the closure as a Standard state machine with plain Lambda tasks, retries, a timeout, logs and tracing', () => {
    const [machine] = Object.values(resourcesOf(template, 'AWS::StepFunctions::StateMachine'));
    expect(machine!.Properties).toMatchObject({
      StateMachineName: 'bankline-dev-closure',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    const definition = definitionOf(machine!);
    for (const error of LAMBDA_SERVICE_ERRORS) expect(definition).toContain(error);
    expect(definition).not.toContain('arn:aws:states:::lambda:invoke');
    expect(definition).not.toContain('waitForTaskToken');
    expect(definition).toContain('"TimeoutSeconds":15552000');
  });

  it('lets the machine invoke its task function and nothing else', () => {
    const policies = JSON.stringify(resourcesOf(template, 'AWS::IAM::Policy'));
    expect(policies).toContain('lambda:InvokeFunction');
    expect(policies).not.toMatch(/"lambda:InvokeFunction"[^\]]*:\*"/);
  });

  it('starts executions from the stream: start requests only, batch failures reported, a DLQ past the retries', () => {
    const [mapping] = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'));
    expect(mapping!.Properties).toMatchObject({ BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(JSON.stringify(mapping!.Properties.FilterCriteria)).toContain('WORKFLOW_START');
    const policies = JSON.stringify(resourcesOf(template, 'AWS::IAM::Policy'));
    expect(policies).toContain('states:StartExecution');
  });

  it('alarms on failed and timed-out executions and on a dead-lettered start', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.MetricName);
    expect(alarms).toEqual(expect.arrayContaining(['ExecutionsFailed', 'ExecutionsTimedOut', 'ApproximateNumberOfMessagesVisible']));
  });
});
