import { dynamoMappingTenantDirectory, dynamoResourceDirectory } from '../adapters/dynamodb/mapping-directories.js';
import { dynamoMappingStore } from '../adapters/dynamodb/mapping-store.js';
import type { MappingsContext } from '../mappings/context.js';
import type { MappingAccess } from '../mappings/ports.js';
import type { UseCaseScope } from '../shared/scope.js';

// The mappings domain's ports bound to their adapters: the one place a mappings use-case gets its
// context, whoever calls it (the HTTP handler, the migrate CLI).

export interface MappingsScope extends UseCaseScope {
  /** The caller's organization: both tenants of a mapping must belong to it. */
  organizationId: string;
  /** What the caller may read and write, by mapped resource type. */
  access: MappingAccess;
}

export const mappingsContext = ({ tenantId, organizationId, audit, clock, access }: MappingsScope): MappingsContext => ({
  tenantId,
  organizationId,
  audit,
  clock,
  access,
  mappings: dynamoMappingStore,
  resources: dynamoResourceDirectory,
  tenants: dynamoMappingTenantDirectory,
});
