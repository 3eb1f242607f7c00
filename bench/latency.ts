import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { KEYS } from '../functions/adapters/dynamodb/keys.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { PERMISSIONS } from '../functions/routes.js';
import { createApiKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { localClient } from '../local/local-client.js';
import { startServer } from '../local/server.js';
import { ensureTable } from '../local/table.js';

export interface LatencyFigure {
  name: string;
  p50: number;
  p99: number;
  samples: number;
  /** DynamoDB commands one warm request sends (the authorizer's answer is cached, as on AWS). */
  dynamoCalls?: Record<string, number>;
}

// Enough for the JIT to settle on each path, so the first path measured is not penalised.
const WARMUP = 300;
const SAMPLES = 1000;
const TABLE = 'bankline-bench';
// Every create adds an account to one holder; fewer samples keep the run short.
const ACCOUNT_CREATES = 300;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const measure = async (name: string, run: () => Promise<void>, samples = SAMPLES): Promise<LatencyFigure> => {
  for (let i = 0; i < WARMUP; i++) await run();
  resetCallCounts();
  await run();
  const dynamoCalls = callCounts();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p99: percentile(times, 99), samples, dynamoCalls };
};

export interface Endpoint {
  url: string;
  apiKey: string;
  tenantId: string;
}

/** One DynamoDB Local, one twin server, one tenant: the request paths measured side by side. */
export const withBenchTwin = async <T>(work: (endpoint: Endpoint, raw: DynamoDBDocumentClient) => Promise<T>): Promise<T> => {
  const dynamo = await startDynamoDbLocal();
  try {
    await ensureTable(localClient(dynamo.endpoint), TABLE);
    pointFunctionsAt({ tableName: TABLE, endpoint: dynamo.endpoint });
    const org = await createOrganization(dynamoTenancyStore, 'Bench Fintech');
    const tenant = await createTenant(dynamoTenancyStore, { organizationId: org.id, name: 'bench bank', bankRouting: '021000021' });
    const { api_key } = await createApiKey(dynamoTenancyStore, { tenantId: tenant.id, permissions: [...PERMISSIONS] });
    const server = await startServer();
    try {
      return await work(
        { url: server.url, apiKey: api_key, tenantId: tenant.id },
        DynamoDBDocumentClient.from(localClient(dynamo.endpoint)),
      );
    } finally {
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
};

const call = async (endpoint: Endpoint, method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${endpoint.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${endpoint.apiKey}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
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

/**
 * p50/p99 of an authenticated GET through the twin next to a raw GetItem of the same item. The
 * two are sampled alternately, so JIT warm-up (ours and DynamoDB Local's) and machine noise fall
 * on both equally.
 */
export const measureCustomerGet = async (endpoint: Endpoint, raw: DynamoDBDocumentClient): Promise<LatencyFigure[]> => {
  const customer = (await call(endpoint, 'POST', '/v0/customers', CUSTOMER_BODY)) as { id: string };
  const direct = async () => {
    await raw.send(new GetCommand({ TableName: TABLE, Key: KEYS.person(endpoint.tenantId, customer.id) }));
  };
  const viaApi = async () => {
    await call(endpoint, 'GET', `/v0/customers/${customer.id}`);
  };
  for (let i = 0; i < WARMUP; i++) {
    await direct();
    await viaApi();
  }
  const times = { api: [] as number[], raw: [] as number[] };
  const timed = async (run: () => Promise<void>, into: number[]) => {
    const start = process.hrtime.bigint();
    await run();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let i = 0; i < SAMPLES; i++) {
    await timed(direct, times.raw);
    await timed(viaApi, times.api);
  }
  resetCallCounts();
  await viaApi();
  const apiCalls = callCounts();
  const figure = (name: string, values: number[], dynamoCalls?: Record<string, number>): LatencyFigure => {
    values.sort((a, b) => a - b);
    return {
      name,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      samples: values.length,
      ...(dynamoCalls ? { dynamoCalls } : {}),
    };
  };
  return [figure('GET /v0/customers/{id} via local server', times.api, apiCalls), figure('raw GetItem, same item', times.raw)];
};

/** POST and GET of an account for a KYC-accepted holder, through the twin. */
export const measureAccounts = async (endpoint: Endpoint): Promise<LatencyFigure[]> => {
  const holder = (await call(endpoint, 'POST', '/v0/customers', CUSTOMER_BODY)) as { id: string };
  await call(endpoint, 'POST', '/v0/verifications/verify', { customer_consent: true, person_id: holder.id });
  const body = { account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder.id }] };
  let last = '';
  const create = await measure(
    'POST /v0/accounts via local server',
    async () => {
      last = ((await call(endpoint, 'POST', '/v0/accounts', body)) as { id: string }).id;
    },
    ACCOUNT_CREATES,
  );
  const get = await measure('GET /v0/accounts/{id} via local server', async () => {
    await call(endpoint, 'GET', `/v0/accounts/${last}`);
  });
  return [create, get];
};
