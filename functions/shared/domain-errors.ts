// What a use-case, rule or adapter throws when it refuses: a named error carrying Synctera's
// `code` and a detail a client may read. No transport here: each edge (HTTP, workflow task,
// queue) maps these once; the HTTP mapping (status, body) is functions/http/error-mapping.ts.
// Catch them by class (`error instanceof NotFound`) or by `error.name` where classes may be
// bundled twice (a workflow task's serialised error).

/** Synctera's `code` values a domain error can carry (contract §1.6). */
export type DomainErrorCode =
  | InputErrorCode
  | 'PREREQUISITES_MISSING'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ALREADY_EXISTS'
  | 'CONCURRENT_MODIFICATION'
  | 'IDEMPOTENCY_CONCURRENT_USE'
  | 'IDEMPOTENCY_INVALID_REUSE'
  | 'UNPROCESSABLE_ENTITY'
  | 'NON_ZERO_BALANCE'
  | 'INVALID_STATUS_TRANSITION'
  | 'ACCOUNT_CLOSED'
  | 'INTERNAL_SERVER_ERROR'
  | VendorErrorCode;

/**
 * An aggregator's (Plaid's, Finicity's) refusal, under the vendor's own code so a client can
 * branch on it (contract §9.6); VENDOR_ERROR for a code Bankline does not list; the two
 * VENDOR_UNAVAILABLE / VENDOR_TIMEOUT for a vendor that failed or did not answer.
 */
export type VendorErrorCode =
  | 'ITEM_LOGIN_REQUIRED'
  | 'ITEM_LOCKED'
  | 'ITEM_NOT_FOUND'
  | 'INVALID_CREDENTIALS'
  | 'INSTITUTION_NOT_RESPONDING'
  | 'INSTITUTION_DOWN'
  | 'NO_AUTH_ACCOUNTS'
  | 'NO_ACCOUNTS'
  | 'PRODUCTS_NOT_SUPPORTED'
  | 'PRODUCT_NOT_READY'
  | 'INVALID_PUBLIC_TOKEN'
  | 'INVALID_ACCESS_TOKEN'
  | 'INCORRECT_DEPOSIT_VERIFICATION'
  | 'TOO_MANY_VERIFICATION_ATTEMPTS'
  | 'VENDOR_RATE_LIMITED'
  | 'VENDOR_ERROR'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_TIMEOUT';

/** Malformed input, by where it was found. */
export type InputErrorCode = 'BAD_REQUEST_BODY' | 'BAD_QUERY_PARAMETER' | 'BAD_PATH_PARAMETER' | 'BAD_HEADER' | 'BAD_REQUEST';

/** Every concrete domain error, by `name`: an edge's mapping table is keyed on exactly these. */
export type DomainErrorName =
  | 'InvalidInput'
  | 'PrerequisitesMissing'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'NotFound'
  | 'Conflict'
  | 'AlreadyExists'
  | 'ConcurrentModification'
  | 'IdempotencyKeyInUse'
  | 'IdempotencyKeyReuse'
  | 'RuleViolation'
  | 'NonZeroBalance'
  | 'InvalidTransition'
  | 'AccountClosed'
  | 'InternalError'
  | 'VendorRefused'
  | 'VendorUnavailable';

export abstract class DomainError extends Error {
  declare readonly name: DomainErrorName;

  protected constructor(
    name: DomainErrorName,
    readonly code: DomainErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = name;
  }
}

/** The request is malformed: a body, query, path or header value. `field` names it when one does. */
export class InvalidInput extends DomainError {
  readonly field?: string;

  constructor(detail: string, options: { code?: InputErrorCode; field?: string } = {}) {
    super('InvalidInput', options.code ?? 'BAD_REQUEST_BODY', detail);
    this.field = options.field;
  }
}

/** The resource the request acts on lacks fields the operation needs (a KYC run's person). */
export class PrerequisitesMissing extends DomainError {
  constructor(
    detail: string,
    readonly missing: readonly string[] = [],
  ) {
    super('PrerequisitesMissing', 'PREREQUISITES_MISSING', detail);
  }
}

