import { dynamoHolderDirectory } from '../../adapters/dynamodb/account-directories.js';
import { dynamoAccountStore } from '../../adapters/dynamodb/account-store.js';
import { dynamoCustomerStore } from '../../adapters/dynamodb/customer-store.js';
import type { CustomersContext } from '../../customers/context.js';
import { systemClock } from '../../shared/clock.js';
import type { ApiRequest } from '../api-request.js';

export const customersContext = (request: ApiRequest): CustomersContext => ({
  tenantId: request.principal.tenantId,
  audit: request.audit,
  clock: systemClock,
  store: dynamoCustomerStore,
  // A verification outcome restricts or releases the holder's accounts (accounts/holder-kyc.ts).
  accounts: { accounts: dynamoAccountStore, holders: dynamoHolderDirectory },
});

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
