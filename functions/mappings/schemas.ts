import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { RESOURCE_TYPES } from './model.js';

// Request bodies (contract §10.3, §10.4). Every id Bankline issues is a UUID, so a resource or
// tenant id that is not one is refused by name before anything is read.

const resourceType = z.enum(RESOURCE_TYPES);

export const createMappingSchema = z.strictObject({
  resource_type: resourceType,
  resource_id: uuid,
  old_tenant: uuid,
  old_resource_id: uuid,
  /** The new tenant; may be left out when the caller is the new tenant. */
  tenant: z.optional(uuid),
});
export type CreateMappingInput = z.infer<typeof createMappingSchema>;

export const patchMappingSchema = z.strictObject({
  resource_type: z.optional(resourceType),
  resource_id: z.optional(uuid),
  old_tenant: z.optional(uuid),
  old_resource_id: z.optional(uuid),
  /** Fixed (the mapping is stored under it): accepted only when it names the current tenant. */
  tenant: z.optional(uuid),
});
export type PatchMappingInput = z.infer<typeof patchMappingSchema>;

/** Server-owned fields a client may echo back from a GET; accepted and ignored. */
export const MAPPING_READ_ONLY = ['id', 'creation_time', 'last_updated_time', 'deletion_time'] as const;
