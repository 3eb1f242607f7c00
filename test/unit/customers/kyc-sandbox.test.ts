import { describe, expect, it } from 'vitest';
import {
  missingBusinessPrerequisites,
  missingPersonPrerequisites,
  overallStatus,
  sandboxBusinessChecks,
  sandboxPersonChecks,
} from '../../../functions/customers/kyc-sandbox.js';
import type { CheckResult } from '../../../functions/customers/model.js';
import { businessRecord as business, personRecord as person } from './records.js';

const results = (checks: { verification_type: string; result: CheckResult }[]) =>
  Object.fromEntries(checks.map((c) => [c.verification_type, c.result]));

describe('sandbox person checks (keyed on last_name)', () => {
  it('accepts identity and watchlist by default', () => {
    expect(results(sandboxPersonChecks(person()))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
  });

  it.each([
    ['Rejected', { IDENTITY: 'REJECTED', WATCHLIST: 'ACCEPTED' }, 'REJECTED'],
    ['Review', { IDENTITY: 'REVIEW', WATCHLIST: 'ACCEPTED' }, 'REVIEW'],
    ['Provisional', { IDENTITY: 'PROVISIONAL', WATCHLIST: 'ACCEPTED' }, 'PROVISIONAL'],
    ['Watchlist', { IDENTITY: 'ACCEPTED', WATCHLIST: 'REVIEW' }, 'REVIEW'],
    ['Sanctioned', { IDENTITY: 'ACCEPTED', WATCHLIST: 'REJECTED' }, 'REJECTED'],
    ['VendorError', { IDENTITY: 'VENDOR_ERROR', WATCHLIST: 'ACCEPTED' }, 'REVIEW'],
  ] as const)('last name %s scripts %o, overall %s', (lastName, expected, overall) => {
    const checks = sandboxPersonChecks(person({ last_name: lastName }));
    expect(results(checks)).toEqual(expected);
    expect(overallStatus(checks.map((c) => c.result))).toBe(overall);
  });

  it('matches the trigger name case-insensitively and ignores surrounding spaces', () => {
    expect(results(sandboxPersonChecks(person({ last_name: 'REJECTED' }))).IDENTITY).toBe('REJECTED');
    expect(results(sandboxPersonChecks(person({ last_name: '  sanctioned ' }))).WATCHLIST).toBe('REJECTED');
    expect(results(sandboxPersonChecks(person({ last_name: 'vendorERROR' }))).IDENTITY).toBe('VENDOR_ERROR');
  });

  it('only scripts on the last name, not the first name or a partial match', () => {
    expect(results(sandboxPersonChecks(person({ first_name: 'Rejected' })))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
    expect(results(sandboxPersonChecks(person({ last_name: 'Rejectedson' })))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
  });

  it('describes each check with its type and result', () => {
    const [identity] = sandboxPersonChecks(person({ last_name: 'Review' }));
    expect(identity).toEqual({ verification_type: 'IDENTITY', result: 'REVIEW', description: 'sandbox identity check: REVIEW' });
  });
});

describe('sandbox business checks (keyed on entity_name)', () => {
  it('accepts by default', () => {
    expect(results(sandboxBusinessChecks(business()))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
  });

  it.each([
    ['Unregistered Business', 'REJECTED'],
    ['Similar Name Business', 'REVIEW'],
    ['Provisional Business', 'PROVISIONAL'],
    ['Watchlist Business', 'REVIEW'],
  ] as const)('%s → %s overall', (name, overall) => {
    expect(overallStatus(sandboxBusinessChecks(business({ entity_name: name })).map((c) => c.result))).toBe(overall);
  });

  it('scripts the watchlist check for Watchlist Business, identity for the others', () => {
    expect(results(sandboxBusinessChecks(business({ entity_name: 'Watchlist Business' })))).toEqual({
      IDENTITY: 'ACCEPTED',
      WATCHLIST: 'REVIEW',
    });
    expect(results(sandboxBusinessChecks(business({ entity_name: 'Unregistered Business' })))).toEqual({
      IDENTITY: 'REJECTED',
      WATCHLIST: 'ACCEPTED',
    });
  });

  it('matches case-insensitively', () => {
    expect(results(sandboxBusinessChecks(business({ entity_name: 'UNREGISTERED business' }))).IDENTITY).toBe('REJECTED');
  });

  it('does not use the person triggers for businesses', () => {
    expect(results(sandboxBusinessChecks(business({ entity_name: 'Rejected' })))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
  });

  it('accepts a business with no entity name (no script applies)', () => {
    expect(results(sandboxBusinessChecks(business({ entity_name: undefined })))).toEqual({ IDENTITY: 'ACCEPTED', WATCHLIST: 'ACCEPTED' });
  });
});

describe('overallStatus', () => {
  it('lets one rejection win over everything', () => {
    expect(overallStatus(['ACCEPTED', 'REVIEW', 'PROVISIONAL', 'VENDOR_ERROR', 'REJECTED'])).toBe('REJECTED');
  });

  it('needs review for REVIEW or VENDOR_ERROR, over PROVISIONAL', () => {
    expect(overallStatus(['PROVISIONAL', 'REVIEW'])).toBe('REVIEW');
    expect(overallStatus(['PROVISIONAL', 'VENDOR_ERROR'])).toBe('REVIEW');
  });

  it('is PROVISIONAL when the worst is provisional', () => {
    expect(overallStatus(['ACCEPTED', 'PROVISIONAL'])).toBe('PROVISIONAL');
  });

  it('is ACCEPTED only when every check is accepted', () => {
    expect(overallStatus(['ACCEPTED', 'ACCEPTED'])).toBe('ACCEPTED');
  });
});

describe('prerequisites', () => {
  it('are satisfied by a complete person', () => {
    expect(missingPersonPrerequisites(person())).toEqual([]);
  });

  it.each(['first_name', 'last_name', 'dob', 'email', 'phone_number', 'legal_address', 'ssn'] as const)(
    'name %s when a person lacks it',
    (field) => {
      expect(missingPersonPrerequisites(person({ [field]: undefined }))).toEqual([field]);
    },
  );

  it('treat an empty string as missing and list every missing field in order', () => {
    const bare = person({ first_name: '', dob: undefined, ssn: undefined, email: undefined });
    expect(missingPersonPrerequisites(bare)).toEqual(['first_name', 'dob', 'email', 'ssn']);
  });

  it('for a business are entity_name and legal_address', () => {
    expect(missingBusinessPrerequisites(business())).toEqual([]);
    expect(missingBusinessPrerequisites(business({ entity_name: undefined }))).toEqual(['entity_name']);
    expect(missingBusinessPrerequisites(business({ legal_address: undefined }))).toEqual(['legal_address']);
    expect(missingBusinessPrerequisites(business({ entity_name: '', legal_address: undefined }))).toEqual(['entity_name', 'legal_address']);
  });
});
