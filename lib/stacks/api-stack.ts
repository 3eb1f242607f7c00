// The HTTP edge: REST API generated from the route table, the API-key authorizer, one Lambda
// per domain, and the WAF in front. Holds no state; it can be replaced at any time.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { IdentitySource, LambdaIntegration, RequestAuthorizer } from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { ROUTES } from '../../functions/routes.js';
import { ApiFirewall } from '../constructs/api-firewall.js';
import { BanklineFunction } from '../constructs/bankline-function.js';
import { BanklineRestApi } from '../constructs/bankline-rest-api.js';
import { addRoutes } from '../constructs/route-api.js';
import { AUTHORIZER_ENTRY, DOMAIN_ENTRIES } from '../function-entries.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../gateway-contract.js';
import type { StageConfig } from '../stage.js';
import { grantApiKeyLookup, grantDomainTableAccess } from '../table-access.js';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
}

const constructId = (domain: string): string =>
  domain.replace(/(^|[-_])([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

export class ApiStack extends Stack {
  readonly restApi: BanklineRestApi;
  readonly authorizerFunction: BanklineFunction;
  /** By domain name (DOMAINS in functions/routes.ts). */
  readonly domainFunctions: ReadonlyMap<string, BanklineFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, table, tableKey } = props;
    const functionProps = { config, tableName: table.tableName };

    this.authorizerFunction = new BanklineFunction(this, 'Authorizer', {
      ...functionProps,
      ...AUTHORIZER_ENTRY,
      description: 'Resolves the bearer API key to a tenant and its permissions',
    });
    grantApiKeyLookup(this.authorizerFunction.role, table, tableKey);

    const authorizer = new RequestAuthorizer(this, 'ApiKeyAuthorizer', {
      authorizerName: `${config.resourcePrefix}-api-key`,
      handler: this.authorizerFunction.handler,
      identitySources: [IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(AUTHORIZER_CACHE_TTL_SECONDS),
    });

    this.restApi = new BanklineRestApi(this, 'Api', { config, authorizer });

    const domainFunctions = new Map<string, BanklineFunction>();
    const integrations = new Map<string, LambdaIntegration>();
    for (const entry of DOMAIN_ENTRIES) {
      const fn = new BanklineFunction(this, constructId(entry.name), {
        ...functionProps,
        ...entry,
        description: `Bankline ${entry.name} API handler`,
      });
      grantDomainTableAccess(fn.role, table, tableKey);
      domainFunctions.set(entry.name, fn);
      // One invoke permission per function for the whole API instead of one per method, which
      // would grow the function's resource policy towards its 20 KB limit as routes are added.
      integrations.set(entry.name, new LambdaIntegration(fn.handler, { scopePermissionToMethod: false }));
    }
    this.domainFunctions = domainFunctions;
    addRoutes(this.restApi.api.root, ROUTES, (domain) => {
      const integration = integrations.get(domain);
      if (!integration) throw new Error(`No handler for domain ${domain}: add it to DOMAINS in functions/routes.ts`);
      return integration;
    });

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
