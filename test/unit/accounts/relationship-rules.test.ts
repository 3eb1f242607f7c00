import { describe, expect, it } from 'vitest';
import { screenBusiness, screenPerson } from '../../../functions/accounts/ofac-sandbox.js';
import {
  assertEligible,
  assertOnePrimary,
  customerTypeOf,
  holderIdsOf,
  holderRefOf,
} from '../../../functions/accounts/relationship-rules.js';
import { personHolder } from '../../../functions/wiring/holder-directory.js';
import { businessRecord, personRecord } from '../customers/records.js';
import { relationshipRecord } from './records.js';

const ref = { kind: 'PERSON' as const, id: 'c1', field: 'relationships.0.customer_id' };

describe('holderRefOf', () => {
  it('reads customer_id, its deprecated alias person_id, or business_id', () => {
    expect(holderRefOf({ customer_id: 'C0000000-0000-4000-8000-000000000001' }, 'relationships.0')).toEqual({
      kind: 'PERSON',
      id: 'c0000000-0000-4000-8000-000000000001',
      field: 'relationships.0.customer_id',
    });
    expect(holderRefOf({ person_id: 'p' }, 'relationships.1')).toMatchObject({ kind: 'PERSON', field: 'relationships.1.person_id' });
    expect(holderRefOf({ business_id: 'b' }, '')).toMatchObject({ kind: 'BUSINESS', field: 'business_id' });
  });

  it('wants exactly one holder, and an alias that agrees', () => {
    expect(() => holderRefOf({}, 'relationships.0')).toThrow('relationships.0: exactly one of customer_id or business_id is required');
    expect(() => holderRefOf({ customer_id: 'a', business_id: 'b' }, '')).toThrow('exactly one of customer_id or business_id');
    expect(() => holderRefOf({ customer_id: 'a', person_id: 'b' }, '')).toThrow('person_id is a deprecated alias');
  });
});

describe('assertEligible', () => {
  it.each(['PRIMARY_ACCOUNT_HOLDER', 'ACCOUNT_HOLDER', 'JOINT_ACCOUNT_HOLDER', 'AUTHORIZED_SIGNER'] as const)(
    'requires ACCEPTED KYC of a %s',
    (type) => {
      expect(() => assertEligible(personHolder(personRecord({ verification_status: 'ACCEPTED' })), type, ref)).not.toThrow();
      for (const status of ['UNVERIFIED', 'PENDING', 'PROVISIONAL', 'REVIEW', 'REJECTED'] as const) {
        expect(() => assertEligible(personHolder(personRecord({ verification_status: status })), type, ref)).toThrow(
          expect.objectContaining({
            name: 'RuleViolation',
            detail: `relationships.0.customer_id: customer c1 has verification_status ${status}; a ${type} must be ACCEPTED`,
          }),
        );
      }
    },
  );

  it('screens an AUTHORIZED_USER against OFAC instead of KYC', () => {
    const unverified = personRecord({ verification_status: 'UNVERIFIED' });
    expect(() => assertEligible(personHolder(unverified), 'AUTHORIZED_USER', ref)).not.toThrow();
    expect(() => assertEligible(personHolder({ ...unverified, last_name: 'Sanctioned' }), 'AUTHORIZED_USER', ref)).toThrow(/OFAC/);
    expect(() =>
      assertEligible(personHolder({ ...unverified, legal_address: undefined, shipping_address: undefined }), 'AUTHORIZED_USER', ref),
    ).toThrow(expect.objectContaining({ code: 'PREREQUISITES_MISSING', detail: expect.stringContaining('legal_address') }));
  });

  it('has documented sandbox OFAC outcomes', () => {
    expect(screenPerson(personRecord())).toEqual({ outcome: 'CLEAR' });
    expect(screenPerson(personRecord({ last_name: ' sanctioned ' }))).toEqual({ outcome: 'MATCH' });
    expect(screenPerson(personRecord({ first_name: undefined }))).toEqual({ outcome: 'INCOMPLETE', missing: ['first_name'] });
    expect(screenBusiness(businessRecord({ entity_name: 'Sanctioned Business' }))).toEqual({ outcome: 'MATCH' });
    expect(screenBusiness(businessRecord())).toEqual({ outcome: 'CLEAR' });
  });
});

describe('derived fields', () => {
  it('counts primary holders (ACCOUNT_HOLDER is an alias)', () => {
    expect(() => assertOnePrimary([{ relationship_type: 'ACCOUNT_HOLDER' }], 'relationships', 400)).not.toThrow();
    expect(() => assertOnePrimary([{ relationship_type: 'JOINT_ACCOUNT_HOLDER' }], 'relationships', 400)).toThrow(
      expect.objectContaining({ name: 'InvalidInput' }),
    );
    expect(() =>
      assertOnePrimary([{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }, { relationship_type: 'ACCOUNT_HOLDER' }], 'the account', 422),
    ).toThrow(
      expect.objectContaining({ name: 'RuleViolation', detail: 'the account must have exactly one PRIMARY_ACCOUNT_HOLDER (found 2)' }),
    );
  });

  it('derives customer_ids, business_ids and customer_type from the relationships', () => {
    const relationships = [
      relationshipRecord({ holder_kind: 'BUSINESS', holder_id: 'b1' }),
      relationshipRecord({ relationship_type: 'AUTHORIZED_SIGNER', holder_id: 'p1' }),
      relationshipRecord({ relationship_type: 'AUTHORIZED_USER', holder_id: 'p2' }),
    ];
    expect(holderIdsOf(relationships)).toEqual({ customer_ids: ['p1', 'p2'], business_ids: ['b1'] });
    expect(customerTypeOf(relationships)).toBe('BUSINESS');
    expect(customerTypeOf([relationshipRecord()])).toBe('PERSONAL');
  });
});
