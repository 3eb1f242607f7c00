import { describe, expect, it } from 'vitest';
import { isDebitEligible, type ExternalAccountRecord } from '../../../functions/external-accounts/model.js';
import { ownerVerified } from '../../../functions/external-accounts/owner-match.js';
import { identityOf, ownerFrom, patchAccount } from '../../../functions/external-accounts/rules.js';
import { externalAccountView } from '../../../functions/external-accounts/views.js';
import { asDomainError } from '../../../functions/external-accounts/vendor-errors.js';
import { VendorFailure } from '../../../functions/external-accounts/vendor-ports.js';
import { transactionWindow } from '../../../functions/external-accounts/vendor-reads.js';
import { toMinorUnits } from '../../../functions/adapters/vendors/amounts.js';

// Pure rules of external accounts, each with a passing and a refused case.

const account = (over: Partial<ExternalAccountRecord> = {}): ExternalAccountRecord => ({
  id: 'a1',
  tenant: 't1',
  customer_id: 'p1',
  customer_type: 'PERSONAL',
  type: 'CHECKING',
  status: 'ACTIVE',
  account_owner_names: ['Ada Lovelace'],
  account_identifiers: { number: '000123456789' },
  routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
  verification: { vendor: 'MANUAL', status: 'UNVERIFIED', creation_time: 't', last_updated_time: 't' },
  creation_time: 't',
  last_updated_time: 't',
  version: 1,
  ...over,
});

describe('ownership', () => {
  it('takes exactly one of customer_id and business_id', () => {
    expect(ownerFrom({ customer_id: 'p' })).toEqual({ kind: 'PERSON', id: 'p' });
    expect(ownerFrom({ business_id: 'b' })).toEqual({ kind: 'BUSINESS', id: 'b' });
    expect(() => ownerFrom({ customer_id: 'p', business_id: 'b' })).toThrow(/exactly one/);
    expect(() => ownerFrom({})).toThrow(/customer_id or business_id/);
  });
});

describe('masking and identity', () => {
  it('masks account and routing numbers to the last 4', () => {
    const view = externalAccountView(account());
    expect(view.account_identifiers.number).toBe('6789');
    expect(view.routing_identifiers.ach_routing_number).toBe('0021');
    expect(JSON.stringify(view)).not.toContain('000123456789');
  });

  it('makes the same owner, routing and number one identity, another owner another', () => {
    expect(identityOf(account())).toBe(identityOf(account({ id: 'a2', nickname: 'x' } as Partial<ExternalAccountRecord>)));
    expect(identityOf(account())).not.toBe(identityOf(account({ customer_id: 'p2' })));
  });
});

describe('PATCH', () => {
  it('edits an unverified account and refuses a verified one', () => {
    expect(patchAccount(account(), { nickname: 'Rent' }, 'now')).toMatchObject({ nickname: 'Rent', version: 2 });
    const verified = account({ verification: { vendor: 'MANUAL', status: 'VERIFIED', creation_time: 't', last_updated_time: 't' } });
    expect(() => patchAccount(verified, { nickname: 'Rent' }, 'now')).toThrow(/UNVERIFIED/);
  });
});

describe('debit eligibility', () => {
  it('needs a verified, active account', () => {
    expect(
      isDebitEligible(account({ verification: { vendor: 'PLAID', status: 'VERIFIED', creation_time: 't', last_updated_time: 't' } })),
    ).toBe(true);
    expect(isDebitEligible(account())).toBe(false);
    expect(
      isDebitEligible(
        account({ status: 'DELETED', verification: { vendor: 'PLAID', status: 'VERIFIED', creation_time: 't', last_updated_time: 't' } }),
      ),
    ).toBe(false);
  });
});

describe('verify_owner', () => {
  const customer = {
    owner: { kind: 'PERSON' as const, id: 'p' },
    names: ['Alberta Charleson'],
    email: 'AccountHolder0@example.com',
    phone_number: '+11112223333',
    address: { street: '2992 Cameron Road', postal_code: '14236' },
  };
  const vendorOwner = {
    names: ['Alberta Bobbeth Charleson'],
    emails: ['accountholder0@example.com'],
    phone_numbers: ['111-222-3333'],
    addresses: [{ street: '2992 Cameron Rd.', postal_code: '14236-1234' }],
  };

  it('passes with 2 or more of name, phone, email, address', () => {
    expect(ownerVerified(customer, [vendorOwner])).toBe(true);
    expect(ownerVerified({ ...customer, email: undefined, phone_number: undefined }, [{ ...vendorOwner, addresses: [] }])).toBe(false);
    expect(ownerVerified({ owner: customer.owner, names: ['Alberta Charleson'], email: customer.email }, [vendorOwner])).toBe(true);
  });

  it('fails with a single match', () => {
    expect(ownerVerified({ owner: customer.owner, names: ['Zed Nobody'], email: customer.email }, [vendorOwner])).toBe(false);
  });
});

describe('vendor amounts and dates', () => {
  it('converts Plaid decimal dollars exactly to cents', () => {
    expect(toMinorUnits(12.34, 'USD')).toBe(1234);
    expect(toMinorUnits(-500, 'USD')).toBe(-50_000);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinorUnits(1234, 'JPY')).toBe(1234);
  });

  it('turns the exclusive end date into the vendor’s inclusive one and refuses bad windows', () => {
    expect(transactionWindow('2026-01-01', '2026-03-01')).toEqual({ start: '2026-01-01', endInclusive: '2026-02-28' });
    expect(() => transactionWindow('2026-01-02', '2026-01-02')).toThrow(/before/);
    expect(() => transactionWindow(undefined, '2026-01-02')).toThrow(/required/);
  });
});

describe('vendor errors', () => {
  it('names a listed code with what to do; an unlisted 4xx is VENDOR_ERROR; 5xx and timeouts are 502/503', () => {
    expect(asDomainError(new VendorFailure('PLAID', 'USER_ACTION', 'ITEM_LOGIN_REQUIRED', 'm'))).toMatchObject({
      name: 'VendorRefused',
      code: 'ITEM_LOGIN_REQUIRED',
      detail: expect.stringContaining('update-mode link token'),
    });
    expect(asDomainError(new VendorFailure('PLAID', 'INPUT', 'SOMETHING_NEW', 'm'))).toMatchObject({ code: 'VENDOR_ERROR' });
    expect(asDomainError(new VendorFailure('PLAID', 'UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'm'))).toMatchObject({
      name: 'VendorUnavailable',
      code: 'VENDOR_UNAVAILABLE',
    });
    expect(asDomainError(new VendorFailure('FINICITY', 'TIMEOUT', 'TIMEOUT', 'm'))).toMatchObject({ code: 'VENDOR_TIMEOUT' });
  });
});
