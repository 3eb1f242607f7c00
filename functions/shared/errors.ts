// Shorthands for the domain errors (domain-errors.ts), with the details worded one way
// everywhere. Each picks the named class its code stands for, so `badRequest(d,
// 'PREREQUISITES_MISSING')` is a PrerequisitesMissing, `conflict(d, 'ALREADY_EXISTS')` an
// AlreadyExists. What a client receives is decided at the edge (functions/http/error-mapping.ts).
import {
  AlreadyExists,
  ConcurrentModification,
  Conflict,
  type DomainErrorCode,
  Forbidden,
  IdempotencyKeyInUse,
  IdempotencyKeyReuse,
  type InputErrorCode,
  InternalError,
  InvalidInput,
  NonZeroBalance,
  NotFound,
  PrerequisitesMissing,
  RuleViolation,
  Unauthenticated,
} from './domain-errors.js';

export * from './domain-errors.js';

/** Any `code` a domain error carries. */
export type ErrorCode = DomainErrorCode;

export const badRequest = (
  detail: string,
  code: InputErrorCode | 'PREREQUISITES_MISSING' = 'BAD_REQUEST_BODY',
): InvalidInput | PrerequisitesMissing =>
  code === 'PREREQUISITES_MISSING' ? new PrerequisitesMissing(detail) : new InvalidInput(detail, { code });

export const unauthorized = (detail?: string): Unauthenticated => new Unauthenticated(detail);

export const forbidden = (detail: string): Forbidden => new Forbidden(detail);

/** `what` is the resource as the client named it: `notFound('customer')` → "customer not found". */
export const notFound = (what: string): NotFound => new NotFound(`${what} not found`);

export const conflict = (
  detail: string,
  code: 'CONFLICT' | 'ALREADY_EXISTS' | 'CONCURRENT_MODIFICATION' | 'IDEMPOTENCY_CONCURRENT_USE' = 'CONFLICT',
): Conflict => {
  switch (code) {
    case 'ALREADY_EXISTS':
      return new AlreadyExists(detail);
    case 'CONCURRENT_MODIFICATION':
      return new ConcurrentModification(detail);
    case 'IDEMPOTENCY_CONCURRENT_USE':
      return new IdempotencyKeyInUse(detail);
    default:
      return new Conflict(detail);
  }
};

export const unprocessable = (
  detail: string,
  code: 'UNPROCESSABLE_ENTITY' | 'PREREQUISITES_MISSING' | 'NON_ZERO_BALANCE' | 'IDEMPOTENCY_INVALID_REUSE' = 'UNPROCESSABLE_ENTITY',
): RuleViolation | IdempotencyKeyReuse => {
  switch (code) {
    case 'NON_ZERO_BALANCE':
      return new NonZeroBalance(detail);
    case 'IDEMPOTENCY_INVALID_REUSE':
      return new IdempotencyKeyReuse(detail);
    default:
      return new RuleViolation(detail, { code });
  }
};

export const internalError = (): InternalError => new InternalError();
