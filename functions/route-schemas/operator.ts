// The operator console's read routes in the route schema registry (functions/route-schemas.ts).
import * as operatorResponses from '../operator/response-schemas.js';
import type { RouteSchemas } from './entry.js';

export const OPERATOR_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // The operator console's organization-scoped read path (issue 13, a Bankline extension).
  getOperatorOrganization: { responses: { 200: operatorResponses.organizationResponseSchema }, extension: true },
  getMigrationSummary: { responses: { 200: operatorResponses.migrationSummarySchema }, extension: true },
};
