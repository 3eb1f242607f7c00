import { dynamoHolderDirectory, dynamoTenantDirectory } from '../../adapters/dynamodb/account-directories.js';
import { dynamoProductStore } from '../../adapters/dynamodb/account-product-store.js';
import { dynamoAccountStore } from '../../adapters/dynamodb/account-store.js';
import { dynamoTemplateStore } from '../../adapters/dynamodb/account-template-store.js';
import type { AccountsContext } from '../../accounts/context.js';
import { randomAccountNumbers } from '../../accounts/numbers.js';
import type { ApiVersion } from '../../accounts/views.js';
import { systemClock } from '../../shared/clock.js';
import type { ApiRequest } from '../api-request.js';

export const accountsContext = (request: ApiRequest): AccountsContext => ({
  tenantId: request.principal.tenantId,
  audit: request.audit,
  clock: systemClock,
  accounts: dynamoAccountStore,
  templates: dynamoTemplateStore,
  products: dynamoProductStore,
  holders: dynamoHolderDirectory,
  tenants: dynamoTenantDirectory,
  numbers: randomAccountNumbers,
});

/** `/v2/...` routes answer with the v2 superset fields (contract §2.13); same handlers otherwise. */
export const apiVersionOf = (request: ApiRequest): ApiVersion => (request.route.path.startsWith('/v2/') ? 'v2' : 'v0');

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
