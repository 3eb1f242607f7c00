import type { CustomersContext } from '../../customers/context.js';
import { customersContext as wiredCustomersContext } from '../../wiring/customers.js';
import { type ApiRequest, scopeOf } from '../api-request.js';

export const customersContext = (request: ApiRequest): CustomersContext => wiredCustomersContext(scopeOf(request));

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
