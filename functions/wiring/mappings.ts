import { dynamoMappingTenantDirectory, dynamoResourceDirectory } from '../adapters/dynamodb/mapping-directories.js';
import { dynamoMappingStore } from '../adapters/dynamodb/mapping-store.js';
import type { MappingsContext } from '../mappings/context.js';
import type { MappingAccess } from '../mappings/ports.js';
import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { Principal } from '../tenancy/model.js';

// Composition root of the mappings domain: the use-cases' context for one caller, on DynamoDB.
// The HTTP handler and the migrate CLI build it the same way.

export interface MappingsWiringInput {
  principal: Pick<Principal, 'tenantId' | 'organizationId'>;
  audit: AuditContext;
  clock: Clock;
  /** What the caller may read and write, by mapped resource type (http/mappings/permissions.ts). */
  access: MappingAccess;
}

export const mappingsContext = ({ principal, audit, clock, access }: MappingsWiringInput): MappingsContext => ({
  tenantId: principal.tenantId,
  organizationId: principal.organizationId,
  audit,
  clock,
  access,
  mappings: dynamoMappingStore,
  resources: dynamoResourceDirectory,
  tenants: dynamoMappingTenantDirectory,
});
