// Integration-test client: each call goes through the twin's API Gateway emulation
// (local/gateway.ts, the very pipeline `npm start` serves over HTTP), minus the socket. The REAL
// authorizer and the REAL domain handler run against the DynamoDB Local table started by the
// globalSetup, and the response comes back with its body parsed.
//
// Import this module FIRST in every integration test file (tenants.ts does so too): its body
// points the functions at the test table before any function module reads the environment.
// The gateway loads the authorizer and handlers with dynamic imports on first use.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { inject } from 'vitest';
import { callCounts } from '../../functions/adapters/dynamodb/call-counter.js';
import { fromStoredItem } from '../../functions/adapters/dynamodb/free-form-json.js';
import { KEYS } from '../../functions/adapters/dynamodb/keys.js';
import { createGateway } from '../../local/gateway.js';
import type { HandlerInvoker } from '../../local/integration.js';
import { invokeProxyHandler } from '../../local/lambda-invoke.js';
import { assertMatchesDocument } from './response-contract.js';
import { TEST_PAGE_TOKEN_SECRET } from './test-secrets.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    dynamodbTable: string;
  }
}

// ---------------------------------------------------------------------------------------------
// Environment: set before any function module calls config() or constructs the logger.

export const TEST_REGION = 'us-east-1';

const endpoint = inject('dynamodbEndpoint');
export const TEST_TABLE: string = inject('dynamodbTable') ?? 'bankline-test';
if (!endpoint) throw new Error('globalSetup did not provide dynamodbEndpoint (test/helpers/dynamodb-local.ts)');

Object.assign(process.env, {
  TABLE_NAME: TEST_TABLE,
  PAGE_TOKEN_SECRET: TEST_PAGE_TOKEN_SECRET,
  DYNAMODB_ENDPOINT: endpoint,
  AWS_REGION: TEST_REGION,
  // Dummy credentials (DynamoDB Local wants letters and digits only); never a developer's real ones.
  AWS_ACCESS_KEY_ID: 'banklinetest',
  AWS_SECRET_ACCESS_KEY: 'banklinetest',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL || 'ERROR',
});
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;

export const DYNAMODB_ENDPOINT: string = endpoint;

// ---------------------------------------------------------------------------------------------
// Fixtures (test/integration/fixtures/).

type Json = Record<string, unknown>;
/** A raw table item as the tests read it. */
export type Item = Record<string, any>;

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../integration/fixtures/${name}`, import.meta.url), 'utf8')) as T;

/** Reads a JSON fixture from test/integration/fixtures/. */
export const readFixture = <T = unknown>(name: string): T => fixture<T>(name);

// ---------------------------------------------------------------------------------------------
// The gateway, with two test hooks: no authorizer cache (tests revoke keys and expect the next
// call to see it), and an invoker that records, per request id, the event the handler received
// and the DynamoDB commands sent while it ran.

interface HandlerRun {
  readonly event: APIGatewayProxyEvent;
  readonly dynamoCalls: Record<string, number>;
  /** False when the gateway replaced the handler's answer (crash, timeout, malformed result). */
  readonly answered: boolean;
}

const handlerRuns = new Map<string, HandlerRun>();

const countsSince = (before: Record<string, number>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const [name, n] of Object.entries(callCounts())) if (n - (before[name] ?? 0) > 0) counts[name] = n - (before[name] ?? 0);
  return counts;
};

const observingInvoker: HandlerInvoker = async (handler, event, functionName) => {
  const before = callCounts();
  const outcome = await invokeProxyHandler(handler, event, functionName);
  handlerRuns.set(event.requestContext.requestId, { event, dynamoCalls: countsSince(before), answered: outcome.ok });
  return outcome;
};

const gateway = createGateway({ authorizerCacheTtlSeconds: 0, invokeHandler: observingInvoker });

// ---------------------------------------------------------------------------------------------
// callApi

type QueryValue = string | number | boolean;

export interface ApiCall {
  method: string;
  /** Request path; may carry a `?query` (sent as is, followed by `query`). */
  path: string;
  /** The API key sent as `Authorization: Bearer <key>`; omit or null to send none. */
  key?: string | null;
  /** Serialised as JSON; ignored when `rawBody` is given. */
  body?: unknown;
  /** Sent exactly as is (malformed JSON, huge bodies...), still with Content-Type: application/json unless overridden. */
  rawBody?: string;
  /** Extra headers; a value of undefined removes a default header (e.g. Content-Type). */
  headers?: Record<string, string | undefined>;
  /** Query parameters; an array is a repeated parameter (`?id=a&id=b`). */
  query?: Record<string, QueryValue | readonly QueryValue[] | undefined>;
  sourceIp?: string;
  requestId?: string;
  /** Skips the OpenAPI response check, for a test that makes a handler answer off-contract on purpose. */
  skipContractCheck?: boolean;
}

export interface ApiResult<B = any> {
  status: number;
  /** Response headers with lower-cased names (repeated ones joined with ", ", as fetch does). */
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when the body is empty, the raw string if it is not JSON). */
  body: B;
  rawBody: string;
  /** The API Gateway request id sent in the event (the functions' audit `request_id`). */
  requestId: string;
  /** Which stage answered: the gateway itself (no route, authorizer denial, handler failure) or the handler. */
  answeredBy: 'gateway' | 'handler';
  /** DynamoDB commands sent while the DOMAIN HANDLER ran (authorizer excluded). */
  dynamoCalls: Record<string, number>;
  /** The proxy event the handler received (undefined when no handler ran). */
  event?: APIGatewayProxyEvent;
}

/** What an HTTP client would put on the request line: the path as given, then `query` appended. */
const requestTarget = (path: string, query: ApiCall['query']): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  if (params.size === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${params}`;
};

