import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../functions/accounts/enums.js';
import { assertNotTerminal, checkTransition, INITIAL_STATUSES, statusDates } from '../../../functions/accounts/status-rules.js';
import { AccountClosed, type DomainError, InvalidTransition } from '../../../functions/shared/errors.js';
import { accountRecord } from './records.js';

// The transition table of status-rules.ts, row by row: what is allowed, and the rule named
// when it is not.

const rejection = (from: AccountStatus, to: AccountStatus, note?: string): DomainError => {
  try {
    checkTransition(from, to, note);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${from} -> ${to} was allowed`);
};

describe('checkTransition', () => {
  it.each([
    ['ACCOUNT_NEVER_ACTIVE', 'ACTIVE_OR_DISBURSED'],
    ['APPLICATION_SUBMITTED', 'ACTIVE_OR_DISBURSED'],
    ['ACTIVATED_NOT_DISBURSED', 'ACTIVE_OR_DISBURSED'],
    ['AWAITING_FIXING', 'ACTIVE_OR_DISBURSED'],
    ['ACCOUNT_NEVER_ACTIVE', 'ACCOUNT_NOT_DESIRED'],
  ] as const)('allows %s -> %s without conditions', (from, to) => {
    expect(checkTransition(from, to, undefined)).toEqual({ zeroBalance: false });
  });

  it.each([
    ['ACTIVE_OR_DISBURSED', 'IN_CLOSING'],
    ['ACTIVE_OR_DISBURSED', 'CLOSED'],
    ['IN_CLOSING', 'CLOSED'],
    ['ACCOUNT_NEVER_ACTIVE', 'CLOSED'],
    ['RESTRICTED', 'IN_CLOSING'],
    ['FAILED_KYC', 'CLOSED'],
    ['DELINQUENT', 'IN_CLOSING'],
  ] as const)('allows %s -> %s at zero balance only', (from, to) => {
    expect(checkTransition(from, to, undefined)).toEqual({ zeroBalance: true });
  });

  it('needs a note to enter or leave SUSPENDED', () => {
    expect(checkTransition('ACTIVE_OR_DISBURSED', 'SUSPENDED', 'fraud review')).toEqual({ zeroBalance: false });
    expect(checkTransition('SUSPENDED', 'ACTIVE_OR_DISBURSED', 'cleared')).toEqual({ zeroBalance: false });
    expect(checkTransition('SUSPENDED', 'CLOSED', 'closing')).toEqual({ zeroBalance: true });
    expect(rejection('ACTIVE_OR_DISBURSED', 'SUSPENDED')).toMatchObject({
      name: 'InvalidInput',
      detail: expect.stringContaining('note is required'),
    });
    expect(rejection('SUSPENDED', 'ACTIVE_OR_DISBURSED', '')).toMatchObject({
      name: 'InvalidInput',
      detail: expect.stringContaining('(SUSPENDED to ACTIVE_OR_DISBURSED)'),
    });
  });

  it.each(['ACTIVE_OR_DISBURSED', 'SUSPENDED', 'ACCOUNT_NEVER_ACTIVE'] as const)('lets IN_CLOSING go nowhere but CLOSED (not %s)', (to) => {
    expect(rejection('IN_CLOSING', to, 'note')).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      from: 'IN_CLOSING',
      to,
      detail: expect.stringContaining('IN_CLOSING can only move to CLOSED'),
    });
  });

  it.each(['RESTRICTED', 'FAILED_KYC', 'DELINQUENT', 'CHARGED_OFF'] as const)('keeps %s for the platform', (to) => {
    expect(rejection('ACTIVE_OR_DISBURSED', to)).toMatchObject({
      name: 'InvalidTransition',
      detail: expect.stringContaining(`${to} is set by the platform only`),
    });
  });

  it.each(['RESTRICTED', 'FAILED_KYC', 'DELINQUENT'] as const)('lets only the platform lift %s', (from) => {
    expect(rejection(from, 'ACTIVE_OR_DISBURSED')).toMatchObject({
      name: 'InvalidTransition',
      detail: expect.stringContaining(`${from} is lifted by the platform`),
    });
  });

  it('never returns an active account to a pre-activation status', () => {
    expect(rejection('ACTIVE_OR_DISBURSED', 'ACCOUNT_NEVER_ACTIVE')).toMatchObject({
      name: 'InvalidTransition',
      detail: expect.stringContaining('pre-activation'),
    });
    expect(rejection('SUSPENDED', 'ACTIVATED_NOT_DISBURSED', 'n')).toBeInstanceOf(InvalidTransition);
  });

  it('treats an unchanged status as no transition', () => {
    expect(checkTransition('IN_CLOSING', 'IN_CLOSING', undefined)).toEqual({ zeroBalance: false });
  });
});

describe('around the table', () => {
  it('refuses any change to CLOSED and CHARGED_OFF accounts (AccountClosed, 461 on the wire)', () => {
    expect(() => assertNotTerminal(accountRecord({ status: 'CLOSED' }))).toThrow(
      expect.objectContaining({ name: 'AccountClosed', code: 'ACCOUNT_CLOSED' }),
    );
    expect(() => assertNotTerminal(accountRecord({ status: 'CHARGED_OFF' }))).toThrow(AccountClosed);
    expect(() => assertNotTerminal(accountRecord({ status: 'IN_CLOSING' }))).not.toThrow();
  });

  it('starts accounts only in pre-active statuses or ACTIVE_OR_DISBURSED', () => {
    expect(INITIAL_STATUSES).toContain('ACTIVE_OR_DISBURSED');
    for (const status of ['RESTRICTED', 'SUSPENDED', 'IN_CLOSING', 'CLOSED', 'CHARGED_OFF', 'DELINQUENT', 'FAILED_KYC'])
      expect(INITIAL_STATUSES).not.toContain(status);
  });

  it('stamps close_date and in_closing_date', () => {
    expect(statusDates('CLOSED', '2024-05-01')).toEqual({ close_date: '2024-05-01' });
    expect(statusDates('IN_CLOSING', '2024-05-01')).toEqual({ in_closing_date: '2024-05-01' });
    expect(statusDates('SUSPENDED', '2024-05-01')).toEqual({});
  });
});
