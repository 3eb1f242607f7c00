import type { MappingAccess } from '../../mappings/ports.js';
import { RESOURCE_TYPES, type ResourceType } from '../../mappings/model.js';
import { permissionFamilyOf } from '../../mappings/rules.js';
import type { Permission } from '../../routes.js';
import { forbidden } from '../../shared/errors.js';
import type { Principal } from '../../tenancy/model.js';

// A migration mapping's permission follows the resource it maps (contract §10.6): PERSON and
// BUSINESS need customer:read/write, ACCOUNT account:read/write. The route table cannot say
// that (it depends on the body or the stored mapping), so the operations check it here.

type Action = 'read' | 'write';

const permissionFor = (type: ResourceType, action: Action): Permission => `${permissionFamilyOf(type)}:${action}`;

/** 403 naming the first missing permission unless the key may `action` mappings of every type given. */
export const requireMappingPermission = (request: { principal: Principal }, types: readonly ResourceType[], action: Action): void => {
  for (const permission of new Set(types.map((type) => permissionFor(type, action)))) {
    if (!request.principal.permissions.includes(permission)) throw forbidden(`this API key lacks the ${permission} permission`);
  }
};

/** The types whose mappings the key may read; a key that may read none is refused. */
export const readableMappingTypes = (request: { principal: Principal }): ResourceType[] => {
  const types = RESOURCE_TYPES.filter((type) => request.principal.permissions.includes(permissionFor(type, 'read')));
  if (types.length === 0) throw forbidden('this API key lacks the customer:read or account:read permission');
  return types;
};

export const mappingAccessOf = (principal: Principal): MappingAccess => ({
  require: (types, action) => requireMappingPermission({ principal }, types, action),
  readableTypes: () => readableMappingTypes({ principal }),
});
