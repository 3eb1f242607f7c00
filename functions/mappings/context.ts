import type { AuditContext } from '../shared/audit.js';
import type { Clock } from '../shared/clock.js';
import type { MappingAccess, MappingStore, ResourceDirectory, TenantDirectory } from './ports.js';

/** Everything a mappings use-case needs from the outside, passed in so tests can supply it. */
export interface MappingsContext {
  /** The caller's tenant: the new or the old tenant of the mappings it touches. */
  tenantId: string;
  organizationId: string;
  audit: AuditContext;
  clock: Clock;
  access: MappingAccess;
  mappings: MappingStore;
  resources: ResourceDirectory;
  tenants: TenantDirectory;
}
