import { randomUUID } from 'node:crypto';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../lib/gateway-contract.js';
import { type IncomingRequest, toProxyEvent } from './apigw-event.js';
import { createAuthorizerGate } from './authorizer-gate.js';
import { authorizerHandler } from './function-modules.js';
import { fromGatewayError, type GatewayResponse, type HandlerErrorReporter, type HandlerInvoker, runIntegration } from './integration.js';
import { methodNotAllowed, unservedSyncteraRoute } from './gateway-refusals.js';
import { createMethodLister, createRouteMatcher } from './route-matcher.js';
import { syncteraRouteFor } from './synctera/unserved.js';

// API Gateway's request pipeline, minus HTTP: payload limit, resource/method match, then the
// authorizer (cached per Authorization header for the TTL the CDK configures) and the domain
// Lambda. The node:http server drives it, and so do the integration tests (test/helpers/api.ts):
// there is one emulation of AWS.

/** API Gateway REST's hard payload limit. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  /**
   * Defaults to the CDK's AUTHORIZER_CACHE_TTL_SECONDS (300 s): as on AWS, a revoked key keeps
   * working that long. 0 makes revocations take effect at once.
   */
  readonly authorizerCacheTtlSeconds?: number;
  /** Where handler crashes are reported (CloudWatch's role on AWS); stderr by default. */
  readonly onHandlerError?: HandlerErrorReporter;
  /** Runs the domain Lambda; see HandlerInvoker. */
  readonly invokeHandler?: HandlerInvoker;
  /**
   * The twin's kinder refusals (405 with Allow, 404 naming an unserved Synctera route) instead of
   * API Gateway's plain 404. Off by default, so the integration suite sees what AWS answers;
   * the HTTP twin (startServer) turns it on.
   */
  readonly explainUnknownRoutes?: boolean;
}

/** `payloadTooLarge`: the body was cut off at MAX_PAYLOAD_BYTES by a reader that stopped buffering. */
export type GatewayRequest = IncomingRequest & { readonly payloadTooLarge?: boolean };

const isTooLarge = (request: GatewayRequest): boolean =>
  request.payloadTooLarge === true || (request.body !== null && Buffer.byteLength(request.body, 'utf8') > MAX_PAYLOAD_BYTES);

export type { GatewayResponse };

export const createGateway = (options: GatewayOptions = {}) => {
  const matchRoute = createRouteMatcher();
  const methodsAt = createMethodLister();
  const authorize = createAuthorizerGate({
    authorizer: authorizerHandler,
    cacheTtlSeconds: options.authorizerCacheTtlSeconds ?? AUTHORIZER_CACHE_TTL_SECONDS,
  });

  const pipeline = async (request: GatewayRequest, requestId: string): Promise<GatewayResponse> => {
    if (isTooLarge(request)) return fromGatewayError('REQUEST_TOO_LARGE');
    const [path = '/'] = request.url.split('?', 1);
    const match = matchRoute(request.method, path);
    if (!match) {
      // A REST API answers unknown paths and unknown methods alike (the CDK maps it to a 404);
      // the twin says more, to help: 405 with Allow, or which Synctera route is not served.
      if (!options.explainUnknownRoutes) return fromGatewayError('MISSING_AUTHENTICATION_TOKEN');
      const allowed = methodsAt(path);
      if (allowed.length > 0) return methodNotAllowed(request.method, path, allowed);
      const synctera = syncteraRouteFor(request.method, path);
      return synctera ? unservedSyncteraRoute(synctera) : fromGatewayError('MISSING_AUTHENTICATION_TOKEN');
    }
    const event = toProxyEvent({ ...request, requestId }, match);
    return runIntegration(event, match.route, authorize, options.onHandlerError, options.invokeHandler);
  };

  return async (request: GatewayRequest): Promise<GatewayResponse> => {
    const requestId = request.requestId ?? randomUUID();
    const response = await pipeline(request, requestId);
    // API Gateway stamps every response, its own errors included, with the request id. Each
    // response is built for this request, so the header goes in place.
    response.headers['x-amzn-RequestId'] = requestId;
    return response;
  };
};

export type Gateway = ReturnType<typeof createGateway>;
