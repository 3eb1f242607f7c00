// The HTTP edge: REST API generated from the route table, the API-key authorizer and the HTTP
// functions of the function registry, and the WAF in front. Holds no state; it can be replaced
// at any time.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { IdentitySource, LambdaIntegration, RequestAuthorizer } from 'aws-cdk-lib/aws-apigateway';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { authorizerFunction, type FunctionDefinition, functionsOfKind } from '../../functions/functions.js';
import { ROUTES } from '../../functions/routes.js';
import { ApiFirewall } from '../constructs/api-firewall.js';
import { ApiReference } from '../constructs/api-reference.js';
import { BanklineFunction } from '../constructs/bankline-function.js';
import { BanklineRestApi } from '../constructs/bankline-rest-api.js';
import { addRoutes } from '../constructs/route-api.js';
import { isWebhookPipeline } from './webhooks-stack.js';
import type { FunctionResources } from '../function-resources.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../gateway-contract.js';
import { openApiDocument } from '../openapi/document.js';
import type { StageConfig } from '../stage.js';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** What the registry entries' grants and variables refer to. */
  readonly resources: FunctionResources;
}

const constructId = (domain: string): string =>
  domain.replace(/(^|[-_])([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

export class ApiStack extends Stack {
  readonly restApi: BanklineRestApi;
  readonly authorizerFunction: BanklineFunction;
  /** By domain name (DOMAINS in functions/routes.ts). */
  readonly domainFunctions: ReadonlyMap<string, BanklineFunction>;
  /** Every function of this stack, by registry name. */
  readonly functions: ReadonlyMap<string, BanklineFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, resources } = props;
    const functions = new Map<string, BanklineFunction>();
    const build = (definition: FunctionDefinition): BanklineFunction => {
      const fn = new BanklineFunction(this, constructId(definition.name), { config, definition, resources });
      functions.set(definition.name, fn);
      return fn;
    };
    this.functions = functions;

    this.authorizerFunction = build(authorizerFunction());

    const authorizer = new RequestAuthorizer(this, 'ApiKeyAuthorizer', {
      authorizerName: `${config.resourcePrefix}-api-key`,
      handler: this.authorizerFunction.handler,
      // The cache key. Authorization alone is right for operator keys too: their answer names no
      // tenant; X-Bankline-Tenant is checked per request by the handler chain (issue 13). Adding
      // it here would also make API Gateway refuse every tenant-key request without the header.
      identitySources: [IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(AUTHORIZER_CACHE_TTL_SECONDS),
    });

    this.restApi = new BanklineRestApi(this, 'Api', { config, authorizer });

    const domainFunctions = new Map<string, BanklineFunction>();
    const integrations = new Map<string, LambdaIntegration>();
    for (const definition of functionsOfKind('http')) {
      const fn = build(definition);
      domainFunctions.set(definition.trigger.domain, fn);
      // One invoke permission per function for the whole API instead of one per method, which
      // would grow the function's resource policy towards its 20 KB limit as routes are added.
      integrations.set(definition.trigger.domain, new LambdaIntegration(fn.handler, { scopePermissionToMethod: false }));
    }
    this.domainFunctions = domainFunctions;

    // Scheduled jobs of the domains (the ledger's due work): one EventBridge rule each. The
    // webhook pipeline's sweeper is deployed with its queue by the webhooks stack.
    for (const definition of functionsOfKind('schedule').filter((d) => !isWebhookPipeline(d))) {
      const fn = build(definition);
      new Rule(this, `${constructId(definition.name)}Schedule`, {
        ruleName: `${config.resourcePrefix}-${definition.name}`,
        schedule: Schedule.expression(definition.trigger.expression),
        targets: [new LambdaFunction(fn.handler)],
      });
    }
    addRoutes(this.restApi.api.root, ROUTES, (domain) => {
      const integration = integrations.get(domain);
      if (!integration) throw new Error(`No function serves domain ${domain}: add an http entry for it to functions/functions.ts`);
      return integration;
    });

    // The OpenAPI document beside the API, its server being this stage's path on the API's host.
    new ApiReference(this, 'ApiReference', { api: this.restApi.api, document: openApiDocument({ serverUrl: `/${config.stage}` }) });

    new ApiFirewall(this, 'Firewall', {
      name: `${config.resourcePrefix}-api`,
      stage: this.restApi.stage,
      requestsPerIpPer5Min: config.firewallRequestsPerIpPer5Min,
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.restApi.api.url,
      description: 'Base URL of the API, including the stage; append /v0/...',
    });
  }
}
