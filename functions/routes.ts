// The one route table. CDK builds API Gateway resources from it, the local twin matches
// requests against it, and each domain handler dispatches on it. Pure data: no imports of handler
// code (only its own parts under routes/), so reading it never pulls handler code into the CDK app
// or the other way round. Every importer reads the table and its types from this file; routes/
// holds the permissions, the route shape, and one list per area.
import { ACCOUNT_ROUTES } from './routes/accounts.js';
import { CLOSURE_ROUTES } from './routes/closures.js';
import { CUSTOMER_ROUTES } from './routes/customers.js';
import { EXTERNAL_ACCOUNT_ROUTES } from './routes/external-accounts.js';
import { LEDGER_ROUTES } from './routes/ledger.js';
import { MAPPING_ROUTES } from './routes/mappings.js';
import { OPERATOR_ROUTES } from './routes/operator.js';
import type { Domain, Route } from './routes/route.js';
import { WEBHOOK_ROUTES } from './routes/webhooks.js';

export {
  ALL_PERMISSIONS,
  CONSOLE_ACT,
  decidedByOperation,
  followsResourceType,
  OPERATOR_ONLY_PERMISSIONS,
  ORGANIZATION_READ,
  PERMISSIONS,
  type Permission,
  type PermissionByResourceType,
  possiblePermissions,
  type RoutePermission,
  type TenantPermission,
} from './routes/permissions.js';
export { DOMAINS, type Domain, type HttpMethod, type Route } from './routes/route.js';

/** Every route, area by area in this order (the sample events replay in it). */
export const ROUTES: readonly Route[] = [
  ...CUSTOMER_ROUTES,
  ...ACCOUNT_ROUTES,
  ...MAPPING_ROUTES,
  ...LEDGER_ROUTES,
  ...EXTERNAL_ACCOUNT_ROUTES,
  ...WEBHOOK_ROUTES,
  ...CLOSURE_ROUTES,
  ...OPERATOR_ROUTES,
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export const routesOf = (domain: Domain): readonly Route[] => ROUTES.filter((r) => r.domain === domain);
