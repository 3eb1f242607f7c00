import type { AccountsContext } from '../../accounts/context.js';
import type { ApiVersion } from '../../accounts/views.js';
import { accountsContext as wiredAccountsContext } from '../../wiring/accounts.js';
import { type ApiRequest, scopeOf } from '../api-request.js';

export const accountsContext = (request: ApiRequest): AccountsContext => wiredAccountsContext(scopeOf(request));

/** `/v2/...` routes answer with the v2 superset fields (contract §2.13); same handlers otherwise. */
export const apiVersionOf = (request: ApiRequest): ApiVersion => (request.route.path.startsWith('/v2/') ? 'v2' : 'v0');

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
