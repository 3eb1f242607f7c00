import * as z from 'zod/mini';
import { createMapping, deleteMapping, getMapping, listMappings, updateMapping } from '../../mappings/mappings.js';
import { RESOURCE_TYPES } from '../../mappings/model.js';
import type { MappingSortField } from '../../mappings/ports.js';
import { createMappingSchema, MAPPING_READ_ONLY, patchMappingSchema } from '../../mappings/schemas.js';
import { deletedView, mappingView } from '../../mappings/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { booleanOf, enumsOf, listBody, pagingOf, pagingParams, parseQuery, type SortOptions, uuidsOf } from '../list-query.js';
import { mappingsContextOf, pathId } from './context.js';

// /v0/migration_mappings (contract §10). The permission a request needs follows the mapped
// resource_type; the use-cases check it through the context's access policy (permissions.ts).

const MAPPING_SORTS: SortOptions<MappingSortField> = { creation_time: null, last_updated_time: null };

export const mappingListQuery = z.strictObject({
  ...pagingParams,
  resource_id: z.optional(z.string()),
  old_resource_id: z.optional(z.string()),
  any_resource_id: z.optional(z.string()),
  resource_type: z.optional(z.string()),
  tenant: z.optional(z.string()),
  old_tenant: z.optional(z.string()),
  include_deleted: z.optional(z.string()),
});

const filtersOf = (request: ApiRequest) => {
  const q = parseQuery(request, mappingListQuery);
  return {
    resource_id: uuidsOf('resource_id', q.resource_id),
    old_resource_id: uuidsOf('old_resource_id', q.old_resource_id),
    any_resource_id: uuidsOf('any_resource_id', q.any_resource_id),
    resource_type: enumsOf('resource_type', q.resource_type, RESOURCE_TYPES),
    tenant: uuidsOf('tenant', q.tenant),
    old_tenant: uuidsOf('old_tenant', q.old_tenant),
    include_deleted: booleanOf('include_deleted', q.include_deleted),
  };
};

const create: Operation = async (request) => {
  const input = parseWith(createMappingSchema, withoutReadOnly(request.body, MAPPING_READ_ONLY));
  return created(mappingView(await createMapping(mappingsContextOf(request), input)));
};

const get: Operation = async (request) => ok(mappingView(await getMapping(mappingsContextOf(request), pathId(request, 'mapping_id'))));

const patch: Operation = async (request) => {
  const input = parseWith(patchMappingSchema, withoutReadOnly(request.body, MAPPING_READ_ONLY));
  return ok(mappingView(await updateMapping(mappingsContextOf(request), pathId(request, 'mapping_id'), input)));
};

const remove: Operation = async (request) =>
  ok(deletedView(await deleteMapping(mappingsContextOf(request), pathId(request, 'mapping_id'))));

const list: Operation = async (request) => {
  const filters = filtersOf(request);
  const { scope, limit, sortBy, ascending, cursor } = await pagingOf(request, filters, MAPPING_SORTS);
  const page = await listMappings(mappingsContextOf(request), {
    ...(filters.resource_id ? { resourceIds: filters.resource_id } : {}),
    ...(filters.old_resource_id ? { oldResourceIds: filters.old_resource_id } : {}),
    ...(filters.any_resource_id ? { anyResourceIds: filters.any_resource_id } : {}),
    ...(filters.resource_type ? { types: filters.resource_type } : {}),
    ...(filters.tenant ? { tenants: filters.tenant } : {}),
    ...(filters.old_tenant ? { oldTenants: filters.old_tenant } : {}),
    includeDeleted: filters.include_deleted ?? false,
    sortBy,
    ascending,
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return ok(listBody(request, 'migration_mappings', scope, page, mappingView));
};

export const mappingOperations = { create, get, patch, remove, list };
