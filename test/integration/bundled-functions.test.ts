import { TEST_TABLE } from '../helpers/api.js'; // first: points the functions at the test table
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayProxyResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/functions.js';
import { esbuildLambdaOptions, SDK_DEFAULT_CREDENTIAL_CHAIN } from '../../lib/bundling.js';
import { toAuthorizerEvent, toProxyEvent } from '../../local/apigw-event.js';
import { lambdaContext } from '../../local/lambda-invoke.js';
import { createRouteMatcher } from '../../local/route-matcher.js';
import { createTestTenant, type TestTenant } from '../helpers/tenants.js';

// The functions as Lambda runs them: bundled with lib/bundling.ts (the SDK's ES modules, the
// environment in place of the default credential chain), loaded from the bundle, and invoked
// against DynamoDB Local. Catches a bundling option that type-checks and synthesizes but
// breaks at run time, which nothing else here would notice before a deploy.

void TEST_TABLE;

interface Bundle {
  readonly file: string;
  readonly inputs: readonly string[];
}

const outDir = mkdtempSync(join(tmpdir(), 'bankline-bundles-'));
const bundles = new Map<string, Bundle>();
const load = <T>(name: string): T => (createRequire(import.meta.url)(bundles.get(name)!.file) as { handler: T }).handler;

const inputsOf = (meta: Metafile): string[] => Object.keys(Object.values(meta.outputs).find((o) => o.entryPoint)?.inputs ?? {});

let tenant: TestTenant;

beforeAll(async () => {
  for (const f of FUNCTIONS) {
    const file = join(outDir, f.name, 'index.js');
    const { metafile } = await build({
      ...esbuildLambdaOptions(false),
      entryPoints: [f.entry],
      outfile: file,
      metafile: true,
      logLevel: 'error',
    });
    bundles.set(f.name, { file, inputs: inputsOf(metafile) });
  }
  tenant = await createTestTenant({ label: 'bundles' });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('bundle contents', () => {
  it('no function carries the SDK default credential chain', () => {
    for (const [name, { inputs }] of bundles) {
      const chain = inputs.filter((input) => SDK_DEFAULT_CREDENTIAL_CHAIN.some((pkg) => input.includes(`node_modules/${pkg}/`)));
      expect(chain, name).toEqual([]);
      expect(
        inputs.some((input) => input.endsWith('functions/adapters/dynamodb/env-credentials.ts')),
        name,
      ).toBe(true);
    }
  });

  it('the authorizer holds the principal lookup and nothing of templates, transactions or the domains', () => {
    const ours = bundles.get('authorizer')!.inputs.filter((input) => input.startsWith('functions/'));
    expect(ours).toContain('functions/tenancy/resolve-principal.ts');
    expect(ours).toContain('functions/adapters/dynamodb/api-key-lookup.ts');
    expect(
      ours.filter((input) => /accounts|customers|template|transact|idempotency|outbox|tenancy-repository|use-cases/.test(input)),
    ).toEqual([]);
  });
});

describe('bundled handlers against DynamoDB Local', () => {
  const matchRoute = createRouteMatcher();

  const proxyEvent = (method: string, path: string, body: unknown = null): APIGatewayProxyEvent => {
    const match = matchRoute(method, path);
    if (!match) throw new Error(`no route ${method} ${path}`);
    return toProxyEvent(
      {
        method,
        url: path,
        headers: [
          ['Authorization', `Bearer ${tenant.key}`],
          ['Content-Type', 'application/json'],
        ],
        body: body === null ? null : JSON.stringify(body),
        sourceIp: '198.51.100.23',
      },
      match,
    );
  };

  const authorize = (event: APIGatewayProxyEvent): Promise<APIGatewayAuthorizerResult> =>
    load<(e: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>>('authorizer')(toAuthorizerEvent(event));

  const invoke = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const { context, principalId } = await authorize(event);
    event.requestContext.authorizer = { ...context, principalId, integrationLatency: 0 };
    const customers = load<(e: APIGatewayProxyEvent, c: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyResult>>('customers');
    return customers(event, lambdaContext('bankline-test-customers'));
  };

  it('the authorizer resolves a key to its tenant and refuses an unknown one', async () => {
    const event = proxyEvent('GET', '/v0/customers');
    const allowed = await authorize(event);
    expect(allowed.context).toMatchObject({ tenant_id: tenant.id, key_id: tenant.keyId });
    expect(allowed.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow' });

    const unknown = { ...event, headers: { ...event.headers, Authorization: `Bearer bl_${'A'.repeat(43)}` } };
    await expect(authorize(unknown)).rejects.toThrow('Unauthorized');
  });

  it('the customers handler creates and reads a customer', async () => {
    const body = {
      status: 'ACTIVE',
      first_name: 'Bundled',
      last_name: 'Handler',
      dob: '1990-05-17',
      legal_address: { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' },
    };
    const created = await invoke(proxyEvent('POST', '/v0/customers', body));
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };

    const read = await invoke(proxyEvent('GET', `/v0/customers/${id}`));
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ id, first_name: 'Bundled', last_name: 'Handler' });
  });
});
