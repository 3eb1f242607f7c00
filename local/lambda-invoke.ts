import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './apigw-event.js';
import type { ProxyHandler } from './function-modules.js';

// Runs a proxy handler the way the Lambda service would: a Context with a request id and a
// deadline, the function's timeout enforced, and the result checked against the proxy
// integration's output format (API Gateway rejects anything else as a malformed response).

/** BanklineFunction's default timeout (lib/constructs/bankline-function.ts). */
export const LAMBDA_TIMEOUT_MS = 10_000;

const noop = () => undefined;

// One log stream per function: a Lambda execution environment keeps its stream across invocations.
const logStreams = new Map<string, string>();
const logStreamOf = (functionName: string): string => {
  let stream = logStreams.get(functionName);
  if (stream === undefined) {
    stream = `local/[$LATEST]${randomUUID().replaceAll('-', '')}`;
    logStreams.set(functionName, stream);
  }
  return stream;
};

export const lambdaContext = (functionName: string, timeoutMs = LAMBDA_TIMEOUT_MS): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamOf(functionName),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
};

export type InvokeOutcome =
  | { readonly ok: true; readonly result: APIGatewayProxyResult }
  | { readonly ok: false; readonly reason: 'error' | 'timeout' | 'malformed'; readonly error?: unknown };

const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

export const isProxyResult = (value: unknown): value is APIGatewayProxyResult => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const status = r.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return false;
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') return false;
  if (r.headers !== undefined && (typeof r.headers !== 'object' || !Object.values(r.headers ?? {}).every(isScalar))) return false;
  const multi = r.multiValueHeaders;
  if (multi !== undefined && (typeof multi !== 'object' || !Object.values(multi ?? {}).every((v) => Array.isArray(v) && v.every(isScalar)))) {
    return false;
  }
  return true;
};

export async function invokeProxyHandler(handler: ProxyHandler, event: APIGatewayProxyEvent, functionName: string): Promise<InvokeOutcome> {
  const context = lambdaContext(functionName);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), LAMBDA_TIMEOUT_MS);
  });
  try {
    // No copy: callers build the event for this one invocation (toProxyEvent, or parsed from a
    // file by replay), from JSON values only, which is what Lambda's runtime hands a handler. A
    // structured clone per request was a tenth of the twin's whole overhead over a GetItem.
    const outcome = await Promise.race([handler(event, context), timedOut]);
    if (outcome === 'timeout') return { ok: false, reason: 'timeout' };
    return isProxyResult(outcome) ? { ok: true, result: outcome } : { ok: false, reason: 'malformed' };
  } catch (error) {
    return { ok: false, reason: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}
