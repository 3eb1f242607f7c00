// The one way to build a Lambda in Bankline, so every function gets the same runtime,
// architecture, bundling, tracing and logging, and a role that holds nothing it was not given.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleEnvironment, esbuildAliasArgs, LAMBDA_BUNDLING } from '../bundling.js';
import { acknowledgePinnedNodeRuntime, acknowledgeXrayWildcard } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BanklineFunctionProps {
  readonly config: StageConfig;
  /** Short name, unique per stage: `customers`, `authorizer`. */
  readonly name: string;
  /** Handler module relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly tableName: string;
  readonly description: string;
  /** 512 MB: cold starts of a bundled SDK + zod are CPU-bound, and Lambda CPU scales with memory. */
  readonly memorySize?: number;
  readonly timeout?: Duration;
}

export class BanklineFunction extends Construct {
  readonly handler: NodejsFunction;
  /** Grant data access to this role; it starts with logs and X-Ray only. */
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BanklineFunctionProps) {
    super(scope, id);
    const { config } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: config.logRetention,
      removalPolicy: config.logRemovalPolicy,
    });

    // Our own role instead of the default one, which carries the AWS managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group in the account).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${config.resourcePrefix}-${props.name} Lambda execution role`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.handler = new NodejsFunction(this, 'Handler', {
      functionName: `${config.resourcePrefix}-${props.name}`,
      description: props.description,
      entry: resolve(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[config.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        TABLE_NAME: props.tableName,
        STAGE: config.stage,
        POWERTOOLS_SERVICE_NAME: `bankline-${props.name}`,
        LOG_LEVEL: config.logLevel,
        ...bundleEnvironment(config.sourceMaps),
      },
      // Shared with `npm run bench`, which measures the very bundles that ship.
      bundling: {
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: config.sourceMaps,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        target: LAMBDA_BUNDLING.target,
        format: LAMBDA_BUNDLING.format === 'cjs' ? OutputFormat.CJS : OutputFormat.ESM,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        esbuildArgs: esbuildAliasArgs(),
        // Bundle the AWS SDK too: a pinned, tree-shaken SDK instead of whatever the runtime ships.
        externalModules: [],
      },
    });
    acknowledgePinnedNodeRuntime(this.handler);
    this.enableActiveTracing();
  }

  /**
   * `tracing: ACTIVE` would add the X-Ray statement (resource "*") to the role's default policy,
   * where a wildcard acknowledgement would also hide any later wildcard grant. So tracing is set
   * on the L1 and its permissions live in a policy of their own.
   */
  private enableActiveTracing(): void {
    (this.handler.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };
    const xray = new iam.Policy(this, 'XRayWrite', {
      statements: [
        new iam.PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
      ],
    });
    this.role.attachInlinePolicy(xray);
    // Like the default policy: the function must not start before it may write traces.
    this.handler.node.addDependency(xray);
    acknowledgeXrayWildcard(xray);
  }
}
