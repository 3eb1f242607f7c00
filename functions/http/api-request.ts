import type { Route } from '../routes.js';
import type { Principal } from '../tenancy/model.js';
import type { AuditContext } from '../shared/audit.js';
import { systemClock } from '../shared/clock.js';
import type { UseCaseScope } from '../shared/scope.js';

export type { AuditContext };

/** What a domain operation sees: everything already authenticated, parsed and bounded. */
export interface ApiRequest {
  route: Route;
  principal: Principal;
  pathParameters: Readonly<Record<string, string>>;
  /** Single string per name; repeated names are joined with commas, Synctera's array style. */
  query: Readonly<Record<string, string>>;
  body: unknown;
  audit: AuditContext;
  /**
   * The client's Idempotency-Key, when the route is idempotent and this request holds the key:
   * money movements record it, so `?idempotency_key=` finds them and `idemkey` shows it.
   */
  idempotencyKey?: string;
}

export interface ApiResponse {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Operation = (request: ApiRequest) => Promise<ApiResponse>;

/** What the wiring needs to run a use-case for this request: its principal's tenant, its audit, real time. */
export const scopeOf = (request: ApiRequest): UseCaseScope => ({
  tenantId: request.principal.tenantId,
  audit: request.audit,
  clock: systemClock,
});

export const ok = (body: unknown): ApiResponse => ({ statusCode: 200, body });
export const created = (body: unknown): ApiResponse => ({ statusCode: 201, body });
