import type { MappingsContext } from '../../mappings/context.js';
import { mappingsContext } from '../../wiring/mappings.js';
import { type ApiRequest, scopeOf } from '../api-request.js';
import { mappingAccessOf } from './permissions.js';

export const mappingsContextOf = (request: ApiRequest): MappingsContext =>
  mappingsContext({ ...scopeOf(request), organizationId: request.principal.organizationId, access: mappingAccessOf(request) });

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
