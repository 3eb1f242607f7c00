import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { HeldKey } from '../../idempotency/held-key.js';
import type { ApiRequest } from '../api-request.js';

/** State the chain builds up; the domain operation receives `apiRequest` once it is complete. */
export interface ChainState {
  correlationId: string;
  apiRequest: Partial<ApiRequest>;
  /** The Idempotency-Key this request holds, shared by reference with the storage adapter. */
  idempotency?: HeldKey & { acquired: boolean };
}

export type BanklineContext = Context & { bankline: ChainState };
export type ChainRequest = Request<APIGatewayProxyEvent, APIGatewayProxyResult, Error, BanklineContext>;
export type ChainMiddleware = MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, BanklineContext>;

/** Headers arrive in any case from API Gateway; look them up case-insensitively. */
export const header = (event: APIGatewayProxyEvent, name: string): string | undefined => {
  const { headers } = event;
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  // A plain loop: every request looks up several headers, and Object.entries allocates a pair per header each time.
  for (const key in headers) {
    if (key.toLowerCase() !== wanted) continue;
    const value = headers[key];
    if (value !== undefined) return value;
  }
  return undefined;
};