/** The headers a client sends, in order; a later name replaces an earlier one whatever its case. */
const requestHeaders = (call: ApiCall, hasBody: boolean): Array<readonly [string, string]> => {
  const headers = new Map<string, readonly [string, string | undefined]>();
  const set = (name: string, value: string | undefined) => headers.set(name.toLowerCase(), [name, value]);
  set('Host', 'localhost');
  set('User-Agent', 'bankline-integration-tests');
  set('Accept', 'application/json');
  if (call.key !== undefined && call.key !== null) set('Authorization', `Bearer ${call.key}`);
  if (hasBody) set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(call.headers ?? {})) set(name, value);
  return [...headers.values()].filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
};

const responseHeaders = (headers: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value].flat().join(', ')]));

const parseBody = (raw: string): unknown => {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
};

/** One request through the twin's gateway: route match, REAL authorizer, REAL domain handler. */
export async function callApi<B = any>(call: ApiCall): Promise<ApiResult<B>> {
  const requestId = call.requestId ?? randomUUID();
  const raw = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const response = await gateway({
    method: call.method.toUpperCase(),
    url: requestTarget(call.path, call.query),
    headers: requestHeaders(call, raw !== undefined && raw !== ''),
    body: raw ?? null,
    sourceIp: call.sourceIp ?? '127.0.0.1',
    requestId,
  });
  const run = handlerRuns.get(requestId);
  handlerRuns.delete(requestId);
  const rawBody = response.body.toString('utf8');
  const headers = responseHeaders(response.headers);
  const body = parseBody(rawBody);
  // Every answer must be what the OpenAPI document says the route answers (response-contract.ts).
  if (!call.skipContractCheck) {
    assertMatchesDocument({
      method: call.method,
      path: call.path.split('?', 1)[0]!,
      status: response.statusCode,
      contentType: headers['content-type'],
      body,
    });
  }
  return {
    status: response.statusCode,
    headers,
    body: body as B,
    rawBody,
    requestId,
    answeredBy: run?.answered ? 'handler' : 'gateway',
    dynamoCalls: run?.dynamoCalls ?? {},
    event: run?.event,
  };
}

/** Shorthands bound to one API key. */
export const clientFor = (key: string | null) => ({
  get: <B = any>(path: string, query?: ApiCall['query'], extra: Partial<ApiCall> = {}) =>
    callApi<B>({ method: 'GET', path, key, query, ...extra }),
  post: <B = any>(path: string, body?: unknown, extra: Partial<ApiCall> = {}) => callApi<B>({ method: 'POST', path, key, body, ...extra }),
  patch: <B = any>(path: string, body?: unknown, extra: Partial<ApiCall> = {}) =>
    callApi<B>({ method: 'PATCH', path, key, body, ...extra }),
  put: <B = any>(path: string, body?: unknown, extra: Partial<ApiCall> = {}) => callApi<B>({ method: 'PUT', path, key, body, ...extra }),
  call: <B = any>(call: Omit<ApiCall, 'key'>) => callApi<B>({ ...call, key }),
});
export type ApiClient = ReturnType<typeof clientFor>;

// ---------------------------------------------------------------------------------------------
// Direct table access for assertions. A client of its own, so these reads never show up in
// the functions' DynamoDB call counts. Query only (partitions and GSIs); no Scan.

let tableClient: DynamoDBDocumentClient | undefined;

