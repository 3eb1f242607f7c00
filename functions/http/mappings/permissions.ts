import type { ResourceType } from '../../mappings/model.js';
import type { AccessAction, MappingAccess } from '../../mappings/ports.js';
import { possiblePermissions } from '../../routes.js';
import type { ApiRequest } from '../api-request.js';
import { permittedResourceTypes, requirePermissionFor } from '../permissions.js';

// A migration mapping's permission follows the resource it maps (contract §10.6): the routes
// declare it per resource type (routes.ts followsResourceType), and the use-cases ask here once
// they know the type (from the body, or from the stored mapping).

export const mappingAccessOf = (request: ApiRequest): MappingAccess => {
  // The route fixes the action (read on GET, write otherwise); a use-case asking for another is a bug.
  const assertAction = (action: AccessAction) => {
    if (!possiblePermissions(request.route.permission).every((p) => p.endsWith(`:${action}`))) {
      throw new Error(`${request.route.operation} checks ${action} permissions its route does not declare`);
    }
  };
  return {
    require: (types, action) => {
      assertAction(action);
      const [first, ...rest] = types;
      if (first !== undefined) requirePermissionFor(request, first, ...rest);
    },
    readableTypes: () => {
      assertAction('read');
      return permittedResourceTypes(request) as ResourceType[];
    },
  };
};
