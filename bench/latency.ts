import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { documentClient } from '../functions/adapters/dynamodb/client.js';
import { KEYS } from '../functions/adapters/dynamodb/keys.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { httpFunctionOf } from '../functions/functions.js';
import { PERMISSIONS } from '../functions/routes.js';
import { createApiKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import { toAuthorizerEvent, toProxyEvent } from '../local/apigw-event.js';
import { createAuthorizerGate } from '../local/authorizer-gate.js';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { authorizerHandler } from '../local/function-modules.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { lambdaContext } from '../local/lambda-invoke.js';
import { localClient } from '../local/local-client.js';
import { createRouteMatcher } from '../local/route-matcher.js';
import { startServer } from '../local/server.js';
import { ensureTable } from '../local/table.js';
import { keepAliveClient, type KeepAliveClient } from './http-client.js';
import type { Progress } from './progress.js';
import { elapsedMs, percentile } from './stats.js';

// Warm request latency next to a raw GetItem of the same item on the same DynamoDB Local:
// the handler alone (invoked with the event API Gateway sends), and the whole request through
// the twin (HTTP, gateway emulation, cached authorizer, handler). The paths are sampled in turn,
// so JIT warm-up (ours and DynamoDB Local's) and machine noise fall on all of them alike.

export interface LatencyFigure {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
  /** DynamoDB commands one warm request sends (the authorizer's answer is cached, as on AWS). */
  readonly dynamoCalls?: Readonly<Record<string, number>>;
}

export interface CustomerGetFigures {
  readonly raw: LatencyFigure;
  readonly handler: LatencyFigure;
  readonly twin: LatencyFigure;
}

// Enough for the JIT to settle on each path, so the first path measured is not penalised.
const WARMUP = 300;
// The ratios compare steady states: a raw GetItem on DynamoDB Local keeps getting faster for
// the first few thousand requests (its JIT: about 0.95 ms after 300 rounds, 0.75 ms after 4000),
// and so does our own code; after 2000 rounds of the three paths both have settled.
const RATIO_WARMUP_ROUNDS = 2000;
const SAMPLES = 1000;
const TABLE = 'bankline-bench';
// Every create adds an account to one holder; fewer samples keep the run short.
const ACCOUNT_CREATES = 300;

/** Where a bench section reaches the twin over HTTP. */
export interface Endpoint {
  readonly url: string;
  readonly apiKey: string;
  readonly tenantId: string;
}

export interface BenchTwin {
  readonly http: KeepAliveClient;
  readonly host: string;
  readonly port: number;
  readonly apiKey: string;
  readonly tenantId: string;
  /**
   * The functions' own DynamoDB client, for the raw GetItem: the same SDK configuration and the
   * same kept-alive connection as the handler's GetItem. (DynamoDB Local answers a connection it
   * has just served ~0.15 ms faster than another one; with a client of its own, the raw path
   * would pay that switch on every sample and flatter every ratio.)
   */
  readonly raw: DynamoDBDocumentClient;
}

/** One DynamoDB Local, one twin server, one tenant: the request paths measured side by side. */
export const withBenchTwin = async <T>(progress: Progress, work: (twin: BenchTwin) => Promise<T>): Promise<T> => {
  progress('starting DynamoDB Local and the twin');
  const dynamo = await startDynamoDbLocal();
  try {
    await ensureTable(localClient(dynamo.endpoint), TABLE);
    pointFunctionsAt({ tableName: TABLE, endpoint: dynamo.endpoint });
    const org = await createOrganization(dynamoTenancyStore, 'Bench Fintech');
    const tenant = await createTenant(dynamoTenancyStore, { organizationId: org.id, name: 'bench bank', bankRouting: '021000021' });
    const { api_key } = await createApiKey(dynamoTenancyStore, { tenantId: tenant.id, permissions: [...PERMISSIONS] });
    const server = await startServer();
    const host = '127.0.0.1';
    const http = keepAliveClient(host, server.port);
    try {
      return await work({ http, host, port: server.port, apiKey: api_key, tenantId: tenant.id, raw: documentClient() });
    } finally {
      http.close();
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
};

const call = async (twin: BenchTwin, method: string, path: string, body?: unknown): Promise<unknown> => {
  const headers: Record<string, string> = { Authorization: `Bearer ${twin.apiKey}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await twin.http.send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body);
};

export const CUSTOMER_BODY = {
  status: 'ACTIVE',
  first_name: 'Bench',
  last_name: 'Mark',
  dob: '1990-05-17',
  email: 'bench@example.com',
  phone_number: '+14155550100',
  ssn: '123-45-6789',
  legal_address: { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' },
};

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const loadHttpHandler = async (domain: 'customers' | 'accounts'): Promise<ProxyHandler> => {
  const entry = resolve(import.meta.dirname, '..', httpFunctionOf(domain).entry);
  return ((await import(pathToFileURL(entry).href)) as { handler: ProxyHandler }).handler;
};

/**
 * The proxy event API Gateway sends for `GET <path>` from a typical client on a regional
 * endpoint, with the authorizer's context filled in by the twin's own authorizer step.
 */
const gatewayEvent = async (twin: BenchTwin, path: string): Promise<APIGatewayProxyEvent> => {
  const match = createRouteMatcher()('GET', path);
  if (!match) throw new Error(`no route for GET ${path}`);
  const event = toProxyEvent(
    {
      method: 'GET',
      url: path,
      headers: [
        ['Accept', 'application/json'],
        ['Accept-Encoding', 'gzip, deflate, br'],
        ['Authorization', `Bearer ${twin.apiKey}`],
        ['Host', 'abcdef1234.execute-api.us-east-1.amazonaws.com'],
        ['User-Agent', 'bankline-bench/1.0'],
        ['X-Forwarded-Port', '443'],
      ],
      body: null,
      sourceIp: '203.0.113.10',
    },
    match,
  );
  const authorize = createAuthorizerGate({ authorizer: authorizerHandler, cacheTtlSeconds: 0 });
  const decision = await authorize(toAuthorizerEvent(event));
  if (!decision.allowed) throw new Error(`the authorizer refused the bench key: ${decision.response}`);
  event.requestContext.authorizer = decision.authorizer;
  return event;
};

const figure = (name: string, values: number[], dynamoCalls?: Record<string, number>): LatencyFigure => ({
  name,
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  samples: values.length,
  ...(dynamoCalls ? { dynamoCalls } : {}),
});

/** GET /v0/customers/{id}: raw GetItem, the handler alone, and the twin, sampled in turn. */
export const measureCustomerGet = async (twin: BenchTwin, progress: Progress): Promise<CustomerGetFigures> => {
  const customer = (await call(twin, 'POST', '/v0/customers', CUSTOMER_BODY)) as { id: string };
  const path = `/v0/customers/${customer.id}`;
  const handler = await loadHttpHandler('customers');
  const event = await gatewayEvent(twin, path);
  // The same read the handler makes (customer GETs are strongly consistent), built per call as any caller would.
  const key = KEYS.person(twin.tenantId, customer.id);

  const runs = {
    raw: async () => {
      const start = process.hrtime.bigint();
      await twin.raw.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }));
      return elapsedMs(start);
    },
    handler: async () => {
      // Lambda's runtime parses a fresh event and builds a context per invocation; not ours to time.
      const input = structuredClone(event);
      const context = lambdaContext('bankline-bench-customers');
      const start = process.hrtime.bigint();
      const result = await handler(input, context);
      const took = elapsedMs(start);
      if (result.statusCode !== 200) throw new Error(`handler answered ${result.statusCode}: ${result.body}`);
      return took;
    },
    twin: async () => {
      const start = process.hrtime.bigint();
      const answer = await twin.http.send('GET', path, { Authorization: `Bearer ${twin.apiKey}` });
      const took = elapsedMs(start);
      if (answer.status !== 200) throw new Error(`twin answered ${answer.status}: ${answer.body}`);
      return took;
    },
  };
  const times = { raw: [] as number[], handler: [] as number[], twin: [] as number[] };
  for (let i = 0; i < RATIO_WARMUP_ROUNDS + SAMPLES; i++) {
    if (i % 500 === 0 && i < RATIO_WARMUP_ROUNDS) progress(`GET /v0/customers/{id}: warm-up, round ${i}/${RATIO_WARMUP_ROUNDS}`);
    if (i === RATIO_WARMUP_ROUNDS) progress(`GET /v0/customers/{id}: ${SAMPLES} rounds of raw GetItem, handler, twin`);
    const raw = await runs.raw();
    const viaHandler = await runs.handler();
    const viaTwin = await runs.twin();
    if (i < RATIO_WARMUP_ROUNDS) continue;
    times.raw.push(raw);
    times.handler.push(viaHandler);
    times.twin.push(viaTwin);
  }
  resetCallCounts();
  await runs.handler();
  const handlerCalls = callCounts();
  return {
    raw: figure('raw GetItem, same item, same client', times.raw, { GetItemCommand: 1 }),
    handler: figure('GET /v0/customers/{id}, handler with the API Gateway event', times.handler, handlerCalls),
    twin: figure('GET /v0/customers/{id}, HTTP through the twin', times.twin, handlerCalls),
  };
};

const measure = async (name: string, run: () => Promise<void>, samples: number): Promise<LatencyFigure> => {
  for (let i = 0; i < WARMUP; i++) await run();
  resetCallCounts();
  await run();
  const dynamoCalls = callCounts();
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await run();
    values.push(elapsedMs(start));
  }
  return figure(name, values, dynamoCalls);
};

/** POST and GET of an account for a KYC-accepted holder, through the twin. */
export const measureAccounts = async (twin: BenchTwin, progress: Progress): Promise<LatencyFigure[]> => {
  const holder = (await call(twin, 'POST', '/v0/customers', CUSTOMER_BODY)) as { id: string };
  await call(twin, 'POST', '/v0/verifications/verify', { customer_consent: true, person_id: holder.id });
  const body = { account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder.id }] };
  let last = '';
  progress(`POST /v0/accounts: ${WARMUP} warm-up + ${ACCOUNT_CREATES} samples`);
  const create = await measure(
    'POST /v0/accounts, HTTP through the twin',
    async () => {
      last = ((await call(twin, 'POST', '/v0/accounts', body)) as { id: string }).id;
    },
    ACCOUNT_CREATES,
  );
  progress(`GET /v0/accounts/{id}: ${WARMUP} warm-up + ${SAMPLES} samples`);
  const get = await measure(
    'GET /v0/accounts/{id}, HTTP through the twin',
    async () => {
      await call(twin, 'GET', `/v0/accounts/${last}`);
    },
    SAMPLES,
  );
  return [create, get];
};