export const table = (): DynamoDBDocumentClient =>
  (tableClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: TEST_REGION,
      credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
    }),
  ));

export type Index = 'gsi1' | 'gsi2';

/** Every item of one partition of a GSI (default gsi1) or of the table ('table'), in sort-key order. */
export async function queryPartition(partitionValue: string, where: Index | 'table' = 'gsi1'): Promise<Item[]> {
  const index = where === 'table' ? undefined : where;
  const items: Item[] = [];
  let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await table().send(
      new QueryCommand({
        TableName: TEST_TABLE,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index ? `${index}pk` : 'pk' },
        ExpressionAttributeValues: { ':pk': partitionValue },
        ExclusiveStartKey,
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * Number of items in a partition: by default a gsi1 partition such as `TENANT#<id>#PERSONS`;
 * pass 'table' for a partition of the table itself (`pk`).
 */
export const countItems = async (partitionValue: string, where: Index | 'table' = 'gsi1'): Promise<number> =>
  (await queryPartition(partitionValue, where)).length;

export interface TenantCounts {
  persons: number;
  businesses: number;
  verifications: number;
  events: number;
}

/** What a tenant holds, for "nothing was written" checks. */
export async function tenantCounts(tenantId: string): Promise<TenantCounts> {
  const [persons, businesses, verifications, events] = await Promise.all([
    countItems(KEYS.personsIndex(tenantId)),
    countItems(KEYS.businessesIndex(tenantId)),
    countItems(KEYS.verificationsIndex(tenantId)),
    countItems(KEYS.eventsIndex(tenantId)),
  ]);
  return { persons, businesses, verifications, events };
}

/** The tenant's outbox event items (keys included, client JSON decoded), oldest first. */
export const eventsOf = async (tenantId: string): Promise<Item[]> =>
  (await queryPartition(KEYS.eventsIndex(tenantId), 'gsi1')).map(fromStoredItem);

/** One raw item by its primary key. */
export async function getItem(key: { pk: string; sk: string }): Promise<Item | undefined> {
  const { Item: found } = await table().send(new GetCommand({ TableName: TEST_TABLE, Key: key, ConsistentRead: true }));
  return found as Item | undefined;
}

export { KEYS };

// ---------------------------------------------------------------------------------------------
// Assertion helpers shared by the suites.

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

/** Throws unless `result` is a Synctera error with this status (and code / detail fragment). */
export function expectProblem(result: ApiResult, status: number, code?: string, detailIncludes?: string | readonly string[]): ProblemBody {
  const describe = () => `${result.status} ${result.rawBody}`;
  if (result.status !== status) throw new Error(`expected ${status}, got ${describe()}`);
  if (!/^application\/problem\+json/.test(result.headers['content-type'] ?? ''))
    throw new Error(`content-type ${result.headers['content-type']} for ${describe()}`);
  const body = result.body as ProblemBody;
  const keys = Object.keys(body ?? {})
    .sort()
    .join(',');
  if (keys !== 'code,detail,status,title,type') throw new Error(`error body keys ${keys}: ${describe()}`);
  if (body.status !== status) throw new Error(`body.status ${body.status}: ${describe()}`);
  if (!body.type.startsWith('https://dev.synctera.com/errors/')) throw new Error(`type ${body.type}`);
  if (code !== undefined && body.code !== code) throw new Error(`expected code ${code}: ${describe()}`);
  for (const fragment of [detailIncludes ?? []].flat()) {
    if (!body.detail.includes(fragment)) throw new Error(`detail lacks "${fragment}": ${describe()}`);
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Request bodies (test/integration/fixtures/bodies.json), deep-copied per use.

interface Bodies {
  person_full: Json;
  address_other: Json;
  business_full: Json;
  device_info: Json;
}

const BODIES = fixture<Bodies>('bodies.json');

/** A KYC-ready person (every prerequisite present), with overrides; `undefined` drops a field. */
export const personBody = (overrides: Json = {}): Json => withOverrides(BODIES.person_full, overrides);
/** A KYB-ready business, with overrides; `undefined` drops a field. */
export const businessBody = (overrides: Json = {}): Json => withOverrides(BODIES.business_full, overrides);
export const otherAddress = (): Json => structuredClone(BODIES.address_other);
export const deviceInfo = (): Json => structuredClone(BODIES.device_info);

const withOverrides = (base: Json, overrides: Json): Json => {
  const copy: Json = { ...structuredClone(base), ...structuredClone(overrides) };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete copy[k];
  return copy;
};

/** A short unique token for names and emails, so filters only ever match this test's data. */
export const unique = (): string => randomUUID().replaceAll('-', '').slice(0, 10);
