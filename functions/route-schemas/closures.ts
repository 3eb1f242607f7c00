// The account closure routes' entries of the route schema registry (functions/route-schemas.ts).
import * as a from '../accounts/response-schemas.js';
import * as closureRequests from '../closures/schemas.js';
import { ACCOUNT_CLOSED, type RouteSchemas } from './entry.js';

export const CLOSURE_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Account closure (contract §3): 200 with the account and its account_closure; /v2 shares these.
  initiateClosure: { body: closureRequests.initiateClosureSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  patchClosure: { body: closureRequests.patchClosureSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
};
