import { rmSync } from 'node:fs';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildBankline } from '../../lib/bankline-app.js';
import { API_GATEWAY_CLOUDWATCH_POLICY } from '../../lib/nag-suppressions.js';
import { STAGES } from '../../lib/stage.js';
import { cliLikeApp, SYNTH_TIMEOUT_MS, synthBankline, TEMPLATE_ONLY, type SynthesizedBankline } from './synth-fixture.js';

const built: SynthesizedBankline[] = [];
afterAll(() => built.forEach((b) => b.dispose()));

const findings = (bankline: { data: IConstruct; api: IConstruct; webhooks: IConstruct; workflows: IConstruct; console: IConstruct }) =>
  [bankline.data, bankline.api, bankline.webhooks, bankline.workflows, bankline.console].flatMap((stack) =>
    new AwsSolutionsChecks()
      .validateScope(stack)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`)),
  );

describe.each(STAGES)('cdk-nag AwsSolutions (%s)', (stage) => {
  it(
    'reports no unacknowledged finding in any stack',
    () => {
      const bankline = synthBankline(stage, TEMPLATE_ONLY);
      built.push(bankline);
      expect(findings(bankline)).toEqual([]);
    },
    SYNTH_TIMEOUT_MS,
  );
});

describe('acknowledgements', () => {
  it(
    'are each still needed: without them, exactly these findings appear',
    () => {
      const acknowledge = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
      const app = cliLikeApp(TEMPLATE_ONLY);
      try {
        const bankline = buildBankline(app, 'dev');
        const rules = new Set(findings(bankline).map((f) => f.split(' @ ')[0]));
        expect([...rules].sort()).toEqual(
          [
            'AwsSolutions-APIG2',
            'AwsSolutions-APIG4',
            'AwsSolutions-COG4',
            // The operator console stack (issue 13): CloudFront and CDK's BucketDeployment handler.
            'AwsSolutions-CFR1',
            'AwsSolutions-CFR2',
            'AwsSolutions-CFR4',
            'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
            'AwsSolutions-IAM5[Action::s3:Abort*]',
            'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
            'AwsSolutions-IAM5[Action::s3:GetBucket*]',
            'AwsSolutions-IAM5[Action::s3:GetObject*]',
            'AwsSolutions-IAM5[Action::s3:List*]',
            'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
            `AwsSolutions-IAM5[Resource::<${bankline.console.getLogicalId(bankline.console.bucket.node.defaultChild as CfnElement)}.Arn>/*]`,
            `AwsSolutions-IAM4[Policy::${API_GATEWAY_CLOUDWATCH_POLICY}]`,
            'AwsSolutions-IAM5[Resource::*]',
            'AwsSolutions-L1',
            'AwsSolutions-SMG4',
            'AwsSolutions-SQS3',
          ].sort(),
        );
        // The wildcard acknowledgements cover the X-Ray policies, the stream consumers'
        // dynamodb:ListStreams, the closure state machine's log delivery and tracing, and the
        // console's CDK deployment handler, nothing else.
        const wildcardOwners = findings(bankline)
          .filter((f) => f.startsWith('AwsSolutions-IAM5'))
          .map((f) => f.split(' @ ')[1]);
        expect(wildcardOwners.length).toBeGreaterThan(0);
        const owners =
          /\/XRayWrite\/Resource$|\/(WebhookRouter|WorkflowStarter|Closure)\/Role\/DefaultPolicy\/Resource$|-Console\/Custom::CDKBucketDeployment\w+\/ServiceRole\/DefaultPolicy\/Resource$/;
        expect(wildcardOwners.filter((path) => !owners.test(path!))).toEqual([]);
      } finally {
        acknowledge.mockRestore();
        rmSync(app.outdir, { recursive: true, force: true });
      }
    },
    SYNTH_TIMEOUT_MS,
  );
});
