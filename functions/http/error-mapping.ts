import { DomainError, type DomainErrorName, InternalError } from '../shared/domain-errors.js';
import { ApiError } from './api-error.js';

// The one place a failure gets its HTTP status: each domain error by name, an ApiError as it
// is, anything else a bare 500 that reveals nothing. Subclasses have their own entry, so a
// new error class does not compile until it has one.
const STATUS: Readonly<Record<DomainErrorName, number>> = {
  InvalidInput: 400,
  PrerequisitesMissing: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  ConcurrentModification: 409,
  IdempotencyKeyInUse: 409,
  IdempotencyKeyReuse: 422,
  RuleViolation: 422,
  NonZeroBalance: 422,
  InvalidTransition: 422,
  // Synctera's own status for a change to a closed account (contract §1.6).
  AccountClosed: 461,
  InternalError: 500,
  VendorRefused: 400,
  VendorUnavailable: 502,
};

export const statusOf = (error: DomainError): number =>
  // A vendor that did not answer in time is a 503 (retry later); one that failed, a 502.
  error.code === 'VENDOR_TIMEOUT' ? 503 : STATUS[error.name];

/** Whether the failure is one the code meant to answer with (a domain or HTTP error), not a crash. */
export const isExpected = (error: unknown): error is DomainError | ApiError => error instanceof DomainError || error instanceof ApiError;

export const toApiError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  const known = error instanceof DomainError ? error : new InternalError();
  return new ApiError(statusOf(known), known.code, known.detail);
};
