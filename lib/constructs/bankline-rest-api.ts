// The REST API shell: one stage per Bankline stage, with access and execution logs, X-Ray,
// metrics, throttling and Synctera-shaped gateway errors. Routes are added by the API stack.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeApiGatewayLoggingRole, acknowledgeApiKeyAuthorizer, acknowledgeHandlerValidation } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';
import { accessLogFormat } from './access-log-format.js';
import { addProblemGatewayResponses } from './gateway-responses.js';

export interface BanklineRestApiProps {
  readonly config: StageConfig;
  /** Applied to every method through defaultMethodOptions. */
  readonly authorizer: apigw.IAuthorizer;
}

export class BanklineRestApi extends Construct {
  readonly api: apigw.RestApi;
  readonly stage: apigw.Stage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BanklineRestApiProps) {
    super(scope, id);
    const { config } = props;

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.logRemovalPolicy,
    });

    this.api = new apigw.RestApi(this, 'RestApi', {
      restApiName: `${config.resourcePrefix}-api`,
      description: `Bankline ${config.stage}: Synctera-compatible banking API`,
      endpointTypes: [apigw.EndpointType.REGIONAL],
      defaultMethodOptions: { authorizer: props.authorizer, authorizationType: apigw.AuthorizationType.CUSTOM },
      // Stage logging needs the regional, account-wide API Gateway CloudWatch role (cdk.json turns
      // the implicit one off). Created explicitly and retained: another API in the account may
      // rely on it after this stack is gone.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      retainDeployments: false,
      deployOptions: {
        stageName: config.stage,
        tracingEnabled: true,
        metricsEnabled: true,
        // ERROR-level execution logs; never dataTrace, which would log API keys and bodies.
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: config.throttle.rateLimit,
        throttlingBurstLimit: config.throttle.burstLimit,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: accessLogFormat(),
      },
    });
    this.stage = this.api.deploymentStage;
    this.ownExecutionLogGroup(config);
    addProblemGatewayResponses(this.api);

    acknowledgeHandlerValidation(this.api);
    acknowledgeApiKeyAuthorizer(this.api);
    acknowledgeApiGatewayLoggingRole(this.api.node.findChild('CloudWatchRole'));
  }

  /**
   * API Gateway creates the execution log group on first write, with no expiry. Creating it
   * first, under the name API Gateway uses, gives it the stage's retention.
   */
  private ownExecutionLogGroup(config: StageConfig): void {
    const executionLogs = new logs.LogGroup(this, 'ExecutionLogs', {
      // The stage name comes from config, not from the Stage resource: that would be a cycle.
      logGroupName: `API-Gateway-Execution-Logs_${this.api.restApiId}/${config.stage}`,
      retention: config.logRetention,
      removalPolicy: config.logRemovalPolicy,
    });
    this.stage.node.addDependency(executionLogs);
  }
}
