import { describe, expect, it } from 'vitest';
import {
  AccountClosed,
  AlreadyExists,
  badRequest,
  ConcurrentModification,
  Conflict,
  conflict,
  DomainError,
  Forbidden,
  forbidden,
  IdempotencyKeyInUse,
  IdempotencyKeyReuse,
  InternalError,
  internalError,
  InvalidInput,
  InvalidTransition,
  NonZeroBalance,
  NotFound,
  notFound,
  PrerequisitesMissing,
  RuleViolation,
  Unauthenticated,
  unauthorized,
  unprocessable,
} from '../../../functions/shared/errors.js';

// Domain errors carry a name, Synctera's code and a detail, and nothing about any transport:
// a workflow step catches them by class or by name. Their HTTP form: test/unit/http/error-mapping.test.ts.

describe('domain errors', () => {
  it('are Errors whose message is the detail, with no HTTP status', () => {
    const error = new NotFound('customer not found');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe('customer not found');
    expect(error).not.toHaveProperty('status');
  });

  it.each([
    [new InvalidInput('d'), 'InvalidInput', 'BAD_REQUEST_BODY'],
    [new InvalidInput('d', { code: 'BAD_HEADER', field: 'Idempotency-Key' }), 'InvalidInput', 'BAD_HEADER'],
    [new PrerequisitesMissing('d', ['ssn']), 'PrerequisitesMissing', 'PREREQUISITES_MISSING'],
    [new Unauthenticated(), 'Unauthenticated', 'UNAUTHORIZED'],
    [new Forbidden('d'), 'Forbidden', 'FORBIDDEN'],
    [new NotFound('d'), 'NotFound', 'NOT_FOUND'],
    [new Conflict('d'), 'Conflict', 'CONFLICT'],
    [new AlreadyExists('d'), 'AlreadyExists', 'ALREADY_EXISTS'],
    [new ConcurrentModification('d'), 'ConcurrentModification', 'CONCURRENT_MODIFICATION'],
    [new IdempotencyKeyInUse('d'), 'IdempotencyKeyInUse', 'IDEMPOTENCY_CONCURRENT_USE'],
    [new IdempotencyKeyReuse('d'), 'IdempotencyKeyReuse', 'IDEMPOTENCY_INVALID_REUSE'],
    [new RuleViolation('d'), 'RuleViolation', 'UNPROCESSABLE_ENTITY'],
    [new RuleViolation('d', { code: 'PREREQUISITES_MISSING' }), 'RuleViolation', 'PREREQUISITES_MISSING'],
    [new NonZeroBalance('d'), 'NonZeroBalance', 'NON_ZERO_BALANCE'],
    [new InvalidTransition('ACTIVE_OR_DISBURSED', 'RESTRICTED', 'why'), 'InvalidTransition', 'INVALID_STATUS_TRANSITION'],
    [new AccountClosed('d'), 'AccountClosed', 'ACCOUNT_CLOSED'],
    [new InternalError(), 'InternalError', 'INTERNAL_SERVER_ERROR'],
  ] as const)('%#: %s is named %s and carries %s', (error, name, code) => {
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('keep their family, so a step can catch a whole kind of refusal', () => {
    expect(new AlreadyExists('d')).toBeInstanceOf(Conflict);
    expect(new ConcurrentModification('d')).toBeInstanceOf(Conflict);
    expect(new IdempotencyKeyInUse('d')).toBeInstanceOf(Conflict);
    expect(new NonZeroBalance('d')).toBeInstanceOf(RuleViolation);
    expect(new InvalidTransition('A', 'B', 'why')).toBeInstanceOf(RuleViolation);
    expect(new AccountClosed('d')).toBeInstanceOf(RuleViolation);
    expect(new NotFound('d')).not.toBeInstanceOf(RuleViolation);
  });

  it('carry what a caller needs to act without parsing the detail', () => {
    const transition = new InvalidTransition('IN_CLOSING', 'ACTIVE_OR_DISBURSED', 'an account IN_CLOSING can only move to CLOSED');
    expect(transition).toMatchObject({ from: 'IN_CLOSING', to: 'ACTIVE_OR_DISBURSED' });
    expect(transition.detail).toBe(
      'status cannot change from IN_CLOSING to ACTIVE_OR_DISBURSED: an account IN_CLOSING can only move to CLOSED',
    );
    expect(new PrerequisitesMissing('d', ['dob', 'ssn']).missing).toEqual(['dob', 'ssn']);
    expect(new InvalidInput('d', { field: 'limit' }).field).toBe('limit');
    expect(new InvalidInput('d').field).toBeUndefined();
  });
});

describe('error factories', () => {
  it('notFound names the resource', () => {
    expect(notFound('business')).toMatchObject({ name: 'NotFound', detail: 'business not found' });
  });

  it('internalError reveals nothing about the cause', () => {
    expect(internalError().detail).toBe('an internal error occurred; retry later');
  });

  it('badRequest is an InvalidInput with the given code, or a PrerequisitesMissing', () => {
    const error = badRequest('limit is bad', 'BAD_QUERY_PARAMETER');
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.message).toBe('limit is bad');
    expect(error.code).toBe('BAD_QUERY_PARAMETER');
    expect(badRequest('x').code).toBe('BAD_REQUEST_BODY');
    expect(badRequest('x', 'PREREQUISITES_MISSING')).toBeInstanceOf(PrerequisitesMissing);
  });

  it('conflict and unprocessable pick the class their code stands for', () => {
    expect(conflict('x')).toMatchObject({ name: 'Conflict', code: 'CONFLICT' });
    expect(conflict('x', 'ALREADY_EXISTS')).toBeInstanceOf(AlreadyExists);
    expect(conflict('x', 'CONCURRENT_MODIFICATION')).toBeInstanceOf(ConcurrentModification);
    expect(conflict('x', 'IDEMPOTENCY_CONCURRENT_USE')).toBeInstanceOf(IdempotencyKeyInUse);
    expect(unprocessable('x')).toMatchObject({ name: 'RuleViolation', code: 'UNPROCESSABLE_ENTITY' });
    expect(unprocessable('x', 'PREREQUISITES_MISSING')).toMatchObject({ name: 'RuleViolation', code: 'PREREQUISITES_MISSING' });
    expect(unprocessable('x', 'NON_ZERO_BALANCE')).toBeInstanceOf(NonZeroBalance);
    expect(unprocessable('x', 'IDEMPOTENCY_INVALID_REUSE')).toBeInstanceOf(IdempotencyKeyReuse);
  });

  it('unauthorized and forbidden', () => {
    expect(unauthorized()).toMatchObject({ name: 'Unauthenticated', detail: 'missing or invalid API key' });
    expect(forbidden('no customer:write')).toMatchObject({ name: 'Forbidden', code: 'FORBIDDEN', detail: 'no customer:write' });
  });
});
