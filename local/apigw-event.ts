import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { RouteMatch } from './route-matcher.js';

// Builds the events a REST API with Lambda proxy integration sends, field for field, so the
// handlers and the authorizer cannot tell the twin from AWS. Names and value shapes follow the
// AWS "Input format of a Lambda function for proxy integration" page: null (not {}) when there
// are no query or path parameters, last value wins in the single-value maps, header names
// exactly as the client sent them.

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
export const LOCAL_STAGE = 'local';
export const LOCAL_REGION = 'us-east-1';

/** A request as the twin received it, before API Gateway semantics are applied. */
export interface IncomingRequest {
  readonly method: string;
  /** The request target: path plus optional `?query`. */
  readonly url: string;
  /** Name/value pairs in arrival order, names as sent (node's `rawHeaders`). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string | null;
  readonly sourceIp: string;
  /** Sample-event generation pins these so the files are stable; live requests leave them out. */
  readonly requestId?: string;
  readonly now?: Date;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** API Gateway's `requestTime` format: `17/May/2024:10:00:00 +0000`. */
export const requestTime = (d: Date): string =>
  `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

export const methodArn = (method: string, path: string): string =>
  `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/${LOCAL_STAGE}/${method.toUpperCase()}${path}`;

type SingleMap = Record<string, string>;
type MultiMap = Record<string, string[]>;

const collect = (pairs: Iterable<readonly [string, string]>): { single: SingleMap; multi: MultiMap } | null => {
  const single: SingleMap = {};
  const multi: MultiMap = {};
  let any = false;
  for (const [name, value] of pairs) {
    any = true;
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return any ? { single, multi } : null;
};

// Derived from the request id so a sample event generated twice is byte-identical.
const traceId = (requestId: string, now: Date): string =>
  `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${requestId.replaceAll('-', '').slice(0, 24)}`;

/** Headers API Gateway adds in front of the integration, as a regional endpoint does. */
const withGatewayHeaders = (request: IncomingRequest, requestId: string, now: Date): Array<readonly [string, string]> => {
  // One pass over the client's headers: this runs on every request the twin serves.
  const pairs: Array<readonly [string, string]> = [];
  let forwardedFor = false;
  let forwardedProto = false;
  let traced = false;
  for (const pair of request.headers) {
    const name = pair[0].toLowerCase();
    if (name === 'x-forwarded-for' && !forwardedFor) {
      forwardedFor = true;
      pairs.push([pair[0], `${pair[1]}, ${request.sourceIp}`]);
      continue;
    }
    if (name === 'x-forwarded-proto') forwardedProto = true;
    else if (name === 'x-amzn-trace-id') traced = true;
    pairs.push(pair);
  }
  if (!forwardedFor) pairs.push(['X-Forwarded-For', request.sourceIp]);
  if (!forwardedProto) pairs.push(['X-Forwarded-Proto', 'http']);
  if (!traced) pairs.push(['X-Amzn-Trace-Id', traceId(requestId, now)]);
  return pairs;
};

const headerValue = (request: IncomingRequest, name: string): string | null => {
  for (const [n, value] of request.headers) if (n.toLowerCase() === name) return value;
  return null;
};

/** The proxy event for a matched route; `requestContext.authorizer` is filled in after the authorizer ran. */
export const toProxyEvent = (request: IncomingRequest, match: RouteMatch): APIGatewayProxyEvent => {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? undefined : request.url.slice(queryAt + 1);
  const now = request.now ?? new Date();
  const requestId = request.requestId ?? randomUUID();
  const headers = collect(withGatewayHeaders(request, requestId, now));
  const query = rawQuery ? collect(new URLSearchParams(rawQuery)) : null;
  const hasPathParameters = Object.keys(match.pathParameters).length > 0;
  const domainName = (headerValue(request, 'host') ?? 'localhost').replace(/:\d+$/, '');
  return {
    resource: match.route.path,
    path: rawPath,
    httpMethod: match.route.method,
    headers: headers?.single ?? {},
    multiValueHeaders: headers?.multi ?? {},
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    pathParameters: hasPathParameters ? { ...match.pathParameters } : null,
    stageVariables: null,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      authorizer: null,
      domainName,
      domainPrefix: domainName.split('.')[0],
      extendedRequestId: requestId.replaceAll('-', '').slice(0, 16),
      httpMethod: match.route.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headerValue(request, 'user-agent'),
        userArn: null,
      },
      path: `/${LOCAL_STAGE}${rawPath}`,
      protocol: 'HTTP/1.1',
      requestId,
      requestTime: requestTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: match.route.path,
      stage: LOCAL_STAGE,
    },
    // API Gateway hands a text body through as is; empty means null, not "".
    body: request.body === null || request.body === '' ? null : request.body,
    isBase64Encoded: false,
  };
};

/** The REQUEST authorizer's event for the same request: same maps, plus the method ARN. */
export const toAuthorizerEvent = (event: APIGatewayProxyEvent): APIGatewayRequestAuthorizerEvent => {
  const { authorizer: _notYet, ...requestContext } = event.requestContext;
  return {
    type: 'REQUEST',
    methodArn: methodArn(event.httpMethod, event.path),
    resource: event.resource,
    path: event.path,
    httpMethod: event.httpMethod,
    headers: event.headers,
    multiValueHeaders: event.multiValueHeaders,
    pathParameters: event.pathParameters,
    queryStringParameters: event.queryStringParameters,
    multiValueQueryStringParameters: event.multiValueQueryStringParameters,
    stageVariables: event.stageVariables,
    requestContext: { ...requestContext, authorizer: undefined },
  };
};
