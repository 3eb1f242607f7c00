import type { LedgerContext } from '../../ledger/context.js';
import { tenantLedgerContext } from '../../wiring/ledger.js';
import { forbidden } from '../../shared/errors.js';
import { isSandboxStage } from '../../shared/stage.js';
import { type ApiRequest, scopeOf } from '../api-request.js';

export const ledgerContextOf = (request: ApiRequest): Promise<LedgerContext> => tenantLedgerContext(scopeOf(request));

/** Sandbox-only routes (the clock, simulations, wipe) refuse on production stages. */
export const assertSandbox = (): void => {
  if (!isSandboxStage()) throw forbidden('this route exists on sandbox stages only');
};

/** Path parameters are validated as UUIDs before any operation runs. */
export const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};
