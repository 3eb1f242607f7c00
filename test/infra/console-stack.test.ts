import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_API_PATH_PATTERN, SPA_FALLBACK } from '../../lib/stacks/console-stack.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, TEMPLATE_ONLY, type SynthesizedBankline } from './synth-fixture.js';

// The operator console stack (issue 13): private bucket, CloudFront with origin access control,
// /v0/* to the API on the same origin, uncached, with the caller's headers.

let bankline: SynthesizedBankline;
let template: Template;

beforeAll(() => {
  bankline = synthBankline('dev', TEMPLATE_ONLY);
  template = Template.fromStack(bankline.console);
}, SYNTH_TIMEOUT_MS);
afterAll(() => bankline?.dispose());

// AWS managed policies (fixed ids): CachingDisabled, CachingOptimized, AllViewerExceptHostHeader.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const distributionConfig = () => Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

describe('the console bucket', () => {
  it('is private, encrypted, TLS-only and logs its access', () => {
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    const site = Object.entries(buckets).find(([, b]) => b.Properties.LoggingConfiguration)!;
    expect(site).toBeDefined();
    expect(site[1].Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(site[1].Properties.BucketEncryption).toBeDefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site[0] },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          // Only this distribution reads it (origin access control, not a public website).
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    expect(Object.keys(resourcesOf(template, 'AWS::CloudFront::OriginAccessControl'))).toHaveLength(1);
  });
});

describe('the distribution', () => {
  it('serves the SPA from S3 by default, index.html at the root and for extension-less paths', () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CACHING_OPTIMIZED,
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    // A distribution-wide error page would replace the API's own 403/404 bodies under /v0/*.
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.Logging).toBeDefined();
  });

  it(`routes ${CONSOLE_API_PATH_PATTERN} to the REST API stage: every method, uncached, every viewer header but Host`, () => {
    const config = distributionConfig();
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === CONSOLE_API_PATH_PATTERN);
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    });
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    // "/" + the stage segment of the API's URL: the stage the API stack deploys.
    expect(JSON.stringify(origin.OriginPath)).toMatch(/^\{"Fn::Join":\["",\["\/",.*DeploymentStagedev/);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
    expect(config.CacheBehaviors).toHaveLength(1);
  });

  it('sends the console with a strict content security policy', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'none'.*connect-src 'self'"),
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
  });
});

describe('the SPA fallback function', () => {
  // The function's own source, run as CloudFront runs it on each viewer request.
  const rewrite = (uri: string): string => {
    const handler = new Function(`${SPA_FALLBACK}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    return handler({ request: { uri } }).uri;
  };

  it.each([
    ['/', '/index.html'],
    ['/customers/123', '/index.html'],
    ['/app.js', '/app.js'],
    ['/app.css', '/app.css'],
    ['/index.html', '/index.html'],
  ])('%s -> %s', (uri, expected) => expect(rewrite(uri)).toBe(expected));
});

describe('deployment of the built console', () => {
  it('uploads it, prunes stale files and invalidates the distribution', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: true,
      DistributionPaths: ['/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    template.hasOutput('ConsoleUrl', {});
  });

  it('is cdk-nag clean', () => {
    const findings = new AwsSolutionsChecks()
      .validateScope(bankline.console)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`));
    expect(findings).toEqual([]);
  });
});
