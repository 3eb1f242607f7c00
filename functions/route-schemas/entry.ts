// What one entry of the route schema registry holds (functions/route-schemas.ts), and the status
// several areas' routes answer.
import type * as z from 'zod/mini';

type Schema = z.ZodMiniType;

export interface RouteSchemas {
  /** The query string's schema (the one the operation passes to parseQuery). */
  readonly query?: Schema;
  /** The JSON body's schema (the one the operation passes to parseWith). */
  readonly body?: Schema;
  /** Success answers by status; `null` for a status without a body (204). */
  readonly responses: Readonly<Record<number, Schema | null>>;
  /** Error statuses this route answers beyond the ones every route of its kind can (lib/openapi/errors.ts). */
  readonly errors?: readonly number[];
  /** A Bankline extension: Synctera has no such route. */
  readonly extension?: boolean;
  /** Top-level fields of the body or the success answer that Synctera does not have. */
  readonly extensionFields?: readonly string[];
}

/** The account is closed (contract §3): a route that writes to an account can answer it. */
export const ACCOUNT_CLOSED = 461;
