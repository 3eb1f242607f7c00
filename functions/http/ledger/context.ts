import type { LedgerContext } from '../../ledger/context.js';
import { ledgerContext } from '../../wiring/ledger.js';
import { type ApiRequest, scopeOf } from '../api-request.js';

export const ledgerContextOf = (request: ApiRequest): LedgerContext => ledgerContext(scopeOf(request));

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
