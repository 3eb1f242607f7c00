import { randomUUID } from 'node:crypto';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import {
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
  type FunctionDefinition,
  type FunctionOfKind,
  memoryOf,
  timeoutSecondsOf,
  type TriggerKind,
} from '../functions/functions.js';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './apigw-event.js';
import { streamItemIdentifiers } from './events/dynamodb-stream.js';
import type { EventOfKind, JsonValue, ResultOfKind } from './events/kinds.js';
import { queueItemIdentifiers } from './events/sqs.js';
import { type LambdaHandler, loadHandler, localFunctionName, type ProxyHandler } from './function-modules.js';
import { isPolicyDocument } from './iam-policy.js';

// Runs a handler the way the Lambda service would for its trigger: a Context with a request id
// and a deadline, the function's timeout (from its registry entry) enforced, and the result
// checked against what the invoking service accepts (API Gateway rejects a malformed proxy
// result, Step Functions a non-JSON or oversized output, a stream or queue event source mapping
// a batch response naming records that were not in the batch).

/** BanklineFunction's default timeout, for handlers invoked without their registry entry. */
export const LAMBDA_TIMEOUT_MS = DEFAULT_TIMEOUT_SECONDS * 1000;

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

export const lambdaContext = (functionName: string, timeoutMs = LAMBDA_TIMEOUT_MS, memoryMb = DEFAULT_MEMORY_MB): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamOf(functionName),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
};

export type InvokeOutcome<R = APIGatewayProxyResult> =
  | { readonly ok: true; readonly result: R }
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
  if (
    multi !== undefined &&
    (typeof multi !== 'object' || !Object.values(multi ?? {}).every((v) => Array.isArray(v) && v.every(isScalar)))
  ) {
    return false;
  }
  return true;
};

export const isAuthorizerResult = (value: unknown): value is APIGatewayAuthorizerResult =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as APIGatewayAuthorizerResult).principalId === 'string' &&
  isPolicyDocument((value as APIGatewayAuthorizerResult).policyDocument);

/**
 * What the caller receives from a handler's return value: Lambda serialises it with
 * JSON.stringify (undefined becomes null, a Date its ISO string), so the twin does too. Undefined
 * when it cannot be serialised (a cycle, a BigInt), which Lambda reports as an error.
 */
export const asLambdaJson = (value: unknown): { readonly json: JsonValue; readonly bytes: number } | undefined => {
  try {
    const text = JSON.stringify(value) ?? 'null';
    return { json: JSON.parse(text) as JsonValue, bytes: Buffer.byteLength(text) };
  } catch {
    return undefined;
  }
};

/** Step Functions' limit on a state's input or output. */
export const MAX_WORKFLOW_PAYLOAD_BYTES = 256 * 1024;

/**
 * A batch response as Lambda reads it: nothing, `{}` or an empty list means the whole batch
 * succeeded; a failure naming a record outside the batch fails the whole batch (malformed).
 */
const batchResponse = (
  value: unknown,
  identifiers: readonly string[],
): { batchItemFailures: Array<{ itemIdentifier: string }> } | undefined => {
  if (value === undefined || value === null) return { batchItemFailures: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const failures = (value as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { batchItemFailures: [] };
  if (!Array.isArray(failures)) return undefined;
  const known = new Set(identifiers);
  const valid = failures.every((f) => typeof f?.itemIdentifier === 'string' && known.has(f.itemIdentifier));
  return valid ? { batchItemFailures: failures.map((f) => ({ itemIdentifier: f.itemIdentifier as string })) } : undefined;
};

/** The accepted result of each kind, normalised (no response → null or an empty failure list), or undefined if malformed. */
const RESULT_CHECKS: { readonly [K in TriggerKind]: (value: unknown, event: EventOfKind[K]) => ResultOfKind[K] | undefined } = {
  http: (value) => (isProxyResult(value) ? value : undefined),
  authorizer: (value) => (isAuthorizerResult(value) ? value : undefined),
  'workflow-task': (value) => {
    const output = asLambdaJson(value);
    return output && output.bytes <= MAX_WORKFLOW_PAYLOAD_BYTES ? output.json : undefined;
  },
  'table-stream': (value, event) => batchResponse(value, streamItemIdentifiers(event)),
  queue: (value, event) => batchResponse(value, queueItemIdentifiers(event)),
  schedule: (value) => asLambdaJson(value)?.json,
};

interface Invocation<R> {
  readonly run: (context: Context) => Promise<unknown>;
  readonly check: (value: unknown) => R | undefined;
  readonly functionName: string;
  readonly timeoutMs: number;
  readonly memoryMb?: number;
}

async function invokeWithin<R>(invocation: Invocation<R>): Promise<InvokeOutcome<R>> {
  const context = lambdaContext(invocation.functionName, invocation.timeoutMs, invocation.memoryMb);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), invocation.timeoutMs);
  });
  try {
    const outcome = await Promise.race([invocation.run(context), timedOut]);
    if (outcome === 'timeout') return { ok: false, reason: 'timeout' };
    const result = invocation.check(outcome);
    return result === undefined ? { ok: false, reason: 'malformed' } : { ok: true, result };
  } catch (error) {
    return { ok: false, reason: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}

export async function invokeProxyHandler(handler: ProxyHandler, event: APIGatewayProxyEvent, functionName: string): Promise<InvokeOutcome> {
  return invokeWithin({
    // No copy: the gateway builds the event for this one invocation (toProxyEvent), from JSON
    // values only, as Lambda's runtime hands a handler. A structured clone per request was a
    // tenth of the twin's whole overhead over a GetItem.
    run: (context) => handler(event, context),
    check: RESULT_CHECKS.http as (value: unknown) => APIGatewayProxyResult | undefined,
    functionName,
    timeoutMs: LAMBDA_TIMEOUT_MS,
  });
}

/**
 * Invokes any registry function with the event of its trigger kind, as its AWS event source
 * would. A handler module that fails to load is an error outcome, as Lambda reports an init error.
 */
export async function invokeFunction<K extends TriggerKind>(
  fn: FunctionOfKind<K> | FunctionDefinition,
  event: EventOfKind[K],
): Promise<InvokeOutcome<ResultOfKind[K]>> {
  let handler: LambdaHandler;
  try {
    handler = await loadHandler(fn);
  } catch (error) {
    return { ok: false, reason: 'error', error };
  }
  const check = RESULT_CHECKS[fn.trigger.kind as K];
  return invokeWithin({
    run: (context) => (handler as (event: unknown, context: Context) => Promise<unknown>)(structuredClone(event), context),
    check: (value) => check(value, event),
    functionName: localFunctionName(fn.name),
    timeoutMs: timeoutSecondsOf(fn) * 1000,
    memoryMb: memoryOf(fn),
  });
}
