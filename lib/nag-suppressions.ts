// Every cdk-nag acknowledgement in the app, with the reason a security reviewer reads.
// Each is attached to the narrowest construct that produces the finding, never to a stack,
// so a new resource with the same problem still fails the check.
import { type CfnElement, type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The runtime is pinned on purpose; see BanklineFunction. */
export function acknowledgePinnedNodeRuntime(fn: IConstruct): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Runtime is pinned to nodejs22.x (an LTS line supported by Lambda) to match the esbuild target and the ' +
      'Node version the code is tested on; runtime upgrades are deliberate, reviewed changes, not implicit ones.',
  });
}

/** Only the dedicated X-Ray policy of a function, not its role's other policies. */
export function acknowledgeXrayWildcard(xrayPolicy: IConstruct): void {
  Validations.of(xrayPolicy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions, so the ' +
      'resource must be "*" (AWS X-Ray IAM reference). This policy holds only those two write-only actions.',
  });
}

export const API_GATEWAY_CLOUDWATCH_POLICY = 'arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/** The account-level role API Gateway needs before a stage can write access or execution logs. */
export function acknowledgeApiGatewayLoggingRole(role: IConstruct): void {
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM4[Policy::${API_GATEWAY_CLOUDWATCH_POLICY}]`,
    reason:
      'AmazonAPIGatewayPushToCloudWatchLogs is the AWS-maintained policy for the regional API Gateway ' +
      'CloudWatch role; only the apigateway.amazonaws.com service can assume the role, and access logging ' +
      '(AwsSolutions-APIG1/APIG6) cannot work without it.',
  });
}

/** Applies to every method of the API. */
export function acknowledgeHandlerValidation(api: IConstruct): void {
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-APIG2',
    reason:
      'Request bodies and parameters are validated in each domain handler with zod schemas, so a rejected ' +
      'request gets the Synctera problem body naming the offending field; an API Gateway request validator ' +
      'would answer first with its own unstructured 400 and break the wire contract.',
  });
}

/** Applies to every method of the API. */
export function acknowledgeApiKeyAuthorizer(api: IConstruct): void {
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-COG4',
    reason:
      'Clients are fintech back ends that authenticate with Synctera-style bearer API keys, not end users; ' +
      'every method uses a Lambda REQUEST authorizer that resolves the key to a tenant and its permissions.',
  });
}

/** The page-token signing key is rotated on demand, not on a schedule. */
export function acknowledgeManualSecretRotation(secret: IConstruct): void {
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'The page-token secret is an HMAC key for short-lived list cursors, not a credential of another ' +
      'system: rotating it only makes outstanding page tokens invalid (clients restart the list). It is ' +
      'rotated on demand by putting a new random value (aws secretsmanager put-secret-value); functions ' +
      'pick it up at their next cold start. A scheduled rotation Lambda would add a function with write ' +
      'access to the secret for no security gain.',
  });
}

/** A dead-letter queue has no DLQ of its own. */
export function acknowledgeDeadLetterQueue(queue: IConstruct): void {
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter queue (of the webhook delivery queue or the router stream); an alarm watches its depth.',
  });
}

/** The stream event source's dynamodb:ListStreams grant. */
export function acknowledgeStreamListWildcard(role: IConstruct): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'dynamodb:ListStreams does not support resource-level permissions, so the stream event source grants it on "*"; ' +
      'it lists stream ARNs only. Reading records is granted on the table stream ARN alone.',
  });
}

/** The closure state machine's role: log delivery and X-Ray actions that take no resource. */
export function acknowledgeStateMachineWildcards(role: IConstruct): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'CloudWatch Logs delivery (logs:CreateLogDelivery, logs:DescribeResourcePolicies, ...) and X-Ray (xray:PutTraceSegments, ' +
      'xray:GetSamplingRules, ...) do not support resource-level permissions, so Step Functions needs them on "*" for execution ' +
      'logging (AwsSolutions-SF1) and tracing (AwsSolutions-SF2). Invoking Lambda is granted on the task function ARN alone.',
  });
}

/** The workflow starter's stream dead-letter queue. */
export function acknowledgeStarterDeadLetterQueue(queue: IConstruct): void {
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of the workflow starter stream; an alarm watches its depth.',
  });
}

// The operator console stack (issue 13).

/** The console's CloudFront distribution: a default certificate, no geo restriction, the API's WAF. */
export function acknowledgeConsoleDistribution(distribution: IConstruct): void {
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason: 'Operators of a fintech work from anywhere; keys, not locations, decide access to the data behind the console.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR2',
    reason:
      'A CloudFront web ACL must be created in us-east-1, while the stack deploys in the API region. The only dynamic ' +
      'path, /v0/*, reaches the REST API stage, whose regional WAF (managed rules, per-IP rate limit) inspects every ' +
      'request; the rest is the static console: public files that hold no data.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR4',
    reason:
      'The distribution uses the default *.cloudfront.net certificate, with which CloudFront does not allow choosing the ' +
      'minimum viewer TLS version. A custom domain with an ACM certificate (TLSv1.2_2021) is a deployment choice of the operator.',
  });
}

/** CDK's BucketDeployment: its singleton handler uploads the console build and invalidates the distribution. */
export function acknowledgeBucketDeployment(stack: Stack, siteBucket: IConstruct): void {
  const siteLogicalId = stack.getLogicalId(siteBucket.node.defaultChild as CfnElement);
  const handlers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  for (const handler of handlers) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The BucketDeployment handler is CDK-provided (Python with the AWS CLI layer); CDK pins and upgrades its runtime.',
    });
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The CDK-provided deployment handler writes only its own CloudWatch logs through the AWS basic execution policy.',
    });
    for (const id of [
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      `AwsSolutions-IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
      'AwsSolutions-IAM5[Resource::*]',
    ]) {
      Validations.of(handler).acknowledge({
        id,
        reason:
          'CDK grants the deployment handler read of the CDK asset bucket, read/write/delete of the console bucket ' +
          "objects (it syncs and prunes them), and CloudFront's invalidation actions, which take no resource ARN.",
      });
    }
  }
}

/** `GET /openapi.json`: the API reference, public on purpose. */
export function acknowledgePublicApiReference(method: IConstruct): void {
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'GET /openapi.json serves the published OpenAPI document (the API reference, generated from the route ' +
      'table): no tenant data, no side effect, read from one S3 object. Every other method uses the API-key ' +
      'authorizer; this one stays behind the WAF and the stage throttling.',
  });
}
