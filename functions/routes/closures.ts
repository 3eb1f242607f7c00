// Account closure, in the one route table (functions/routes.ts).
import { bothVersions, type Route } from './route.js';

export const CLOSURE_ROUTES: readonly Route[] = [
  // Account closure (contract §3): its own function, so the accounts Lambda does not grow.
  // PATCH is v2 in the spec; served at /v0 too ([INFERRED], same path shape).
  ...bothVersions('POST', '/accounts/{account_id}/initiate_closure', 'closures', 'initiateClosure', 'account:write'),
  ...bothVersions('PATCH', '/accounts/{account_id}/initiate_closure', 'closures', 'patchClosure', 'account:write'),
];
