// The operator console's organization-scoped read path, in the one route table (functions/routes.ts).
import { ORGANIZATION_READ } from './permissions.js';
import { route, type Route } from './route.js';

export const OPERATOR_ROUTES: readonly Route[] = [
  // The operator console's organization-scoped read path (issue 13, Bankline extension): operator keys only.
  route('GET', '/v0/operator/organization', 'operator', 'getOperatorOrganization', ORGANIZATION_READ, { organizationScoped: true }),
  route('GET', '/v0/operator/migration_summary', 'operator', 'getMigrationSummary', ORGANIZATION_READ, { organizationScoped: true }),
];
