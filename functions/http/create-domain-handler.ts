import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { dynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.js';
import { httpFunctionOf } from '../functions.js';
import { runHoldingKey } from '../idempotency/held-key.js';
import type { ResponseSealer } from '../idempotency/ports.js';
import { type Domain, ROUTES } from '../routes.js';
import { systemClock } from '../shared/clock.js';
import { checkedHandler } from '../shared/config.js';
import { ApiError } from './api-error.js';
import type { ApiRequest, Operation } from './api-request.js';
import { correlation } from './middleware/correlation.js';
import { errorResponse } from './middleware/error-response.js';
import { idempotency } from './middleware/idempotency.js';
import { jsonBody } from './middleware/json-body.js';
import { permissionWasDecided } from './permissions.js';
import { requestContext } from './middleware/request-context.js';
import type { BanklineContext } from './middleware/types.js';
import { toProxyResult } from './proxy-result.js';

export type Operations = Readonly<Record<string, Operation>>;

export interface DomainHandlerOptions {
  /** Required when a route of the domain declares sealedResponseFields (routes.ts). */
  readonly responseSealer?: ResponseSealer;
}

/**
 * The one middleware chain every domain shares: correlation id, error body, route and
 * principal, JSON body, idempotency; then the route's operation. Before any of it, the domain
 * function's environment is checked against its registry entry (functions/functions.ts).
 */
export const createDomainHandler = (domain: Domain, operations: Operations, options: DomainHandlerOptions = {}) => {
  const missing = ROUTES.filter((r) => r.domain === domain && !operations[r.operation]).map((r) => r.operation);
  if (missing.length > 0) throw new Error(`${domain} handler lacks operations: ${missing.join(', ')}`);
  const sealed = ROUTES.filter((r) => r.domain === domain && r.sealedResponseFields?.length).map((r) => r.operation);
  if (sealed.length > 0 && !options.responseSealer) throw new Error(`${domain} handler needs a response sealer for: ${sealed.join(', ')}`);

  const core = async (_event: APIGatewayProxyEvent, context: BanklineContext): Promise<APIGatewayProxyResult> => {
    const request = context.bankline.apiRequest as ApiRequest;
    const operation = operations[request.route.operation];
    if (!operation) throw new ApiError(404, 'NOT_FOUND', 'no such route');
    // The held Idempotency-Key rides along so the operation's transaction can mark it committed.
    const response = await runHoldingKey(context.bankline.idempotency, () => operation(request));
    if (!permissionWasDecided(request)) throw new Error(`${request.route.operation} did not check its request-dependent permission`);
    return toProxyResult(response);
  };

  const chain = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, BanklineContext>(core)
    .use(errorResponse())
    .use(correlation())
    .use(requestContext(domain))
    .use(jsonBody())
    .use(idempotency(dynamoIdempotencyStore, systemClock, options.responseSealer)) as unknown as (
    event: APIGatewayProxyEvent,
    context: Context,
  ) => Promise<APIGatewayProxyResult>;
  return checkedHandler(httpFunctionOf(domain).name, chain);
};
