// The one way to build a Lambda in Bankline, so every function gets the same runtime,
// architecture, bundling, tracing and logging, and a role that holds nothing it was not given:
// its environment and its grants come from its registry entry (functions/functions.ts), and
// nowhere else.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type FunctionDefinition, memoryOf, timeoutSecondsOf } from '../../functions/functions.js';
import { bundleEnvironment, esbuildAliasArgs, LAMBDA_BUNDLING } from '../bundling.js';
import { registryEnvironment } from '../function-environment.js';
import { applyGrants } from '../function-grants.js';
import type { FunctionResources } from '../function-resources.js';
import { acknowledgePinnedNodeRuntime, acknowledgeXrayWildcard } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BanklineFunctionProps {
  readonly config: StageConfig;
  /** The registry entry: name, handler module, environment, grants, memory and timeout. */
  readonly definition: FunctionDefinition;
  /** What the entry's grants and variables name. */
  readonly resources: FunctionResources;
}

export class BanklineFunction extends Construct {
  readonly definition: FunctionDefinition;
  readonly handler: NodejsFunction;
  /** Logs and X-Ray, plus exactly the registry entry's grants. */
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BanklineFunctionProps) {
    super(scope, id);
    const { config, definition, resources } = props;
    this.definition = definition;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: config.logRetention,
      removalPolicy: config.logRemovalPolicy,
    });

    // Our own role instead of the default one, which carries the AWS managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group in the account).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${config.resourcePrefix}-${definition.name} Lambda execution role`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    applyGrants(this.role, definition, resources);

    this.handler = new NodejsFunction(this, 'Handler', {
      functionName: `${config.resourcePrefix}-${definition.name}`,
      description: definition.description,
      entry: resolve(REPO_ROOT, definition.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: memoryOf(definition),
      timeout: Duration.seconds(timeoutSecondsOf(definition)),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[config.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        ...registryEnvironment(definition, resources, config),
        STAGE: config.stage,
        POWERTOOLS_SERVICE_NAME: `bankline-${definition.name}`,
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
