// Integration-test gateway: turns a test's request into exactly what API Gateway (REST API,
// Lambda proxy integration, REQUEST authorizer) would hand the functions, runs the REAL
// authorizer and the REAL domain handler against the DynamoDB Local table started by the
// globalSetup, and hands back the response with its body parsed.
//
// Import this module FIRST in every integration test file (tenants.ts does so too): its body
// points the functions at the test table before any function module reads the environment.
// It never imports function code that reads the environment at load time (the logger does);
// the authorizer and handlers are loaded with dynamic imports on first use.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda';
import { inject } from 'vitest';
import { callCounts } from '../../functions/adapters/dynamodb/call-counter.js';
import { KEYS } from '../../functions/adapters/dynamodb/keys.js';
import { ApiError, unauthorized } from '../../functions/shared/errors.js';
import { createRouteMatcher, type RouteMatch } from '../../local/route-matcher.js';
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
// Event fixtures (AWS sample events; see test/integration/fixtures/).

type Json = Record<string, unknown>;
/** A raw table item as the tests read it. */
export type Item = Record<string, any>;

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../integration/fixtures/${name}`, import.meta.url), 'utf8')) as T;

const PROXY_EVENT = fixture<APIGatewayProxyEvent>('apigw-proxy-event.json');
const AUTHORIZER_EVENT = fixture<APIGatewayRequestAuthorizerEvent>('apigw-request-authorizer-event.json');

/** Reads a JSON fixture from test/integration/fixtures/. */
export const readFixture = <T = unknown>(name: string): T => fixture<T>(name);

// Route matching, the API Gateway way, shared with the local twin.
const matcher = createRouteMatcher();

/** The route API Gateway would pick for `method path`, or undefined (gateway 404). */
export const matchRoute = (method: string, path: string): RouteMatch | undefined => matcher(method, path) ?? undefined;

// ---------------------------------------------------------------------------------------------
// Function modules, loaded on first use (after the environment above is in place).

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type AuthorizerHandler = (event: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

let authorizerModule: Promise<{ handler: AuthorizerHandler }> | undefined;
const domainModules = new Map<string, Promise<{ handler: ProxyHandler }>>();

const authorizer = async (): Promise<AuthorizerHandler> =>
  (await (authorizerModule ??= import('../../functions/http/authorizer.js') as Promise<{ handler: AuthorizerHandler }>)).handler;

const domainHandler = async (domain: string): Promise<ProxyHandler> => {
  let loading = domainModules.get(domain);
  if (!loading) {
    loading = import(`../../functions/http/${domain}.ts`) as Promise<{ handler: ProxyHandler }>;
    domainModules.set(domain, loading);
  }
  return (await loading).handler;
};

// ---------------------------------------------------------------------------------------------
// callApi

type QueryValue = string | number | boolean;

export interface ApiCall {
  method: string;
  /** Request path; may carry a `?query` (merged with `query`). */
  path: string;
  /** The API key sent as `Authorization: Bearer <key>`; omit or null to send none. */
  key?: string | null;
  /** Serialised as JSON; ignored when `rawBody` is given. */
  body?: unknown;
  /** Sent exactly as is (malformed JSON, huge bodies...), still with Content-Type: application/json unless overridden. */
  rawBody?: string;
  /** Send the body base64-encoded, as API Gateway does for binary media types. */
  base64?: boolean;
  /** Extra headers; a value of undefined removes a default header (e.g. Content-Type). */
  headers?: Record<string, string | undefined>;
  /** Query parameters; an array is a repeated parameter (`?id=a&id=b`). */
  query?: Record<string, QueryValue | readonly QueryValue[] | undefined>;
  sourceIp?: string;
  requestId?: string;
}

export interface ApiResult<B = any> {
  status: number;
  /** Response headers with lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when the body is empty, the raw string if it is not JSON). */
  body: B;
  rawBody: string;
  /** The API Gateway request id sent in the event (the functions' audit `request_id`). */
  requestId: string;
  /** Which stage answered: the gateway itself (no route / authorizer denial) or the handler. */
  answeredBy: 'gateway' | 'handler';
  /** DynamoDB commands sent while the DOMAIN HANDLER ran (authorizer excluded). */
  dynamoCalls: Record<string, number>;
  /** The proxy event the handler received (undefined when the gateway answered). */
  event?: APIGatewayProxyEvent;
}

const gatewayAnswer = (error: ApiError, requestId: string): ApiResult => {
  const body = error.toBody();
  return {
    status: error.status,
    headers: { 'content-type': 'application/problem+json' },
    body,
    rawBody: JSON.stringify(body),
    requestId,
    answeredBy: 'gateway',
    dynamoCalls: {},
  };
};

const lambdaContext = (functionName: string, requestId: string): Context => {
  const deadline = Date.now() + 10_000;
  const noop = () => undefined;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${TEST_REGION}:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2024/01/01/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
};

const splitPath = (path: string): [string, URLSearchParams] => {
  const at = path.indexOf('?');
  return at < 0 ? [path, new URLSearchParams()] : [path.slice(0, at), new URLSearchParams(path.slice(at + 1))];
};

const queryMaps = (fromPath: URLSearchParams, query: ApiCall['query']) => {
  const multi: Record<string, string[]> = {};
  for (const [name, value] of fromPath) (multi[name] ??= []).push(value);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    (multi[name] ??= []).push(...values);
  }
  const names = Object.keys(multi);
  if (names.length === 0) return { single: null, multi: null };
  // API Gateway's single-value map keeps the last value of a repeated parameter.
  const single = Object.fromEntries(names.map((n) => [n, multi[n]![multi[n]!.length - 1]!]));
  return { single, multi };
};

const headerMaps = (call: ApiCall, hasBody: boolean) => {
  const headers: Record<string, string | undefined> = {};
  const set = (name: string, value: string | undefined) => {
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    headers[name] = value;
  };
  for (const [name, value] of Object.entries(PROXY_EVENT.headers)) if (name.toLowerCase() !== 'authorization') set(name, value);
  if (call.key !== undefined && call.key !== null) set('Authorization', `Bearer ${call.key}`);
  if (hasBody) set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(call.headers ?? {})) set(name, value);
  const single: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) single[name] = value;
  const multi = Object.fromEntries(Object.entries(single).map(([n, v]) => [n, [v]]));
  return { single, multi };
};

const methodArn = (method: string, path: string) => `${AUTHORIZER_EVENT.methodArn.split('/').slice(0, 2).join('/')}/${method}${path}`;

// API Gateway checks the policy the authorizer returned against the method ARN.
const policyAllows = (result: APIGatewayAuthorizerResult, arn: string): boolean => {
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(arn);
  const statements = result.policyDocument.Statement as Array<{ Effect: string; Resource?: string | string[] }>;
  const applies = (s: { Resource?: string | string[] }) => [s.Resource ?? []].flat().some(matches);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s));
};

/**
 * One request through the gateway: route match, REAL authorizer, REAL domain handler.
 * The authorizer's `Unauthorized` becomes the 401 gateway response (Synctera body).
 */
export async function callApi<B = any>(call: ApiCall): Promise<ApiResult<B>> {
  const method = call.method.toUpperCase();
  const [path, pathQuery] = splitPath(call.path);
  const requestId = call.requestId ?? randomUUID();
  const match = matchRoute(method, path);
  if (!match) return gatewayAnswer(new ApiError(404, 'NOT_FOUND', 'no such route'), requestId) as ApiResult<B>;

  const raw = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const headers = headerMaps(call, raw !== undefined && raw !== '');
  const query = queryMaps(pathQuery, call.query);
  const sourceIp = call.sourceIp ?? PROXY_EVENT.requestContext.identity.sourceIp;
  const now = new Date();
  const hasParams = Object.keys(match.pathParameters).length > 0;
  const stage = PROXY_EVENT.requestContext.stage;

  const requestContext: APIGatewayProxyEvent['requestContext'] = {
    ...structuredClone(PROXY_EVENT.requestContext),
    resourcePath: match.route.path,
    httpMethod: method,
    path: `/${stage}${path}`,
    requestId,
    extendedRequestId: requestId.replaceAll('-', '').slice(0, 16),
    requestTimeEpoch: now.getTime(),
    identity: { ...PROXY_EVENT.requestContext.identity, sourceIp },
    authorizer: null,
  };

  const authorizerEvent: APIGatewayRequestAuthorizerEvent = {
    ...structuredClone(AUTHORIZER_EVENT),
    methodArn: methodArn(method, path),
    resource: match.route.path,
    path,
    httpMethod: method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    pathParameters: hasParams ? { ...match.pathParameters } : null,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    requestContext: { ...structuredClone(requestContext), authorizer: undefined } as unknown as APIGatewayRequestAuthorizerEvent['requestContext'],
  };

  let authorization: APIGatewayAuthorizerResult;
  try {
    authorization = await (await authorizer())(authorizerEvent);
  } catch (error) {
    if (error instanceof Error && error.message === 'Unauthorized') return gatewayAnswer(unauthorized(), requestId) as ApiResult<B>;
    throw error;
  }
  if (!policyAllows(authorization, authorizerEvent.methodArn)) {
    return gatewayAnswer(new ApiError(403, 'FORBIDDEN', 'the API key may not call this route'), requestId) as ApiResult<B>;
  }

  const event: APIGatewayProxyEvent = {
    ...structuredClone(PROXY_EVENT),
    resource: match.route.path,
    path,
    httpMethod: method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: hasParams ? { ...match.pathParameters } : null,
    stageVariables: null,
    requestContext: {
      ...requestContext,
      authorizer: { ...authorization.context, principalId: authorization.principalId, integrationLatency: 3 },
    },
    body: raw === undefined || raw === '' ? null : call.base64 ? Buffer.from(raw, 'utf8').toString('base64') : raw,
    isBase64Encoded: Boolean(call.base64 && raw),
  };

  const handler = await domainHandler(match.route.domain);
  const before = callCounts();
  const result = await handler(structuredClone(event), lambdaContext(`bankline-${match.route.domain}`, requestId));
  const after = callCounts();
  const dynamoCalls: Record<string, number> = {};
  for (const [name, n] of Object.entries(after)) if (n - (before[name] ?? 0) > 0) dynamoCalls[name] = n - (before[name] ?? 0);

  const rawBody = result.body ?? '';
  let body: unknown;
  try {
    body = rawBody === '' ? undefined : JSON.parse(rawBody);
  } catch {
    body = rawBody;
  }
  const responseHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { status: result.statusCode, headers: responseHeaders, body: body as B, rawBody, requestId, answeredBy: 'handler', dynamoCalls, event };
}

/** Shorthands bound to one API key. */
export const clientFor = (key: string | null) => ({
  get: <B = any>(path: string, query?: ApiCall['query'], extra: Partial<ApiCall> = {}) => callApi<B>({ method: 'GET', path, key, query, ...extra }),
  post: <B = any>(path: string, body?: unknown, extra: Partial<ApiCall> = {}) => callApi<B>({ method: 'POST', path, key, body, ...extra }),
  patch: <B = any>(path: string, body?: unknown, extra: Partial<ApiCall> = {}) => callApi<B>({ method: 'PATCH', path, key, body, ...extra }),
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

/** The tenant's outbox event items (raw, keys included), oldest first. */
export const eventsOf = async (tenantId: string): Promise<Item[]> => queryPartition(KEYS.eventsIndex(tenantId), 'gsi1');

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
  if (!/^application\/problem\+json/.test(result.headers['content-type'] ?? '')) throw new Error(`content-type ${result.headers['content-type']} for ${describe()}`);
  const body = result.body as ProblemBody;
  const keys = Object.keys(body ?? {}).sort().join(',');
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
