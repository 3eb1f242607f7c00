// The operator console in AWS (issue 13): the SPA in a private S3 bucket behind CloudFront (origin
// access control), and `/v0/*` on the same distribution routed to the REST API, so the console
// calls the API on its own origin: no CORS, and the browser sends Authorization and
// X-Bankline-Tenant straight through. Nothing here is cached between operators.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { CONSOLE_INDEX, consoleSource } from '../console-asset.js';
import { acknowledgeBucketDeployment, acknowledgeConsoleDistribution } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export interface ConsoleStackProps extends StackProps {
  readonly config: StageConfig;
  /** The API `/v0/*` goes to (the API stack's). */
  readonly api: RestApi;
}

/** The API paths the console calls, forwarded to API Gateway on the same origin. */
export const CONSOLE_API_PATH_PATTERN = '/v0/*';

// Paths without a file extension are pages of the SPA: answer them with index.html (a viewer
// request rewrite on the S3 behaviour only, so API errors under /v0/* are never replaced).
export const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/${CONSOLE_INDEX}';
  return request;
}`;

// The twin serves the console with the same policy (local/console-pages.ts).
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export class ConsoleStack extends Stack {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;

    // Server access logs of the site bucket and CloudFront's standard logs (which need ACLs).
    // cdk-nag does not ask a log destination to log its own access.
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(config.logRetention) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site/',
      // Rebuilt from the repository on every deploy; nothing in it needs keeping.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      functionName: `${config.resourcePrefix}-console-spa-fallback`,
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK),
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${config.resourcePrefix}-console`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Bankline ${config.stage} operator console`,
      defaultRootObject: CONSOLE_INDEX,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Never cached, every method, every viewer header but Host (API Gateway needs its own):
        // Authorization and X-Bankline-Tenant reach the authorizer and the handlers unchanged.
        [CONSOLE_API_PATH_PATTERN]: {
          origin: new RestApiOrigin(props.api),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    acknowledgeConsoleDistribution(this.distribution);

    new BucketDeployment(this, 'Files', {
      sources: [consoleSource()],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      // The build's file names carry no content hash: browsers revalidate, so a deploy shows at once.
      cacheControl: [CacheControl.noCache()],
    });
    acknowledgeBucketDeployment(this, this.bucket);

    new CfnOutput(this, 'ConsoleUrl', {
      value: `https://${this.distribution.distributionDomainName}/`,
      description: 'The operator console (sign in with an operator key); /v0/* on the same origin is the API',
    });
  }
}
