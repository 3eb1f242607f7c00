import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../../functions/adapters/dynamodb/keys.js';
import { type EnvName, FUNCTIONS as ALL_FUNCTIONS } from '../../functions/functions.js';

// The API stack deploys the HTTP functions and the authorizer; the others have their own stacks
// (webhooks-stack.test.ts).
// The API stack deploys the HTTP functions, the authorizer and the domains' scheduled jobs (the
// webhook pipeline, its sweeper included, is the webhooks stack's).
const FUNCTIONS = ALL_FUNCTIONS.filter(
  (fn) =>
    fn.trigger.kind === 'http' || fn.trigger.kind === 'authorizer' || (fn.trigger.kind === 'schedule' && !fn.name.startsWith('webhook-')),
);
import { DOMAINS, ROUTES } from '../../functions/routes.js';
import type { BanklineFunction } from '../../lib/constructs/bankline-function.js';
import { API_REFERENCE_PATH } from '../../lib/constructs/api-reference.js';
import { ACCESS_LOG_FIELDS } from '../../lib/constructs/access-log-format.js';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../lib/problem-body.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../../lib/gateway-contract.js';
import { TABLE_DEFINITION } from '../../functions/adapters/dynamodb/table-definition.js';
import { SDK_DEFAULT_CREDENTIAL_CHAIN } from '../../lib/bundling.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, type SynthesizedBankline } from './synth-fixture.js';

let bankline: SynthesizedBankline;
beforeAll(() => {
  bankline = synthBankline('dev');
}, SYNTH_TIMEOUT_MS);
afterAll(() => bankline?.dispose());

const api = () => bankline.apiTemplate;
const logicalId = (construct: { node: { defaultChild?: unknown } }) => bankline.api.getLogicalId(construct.node.defaultChild as never);

/** Full path of every API Gateway resource, by following ParentId up to the root. */
function resourcePaths(): Map<string, string> {
  const resources = resourcesOf(api(), 'AWS::ApiGateway::Resource');
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const { ParentId, PathPart } = resources[id]!.Properties;
    const parent = ParentId.Ref ? pathOf(ParentId.Ref) : '';
    paths.set(id, `${parent}/${PathPart}`);
    return paths.get(id)!;
  };
  Object.keys(resources).forEach(pathOf);
  return paths;
}

describe('REST API generated from ROUTES', () => {
  it('has exactly one method per route, on the right resource', () => {
    const paths = resourcePaths();
    const methods = Object.values(resourcesOf(api(), 'AWS::ApiGateway::Method')).map(
      (m) => `${m.Properties.HttpMethod} ${paths.get(m.Properties.ResourceId.Ref)}`,
    );
    // Plus the published API reference (api-reference.test.ts).
    expect(methods.sort()).toEqual([...ROUTES.map((r) => `${r.method} ${r.path}`), `GET ${API_REFERENCE_PATH}`].sort());
  });

  it('protects every method with the API-key authorizer and proxies it to its domain function', () => {
    const authorizerId = logicalId(bankline.api.node.findChild('ApiKeyAuthorizer') as never);
    const paths = resourcePaths();
    for (const method of Object.values(resourcesOf(api(), 'AWS::ApiGateway::Method'))) {
      if (paths.get(method.Properties.ResourceId.Ref) === API_REFERENCE_PATH) continue;
      const { HttpMethod, ResourceId, AuthorizationType, AuthorizerId, Integration } = method.Properties;
      const route = ROUTES.find((r) => r.method === HttpMethod && r.path === paths.get(ResourceId.Ref))!;
      expect(AuthorizationType).toBe('CUSTOM');
      expect(AuthorizerId).toEqual({ Ref: authorizerId });
      expect(Integration.Type).toBe('AWS_PROXY');
      const fnId = logicalId(bankline.api.domainFunctions.get(route.domain)!.handler);
      expect(JSON.stringify(Integration.Uri)).toContain(`"${fnId}"`);
      expect(method.Properties.OperationName).toBe(route.operation);
    }
  });

  it('authorizes on the Authorization header and caches decisions for the documented TTL', () => {
    api().hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: AUTHORIZER_CACHE_TTL_SECONDS,
    });
    expect(AUTHORIZER_CACHE_TTL_SECONDS).toBe(300);
  });

  it('has no request validator (handlers validate, keeping the Synctera error body)', () => {
    api().resourceCountIs('AWS::ApiGateway::RequestValidator', 0);
  });
});

