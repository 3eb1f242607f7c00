import { createDomainHandler } from './create-domain-handler.js';
import { organizationOperations } from './operator/organization-operations.js';

// Operator domain Lambda: the console's organization-scoped reads (operator keys only).
export const handler = createDomainHandler('operator', {
  getOperatorOrganization: organizationOperations.getOrganization,
  getMigrationSummary: organizationOperations.getMigrationSummary,
});