/** No valid credentials. */
export class Unauthenticated extends DomainError {
  constructor(detail = 'missing or invalid API key') {
    super('Unauthenticated', 'UNAUTHORIZED', detail);
  }
}

/** The caller may not do this (a missing permission, a platform-only resource). */
export class Forbidden extends DomainError {
  constructor(detail: string) {
    super('Forbidden', 'FORBIDDEN', detail);
  }
}

/** No such resource for this caller: another tenant's resource is indistinguishable from none. */
export class NotFound extends DomainError {
  constructor(detail: string) {
    super('NotFound', 'NOT_FOUND', detail);
  }
}

/** The request collides with the resource's current state. */
export class Conflict extends DomainError {
  constructor(detail: string) {
    super('Conflict', 'CONFLICT', detail);
  }
}

/** A unique name or number is taken. */
export class AlreadyExists extends Conflict {
  override readonly name: DomainErrorName = 'AlreadyExists';
  override readonly code: DomainErrorCode = 'ALREADY_EXISTS';
}

/** Other writers kept winning the race for the same item; retrying later may succeed. */
export class ConcurrentModification extends Conflict {
  override readonly name: DomainErrorName = 'ConcurrentModification';
  override readonly code: DomainErrorCode = 'CONCURRENT_MODIFICATION';
}

/** Another request holds (or has just applied) this Idempotency-Key; retrying later replays it. */
export class IdempotencyKeyInUse extends Conflict {
  override readonly name: DomainErrorName = 'IdempotencyKeyInUse';
  override readonly code: DomainErrorCode = 'IDEMPOTENCY_CONCURRENT_USE';
}

/** The Idempotency-Key was used for a different request. */
export class IdempotencyKeyReuse extends DomainError {
  constructor(detail: string) {
    super('IdempotencyKeyReuse', 'IDEMPOTENCY_INVALID_REUSE', detail);
  }
}

/**
 * Well-formed, but a business rule refuses it. PREREQUISITES_MISSING here means a related
 * resource lacks what the rule needs (an AUTHORIZED_USER's name for the OFAC screen).
 */
export class RuleViolation extends DomainError {
  constructor(detail: string, options: { code?: 'UNPROCESSABLE_ENTITY' | 'PREREQUISITES_MISSING' } = {}) {
    super('RuleViolation', options.code ?? 'UNPROCESSABLE_ENTITY', detail);
  }
}

/** Closing needs a zero balance and no holds. */
export class NonZeroBalance extends RuleViolation {
  override readonly name: DomainErrorName = 'NonZeroBalance';
  override readonly code: DomainErrorCode = 'NON_ZERO_BALANCE';
}

/** A status change the lifecycle does not allow. */
export class InvalidTransition extends RuleViolation {
  override readonly name: DomainErrorName = 'InvalidTransition';
  override readonly code: DomainErrorCode = 'INVALID_STATUS_TRANSITION';

  constructor(
    readonly from: string,
    readonly to: string,
    why: string,
  ) {
    super(`status cannot change from ${from} to ${to}: ${why}`);
  }
}

/** The account is CLOSED or CHARGED_OFF: nothing about it changes any more. */
export class AccountClosed extends RuleViolation {
  override readonly name: DomainErrorName = 'AccountClosed';
  override readonly code: DomainErrorCode = 'ACCOUNT_CLOSED';
}

/** An invariant the platform keeps is broken; the detail reveals nothing about the cause. */
export class InternalError extends DomainError {
  constructor() {
    super('InternalError', 'INTERNAL_SERVER_ERROR', 'an internal error occurred; retry later');
  }
}

/** The aggregator refused the request; `detail` says what the client or its user must do. */
export class VendorRefused extends DomainError {
  constructor(code: VendorErrorCode, detail: string) {
    super('VendorRefused', code, detail);
  }
}

/** The aggregator failed (5xx) or did not answer in time: nothing was written, retry later (same Idempotency-Key). */
export class VendorUnavailable extends DomainError {
  constructor(code: 'VENDOR_UNAVAILABLE' | 'VENDOR_TIMEOUT', detail: string) {
    super('VendorUnavailable', code, detail);
  }
}