describe('gateway responses', () => {
  const expected: Record<string, [status: number, code: string]> = {
    UNAUTHORIZED: [401, 'UNAUTHORIZED'],
    ACCESS_DENIED: [403, 'FORBIDDEN'],
    MISSING_AUTHENTICATION_TOKEN: [404, 'NOT_FOUND'],
    REQUEST_TOO_LARGE: [413, 'REQUEST_TOO_LARGE'],
    THROTTLED: [429, 'RATE_LIMITED'],
    DEFAULT_5XX: [500, 'INTERNAL_SERVER_ERROR'],
    AUTHORIZER_FAILURE: [500, 'INTERNAL_SERVER_ERROR'],
    AUTHORIZER_CONFIGURATION_ERROR: [500, 'INTERNAL_SERVER_ERROR'],
    DEFAULT_4XX: [400, 'BAD_REQUEST'],
  };

  it.each(Object.entries(expected))('%s answers %j as application/problem+json', (type, [status, code]) => {
    const [response] = Object.values(resourcesOf(api(), 'AWS::ApiGateway::GatewayResponse')).filter(
      (r) => r.Properties.ResponseType === type,
    );
    expect(response).toBeDefined();
    const { StatusCode, ResponseParameters, ResponseTemplates } = response!.Properties;
    expect(StatusCode).toBe(String(status));
    expect(ResponseParameters).toEqual({ 'gatewayresponse.header.Content-Type': `'${PROBLEM_CONTENT_TYPE}'` });
    const body = JSON.parse(ResponseTemplates['application/json']);
    expect(body).toEqual({
      type: problemType(code),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
    });
  });

  it('answers an unknown route with "no such route"', () => {
    const [response] = Object.values(resourcesOf(api(), 'AWS::ApiGateway::GatewayResponse')).filter(
      (r) => r.Properties.ResponseType === 'MISSING_AUTHENTICATION_TOKEN',
    );
    expect(JSON.parse(response!.Properties.ResponseTemplates['application/json']).detail).toBe('no such route');
  });

  it('never reflects request data or internals (no template variables)', () => {
    for (const r of Object.values(resourcesOf(api(), 'AWS::ApiGateway::GatewayResponse'))) {
      expect(r.Properties.ResponseTemplates['application/json']).not.toMatch(/[$#]/);
    }
  });
});

describe('stage', () => {
  const stage = () => Object.values(resourcesOf(api(), 'AWS::ApiGateway::Stage'))[0]!.Properties;

  it('traces with X-Ray, logs errors and metrics, never data traces', () => {
    expect(stage().TracingEnabled).toBe(true);
    expect(stage().MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: bankline.config.throttle.rateLimit,
        ThrottlingBurstLimit: bankline.config.throttle.burstLimit,
      }),
    ]);
  });

  it('writes JSON access logs with the agreed fields and no headers', () => {
    const { DestinationArn, Format } = stage().AccessLogSetting;
    expect(JSON.stringify(DestinationArn)).toContain(`"${logicalId(bankline.api.restApi.accessLogs)}"`);
    // messageString is inserted unquoted by API Gateway; stand in a JSON string to parse.
    const line = JSON.parse((Format as string).replace('$context.error.messageString', '"x"'));
    expect(Object.keys(line)).toEqual(ACCESS_LOG_FIELDS);
    for (const field of ['requestId', 'ip', 'caller', 'method', 'resourcePath', 'status', 'latencyMs']) {
      expect(line).toHaveProperty(field);
    }
    expect(Format).not.toMatch(/header|Authorization/i);
  });

  it('has the API Gateway CloudWatch role set up and retained', () => {
    api().hasResource('AWS::ApiGateway::Account', { DeletionPolicy: 'Retain' });
  });

  it('is behind a WAF web ACL', () => {
    const [stageId] = Object.keys(resourcesOf(api(), 'AWS::ApiGateway::Stage'));
    const [association] = Object.values(resourcesOf(api(), 'AWS::WAFv2::WebACLAssociation'));
    expect(JSON.stringify(association!.Properties.ResourceArn)).toContain(`{"Ref":"${stageId}"}`);
  });

  it('outputs the API URL', () => {
    api().hasOutput('ApiUrl', {});
  });
});

