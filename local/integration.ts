import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Route } from '../functions/routes.js';
import { toAuthorizerEvent } from './apigw-event.js';
import type { AuthorizerGate } from './authorizer-gate.js';
import { domainHandler, localFunctionName, type ProxyHandler } from './function-modules.js';
import { gatewayError, type GatewayResponseType } from './gateway-errors.js';
import { type InvokeOutcome, invokeProxyHandler } from './lambda-invoke.js';

// The part of API Gateway both the HTTP twin and `npm run replay` need: given a proxy event for
// a known route, run the REQUEST authorizer, then the route's domain Lambda, and turn every
// failure into the gateway response AWS would send.

export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

export type HandlerErrorReporter = (message: string, error: unknown) => void;

/**
 * The Lambda service's part: runs the domain handler on the event (invokeProxyHandler by default).
 * Integration tests wrap the default to see the event each handler got and what the handler alone did.
 */
export type HandlerInvoker = (handler: ProxyHandler, event: APIGatewayProxyEvent, functionName: string) => Promise<InvokeOutcome>;

export const reportToStderr: HandlerErrorReporter = (message, error) => {
  // Only the error itself: events carry API keys and personal data.
  console.error(`[bankline-local] ${message}:`, error instanceof Error ? error.stack : error);
};

export const fromGatewayError = (type: GatewayResponseType): GatewayResponse => {
  const { statusCode, headers, body } = gatewayError(type);
  return { statusCode, headers, body: Buffer.from(body, 'utf8') };
};

/** headers + multiValueHeaders as API Gateway merges them: a name in both keeps the multi values. */
const fromProxyResult = (result: APIGatewayProxyResult): GatewayResponse => {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name] = values.map(String);
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] ??= [String(value)];
  const body = result.body ?? '';
  return {
    statusCode: result.statusCode,
    headers,
    body: result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
};

/** Authorizes and invokes; `event.requestContext.authorizer` is set on the event passed in. */
export async function runIntegration(
  event: APIGatewayProxyEvent,
  route: Route,
  authorize: AuthorizerGate,
  report: HandlerErrorReporter = reportToStderr,
  invoke: HandlerInvoker = invokeProxyHandler,
): Promise<GatewayResponse> {
  const decision = await authorize(toAuthorizerEvent(event));
  if (!decision.allowed) return fromGatewayError(decision.response);
  event.requestContext.authorizer = decision.authorizer;

  const functionName = localFunctionName(route.domain);
  let handler;
  try {
    handler = await domainHandler(route.domain);
  } catch (error) {
    report(`${functionName} failed to load`, error);
    return fromGatewayError('INTEGRATION_FAILURE');
  }
  const outcome = await invoke(handler, event, functionName);
  if (outcome.ok) return fromProxyResult(outcome.result);
  // Lambda errors, timeouts and malformed results all reach the client as the same 5XX.
  report(`${functionName} ${outcome.reason === 'malformed' ? 'returned a malformed proxy result' : outcome.reason}`, outcome.error);
  return fromGatewayError('INTEGRATION_FAILURE');
}
