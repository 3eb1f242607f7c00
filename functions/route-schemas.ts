import type { Route } from './routes.js';
import { ACCOUNT_SCHEMAS } from './route-schemas/accounts.js';
import { CLOSURE_SCHEMAS } from './route-schemas/closures.js';
import { CUSTOMER_SCHEMAS } from './route-schemas/customers.js';
import type { RouteSchemas } from './route-schemas/entry.js';
import { EXTERNAL_ACCOUNT_SCHEMAS } from './route-schemas/external-accounts.js';
import { LEDGER_SCHEMAS } from './route-schemas/ledger.js';
import { MAPPING_SCHEMAS } from './route-schemas/mappings.js';
import { OPERATOR_SCHEMAS } from './route-schemas/operator.js';
import { WEBHOOK_SCHEMAS } from './route-schemas/webhooks.js';

// What each route of routes.ts takes and answers, as the zod schemas the handlers validate
// with and answer in: the OpenAPI document (lib/openapi/) is built from this table, and the test
// suites check every response against that document. A route without an entry fails
// test/unit/openapi/document.test.ts. Only the document builder and tests import this file;
// no Lambda handler does (it pulls every domain's schemas).
//
// Adding a route: one entry in its area's module under route-schemas/ (this file merges them; the
// entry's shape is in route-schemas/entry.ts), keyed by its operation name. A `...V2` operation
// without an entry of its own uses the entry of the same name without `V2`. Path parameters come
// from the route's path (every one is a UUID); the error responses every route can give are added
// by the document builder (lib/openapi/errors.ts), so `errors` lists only the route's own extra ones.

export type { RouteSchemas } from './route-schemas/entry.js';
export { SCHEMA_MODULES } from './route-schemas/schema-modules.js';

export const ROUTE_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  ...CUSTOMER_SCHEMAS,
  ...ACCOUNT_SCHEMAS,
  ...MAPPING_SCHEMAS,
  ...LEDGER_SCHEMAS,
  ...EXTERNAL_ACCOUNT_SCHEMAS,
  ...WEBHOOK_SCHEMAS,
  ...CLOSURE_SCHEMAS,
  ...OPERATOR_SCHEMAS,
};

/** The entry of a route: its operation's, else (a `...V2` operation) the v0 operation's. */
export const schemasOf = (route: Pick<Route, 'operation'>): RouteSchemas | undefined =>
  ROUTE_SCHEMAS[route.operation] ?? ROUTE_SCHEMAS[route.operation.replace(/V2$/, '')];
