import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, ROUTES } from '../../functions/routes.js';
import { ACCESS_LOG_FIELDS } from '../../lib/constructs/access-log-format.js';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../lib/problem-body.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../../lib/gateway-contract.js';
import { TABLE_DEFINITION } from '../../functions/adapters/dynamodb/table-definition.js';
import { DOMAIN_TABLE_ACTIONS } from '../../lib/table-access.js';
import { SDK_DEFAULT_CREDENTIAL_CHAIN } from '../../lib/bundling.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, type SynthesizedBankline } from './synth-fixture.js';

let bankline: SynthesizedBankline;
beforeAll(() => {
  bankline = synthBankline('dev');
}, SYNTH_TIMEOUT_MS);
afterAll(() => bankline?.dispose());

const api = () => bankline.apiTemplate;
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  bankline.api.getLogicalId(construct.node.defaultChild as never);

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
    expect(methods.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('protects every method with the API-key authorizer and proxies it to its domain function', () => {
    const authorizerId = logicalId(bankline.api.node.findChild('ApiKeyAuthorizer') as never);
    const paths = resourcePaths();
    for (const method of Object.values(resourcesOf(api(), 'AWS::ApiGateway::Method'))) {
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

describe('functions', () => {
  const functions = () => Object.values(resourcesOf(api(), 'AWS::Lambda::Function'));

  it('has one function per domain plus the authorizer', () => {
    expect(functions().map((f) => f.Properties.FunctionName).sort()).toEqual(
      [...DOMAINS, 'authorizer'].map((name) => `bankline-dev-${name}`).sort(),
    );
  });

  it('runs every function on nodejs22.x / arm64 with active tracing and JSON logs', () => {
    for (const { Properties: p } of functions()) {
      expect(p.Runtime).toBe('nodejs22.x');
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.TracingConfig).toEqual({ Mode: 'Active' });
      expect(p.LoggingConfig.LogFormat).toBe('JSON');
      expect(p.LoggingConfig.LogGroup.Ref).toBeDefined();
      expect(Object.keys(p.Environment.Variables).sort()).toEqual(
        ['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'STAGE', 'TABLE_NAME'].sort(),
      );
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

  it('uses no AWS managed policy on any Lambda role', () => {
    for (const fn of [bankline.api.authorizerFunction, ...bankline.api.domainFunctions.values()]) {
      expect(api().toJSON().Resources[logicalId(fn.role)].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('least privilege', () => {
  const actionsOfRole = (roleId: string): string[] =>
    Object.values(resourcesOf(api(), 'AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .flatMap((s: { Action: string | string[] }) => [s.Action].flat());

  it('lets the authorizer read one item and decrypt, nothing else on the data', () => {
    const actions = actionsOfRole(logicalId(bankline.api.authorizerFunction.role));
    expect(actions.filter((a) => a.startsWith('dynamodb:') || a.startsWith('kms:')).sort()).toEqual([
      'dynamodb:GetItem',
      'kms:Decrypt',
    ]);
    const allowed = /^(dynamodb:GetItem|kms:Decrypt|logs:CreateLogStream|logs:PutLogEvents|xray:Put\w+)$/;
    expect(actions.filter((a) => !allowed.test(a))).toEqual([]);
  });

  it('grants Query on every GSI of TABLE_DEFINITION by name, and nothing else on the indexes', () => {
    const indexNames = TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName);
    for (const fn of bankline.api.domainFunctions.values()) {
      const statements = Object.values(resourcesOf(api(), 'AWS::IAM::Policy'))
        .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === logicalId(fn.role)))
        .flatMap((p) => p.Properties.PolicyDocument.Statement);
      const onIndexes = statements.filter((st: { Resource: unknown }) => JSON.stringify(st.Resource).includes('/index/'));
      expect(onIndexes).toHaveLength(1);
      expect(onIndexes[0].Action).toBe('dynamodb:Query');
      const granted = [onIndexes[0].Resource].flat().map((r: unknown) => /\/index\/([^"]+)"/.exec(JSON.stringify(r))?.[1]);
      expect(granted).toEqual(indexNames);
    }
  });

  it('never grants Scan or wildcard actions to a domain function', () => {
    for (const fn of bankline.api.domainFunctions.values()) {
      const actions = actionsOfRole(logicalId(fn.role));
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
      expect(actions).toEqual(expect.arrayContaining([...DOMAIN_TABLE_ACTIONS]));
    }
  });
});