describe('functions, one per registry entry', () => {
  const functions = () => Object.values(resourcesOf(api(), 'AWS::Lambda::Function'));
  const deployed = (name: string) => functions().find((f) => f.Properties.FunctionName === `bankline-dev-${name}`)!;

  it('deploys exactly the registry (functions/functions.ts), one HTTP function per domain', () => {
    expect(
      functions()
        .map((f) => f.Properties.FunctionName)
        .sort(),
    ).toEqual(FUNCTIONS.map((fn) => `bankline-dev-${fn.name}`).sort());
    expect([...bankline.api.domainFunctions.keys()].sort()).toEqual([...DOMAINS].sort());
  });

  it('runs every function on nodejs22.x / arm64 with active tracing and JSON logs', () => {
    for (const { Properties: p } of functions()) {
      expect(p.Runtime).toBe('nodejs22.x');
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.TracingConfig).toEqual({ Mode: 'Active' });
      expect(p.LoggingConfig.LogFormat).toBe('JSON');
      expect(p.LoggingConfig.LogGroup.Ref).toBeDefined();
    }
  });

  it('ships bundles built as lib/bundling.ts says: the SDK as ES modules, without its default credential chain', () => {
    for (const { Properties: p } of functions()) {
      // Dev ships source maps; their source list is the bundle's exact input list.
      const asset = join(bankline.app.outdir, `asset.${String(p.Code.S3Key).replace(/\.zip$/, '')}`);
      const { sources } = JSON.parse(readFileSync(join(asset, 'index.js.map'), 'utf8')) as { sources: string[] };
      expect(sources.some((s) => s.includes('node_modules/@aws-sdk/client-dynamodb/dist-es/'))).toBe(true);
      expect(sources.some((s) => s.endsWith('functions/adapters/dynamodb/env-credentials.ts'))).toBe(true);
      expect(sources.filter((s) => SDK_DEFAULT_CREDENTIAL_CHAIN.some((pkg) => s.includes(`node_modules/${pkg}/`)))).toEqual([]);
    }
  });

  it.each(FUNCTIONS.map((fn) => [fn.name, fn] as const))('%s gets exactly the variables its entry lists, resolved', (name, fn) => {
    const variables = deployed(name).Properties.Environment.Variables;
    expect(Object.keys(variables).sort()).toEqual([...COMMON_VARIABLES, ...fn.env].sort());
    for (const variable of fn.env) expect(labelOf(variables[variable])).toBe(ENV_SOURCES[variable]);
    expect(deployed(name).Properties.MemorySize).toBe(fn.memorySize ?? 512);
    expect(deployed(name).Properties.Timeout).toBe(fn.timeoutSeconds ?? 10);
  });

  it('uses no AWS managed policy on any Lambda role', () => {
    for (const fn of bankline.api.functions.values()) {
      expect(api().toJSON().Resources[logicalId(fn.role)].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

// Every variable every function gets, whatever its registry entry says.
const COMMON_VARIABLES = ['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'STAGE'];

/** A resource reference in the API template, named after what it points at in the data stack. */
function labelOf(reference: unknown, owner?: BanklineFunction): string {
  const text = JSON.stringify(reference);
  const data = (construct: IConstruct) => bankline.data.getLogicalId(construct.node.defaultChild as never);
  const index = /\/index\/([^"]+)"/.exec(text)?.[1];
  if (index) return `index:${index}`;
  if (text === '"*"') return '*';
  if (text.includes(`ExportsOutputFnGetAtt${data(bankline.data.table)}Arn`)) return 'table';
  if (text.includes(`ExportsOutputRef${data(bankline.data.table)}`)) return 'table-name';
  if (text.includes(`ExportsOutputFnGetAtt${data(bankline.data.tableKey)}Arn`)) return 'table-key';
  for (const [name, secret] of Object.entries(bankline.data.secrets)) {
    if (text.includes(`ExportsOutputRef${data(secret)}`)) return `secret:${name}`;
    if (secret.encryptionKey && text.includes(`ExportsOutputFnGetAtt${data(secret.encryptionKey)}Arn`)) return `secret-key:${name}`;
  }
  if (owner && text.includes(`"${logicalId(owner.logGroup)}"`)) return 'own-logs';
  return text;
}

const ENV_SOURCES: Record<EnvName, string> = {
  TABLE_NAME: 'table-name',
  PAGE_TOKEN_SECRET_ARN: 'secret:page-token',
  VENDOR_ENVIRONMENT: '"sandbox"',
  PLAID_BASE_URL: '"https://sandbox.plaid.com"',
  FINICITY_BASE_URL: '"https://api.finicity.com"',
  VENDOR_CREDENTIALS_SECRET_ARN: 'secret:vendor-credentials',
  VENDOR_TOKEN_KEY_SECRET_ARN: 'secret:vendor-token-key',
  DELIVERY_QUEUE_URL: 'queue-url',
  CLOSURE_STATE_MACHINE_ARN: 'state-machine-arn',
};

describe('least privilege: each role holds exactly what its registry grants imply', () => {
  const indexNames = TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName);
  // Written out here, not taken from lib/, so a change to what a grant means shows up as a diff.
  const IMPLIED: Record<string, string[]> = {
    'table:read': [
      'dynamodb:GetItem table',
      'dynamodb:BatchGetItem table',
      'dynamodb:Query table',
      ...indexNames.map((name) => `dynamodb:Query index:${name}`),
      'kms:Decrypt table-key',
    ],
    'table:write': [
      'dynamodb:PutItem table',
      'dynamodb:UpdateItem table',
      'dynamodb:DeleteItem table',
      'dynamodb:ConditionCheckItem table',
      'kms:Decrypt table-key',
      'kms:Encrypt table-key',
      'kms:GenerateDataKey table-key',
    ],
    'apikey:read': ['dynamodb:GetItem table if {"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["APIKEY#*"]}}', 'kms:Decrypt table-key'],
    'secret:page-token': ['secretsmanager:GetSecretValue secret:page-token'],
    'secret:vendor-credentials': ['secretsmanager:GetSecretValue secret:vendor-credentials'],
    // The token key sits under a KMS key of its own (not the table's), decrypted only through Secrets Manager.
    'secret:vendor-token-key': [
      'secretsmanager:GetSecretValue secret:vendor-token-key',
      'kms:Decrypt secret-key:vendor-token-key if {"StringEquals":{"kms:ViaService":{"Fn::Join":["",["secretsmanager.",{"Ref":"AWS::Region"},".",{"Ref":"AWS::URLSuffix"}]]}}}',
    ],
  };
  const BASELINE = ['logs:CreateLogStream own-logs', 'logs:PutLogEvents own-logs', 'xray:PutTelemetryRecords *', 'xray:PutTraceSegments *'];

  const statementsOf = (fn: BanklineFunction) =>
    Object.values(resourcesOf(api(), 'AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === logicalId(fn.role)))
      .flatMap(
        (p) => p.Properties.PolicyDocument.Statement as Array<{ Effect: string; Action: unknown; Resource: unknown; Condition?: unknown }>,
      );

  /** `action resource[ if condition]`, one per action and resource. */
  const permissionsOf = (fn: BanklineFunction): string[] =>
    statementsOf(fn).flatMap((statement) => {
      expect(statement.Effect).toBe('Allow');
      const condition = statement.Condition ? ` if ${JSON.stringify(statement.Condition)}` : '';
      return [statement.Action]
        .flat()
        .flatMap((action) => [statement.Resource].flat().map((resource) => `${action} ${labelOf(resource, fn)}${condition}`));
    });

  it.each(FUNCTIONS.map((fn) => [fn.name, fn.grants] as const))('%s', (name, grants) => {
    const unknown = grants.filter((grant) => !IMPLIED[grant]);
    expect(unknown, 'a grant kind this test does not know yet: add what it implies to IMPLIED').toEqual([]);
    const expected = new Set([...BASELINE, ...grants.flatMap((grant) => IMPLIED[grant]!)]);
    expect(permissionsOf(bankline.api.functions.get(name)!).sort()).toEqual([...expected].sort());
  });

  it('lets the authorizer get API key items and nothing else from the table', () => {
    const data = permissionsOf(bankline.api.authorizerFunction).filter((p) => p.startsWith('dynamodb:'));
    expect(data).toEqual([`dynamodb:GetItem table if {"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["${KEYS.apiKey('*').pk}"]}}`]);
  });

  it('lets no function Scan, BatchWriteItem or use a wildcard action', () => {
    for (const fn of bankline.api.functions.values()) {
      const actions = permissionsOf(fn).map((p) => p.split(' ')[0]!);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions).not.toContain('dynamodb:BatchWriteItem');
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    }
  });

  it('lets only functions granted secret:page-token read the page-token secret', () => {
    for (const fn of bankline.api.functions.values()) {
      const reads = permissionsOf(fn).some((p) => p.endsWith('secret:page-token'));
      expect(reads, fn.definition.name).toBe(fn.definition.grants.includes('secret:page-token'));
    }
  });
});
