import { rmSync } from 'node:fs';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildBankline } from '../../lib/bankline-app.js';
import { API_GATEWAY_CLOUDWATCH_POLICY } from '../../lib/nag-suppressions.js';
import { STAGES } from '../../lib/stage.js';
import { cliLikeApp, SYNTH_TIMEOUT_MS, synthBankline, TEMPLATE_ONLY, type SynthesizedBankline } from './synth-fixture.js';

const built: SynthesizedBankline[] = [];
afterAll(() => built.forEach((b) => b.dispose()));

const findings = (bankline: { data: IConstruct; api: IConstruct; webhooks: IConstruct }) =>
  [bankline.data, bankline.api, bankline.webhooks].flatMap((stack) =>
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
            `AwsSolutions-IAM4[Policy::${API_GATEWAY_CLOUDWATCH_POLICY}]`,
            'AwsSolutions-IAM5[Resource::*]',
            'AwsSolutions-L1',
            'AwsSolutions-SMG4',
            'AwsSolutions-SQS3',
          ].sort(),
        );
        // The wildcard acknowledgements cover the X-Ray policies and the stream router's
        // dynamodb:ListStreams, nothing else.
        const wildcardOwners = findings(bankline)
          .filter((f) => f.startsWith('AwsSolutions-IAM5'))
          .map((f) => f.split(' @ ')[1]);
        expect(wildcardOwners.length).toBeGreaterThan(0);
        expect(wildcardOwners.every((path) => /\/XRayWrite\/Resource$|\/WebhookRouter\/Role\/DefaultPolicy\/Resource$/.test(path!))).toBe(
          true,
        );
      } finally {
        acknowledge.mockRestore();
        rmSync(app.outdir, { recursive: true, force: true });
      }
    },
    SYNTH_TIMEOUT_MS,
  );
});
