import { migrationSummary, organizationOverview } from '../../operator/summary.js';
import { operatorContext } from '../../wiring/operator.js';
import { type Operation, ok } from '../api-request.js';

// The operator console's organization-scoped read path (Bankline extension, issue 13). The chain
// admits only keys holding organization:read (operator keys); the organization is the key's own.

const getOrganization: Operation = async (request) => ok(await organizationOverview(operatorContext(), request.principal.organizationId));

const getMigrationSummary: Operation = async (request) => ok(await migrationSummary(operatorContext(), request.principal.organizationId));

export const organizationOperations = { getOrganization, getMigrationSummary };
