import { dynamoMappingCounter, dynamoOrganizationDirectory } from '../adapters/dynamodb/operator-directories.js';
import type { OperatorContext } from '../operator/ports.js';

// The operator read path's ports bound to the table. Organization-scoped: no tenant scope.
export const operatorContext = (): OperatorContext => ({
  organizations: dynamoOrganizationDirectory,
  mappings: dynamoMappingCounter,
});
