import { describe, expect, it } from 'vitest';
import { businessView, customerView, legacyVerificationView, personView, verificationView } from '../../../functions/customers/views.js';
import { businessRecord, personRecord, verificationRecord } from './records.js';

const INTERNAL = ['version', 'superseded', 'subject_kind', 'subject_id', 'pk', 'sk', 'ssn_last_4'];

const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('customerView (/v0/customers)', () => {
  const person = personRecord({ verification_status: 'ACCEPTED', verification_last_run: '2024-04-01T00:00:00.000Z' });

  it('returns only the last four digits of the SSN, and the full SSN nowhere in the JSON', () => {
    const view = customerView(person);
    expect(view.ssn).toBe('6789');
    expect(JSON.stringify(view)).not.toContain('123-45-6789');
    expect(JSON.stringify(view)).not.toContain('123-45');
  });

  it('names the verification outcome kyc_status / kyc_last_run', () => {
    expect(customerView(person)).toMatchObject({ kyc_status: 'ACCEPTED', kyc_last_run: '2024-04-01T00:00:00.000Z', kyc_exempt: false });
    expect(wire(customerView(person))).not.toHaveProperty('verification_status');
  });

  it('leaks no internal bookkeeping', () => {
    const json = wire(customerView(person));
    for (const key of INTERNAL) expect(json).not.toHaveProperty(key);
  });

  it('lists the legal and shipping addresses under addresses', () => {
    const shipping = { ...person.legal_address!, id: 'ship-1', address_type: 'SHIPPING' as const };
    const view = customerView({ ...person, shipping_address: shipping });
    expect(view.addresses.map((a) => a.address_type)).toEqual(['LEGAL', 'SHIPPING']);
    expect(customerView({ ...person, legal_address: undefined }).addresses).toEqual([]);
  });

  it('omits the SSN when none was given', () => {
    expect(wire(customerView(personRecord({ ssn: undefined, ssn_last_4: undefined, ssn_source: undefined })))).not.toHaveProperty('ssn');
  });
});

describe('personView (/v0/persons)', () => {
  const person = personRecord({ verification_status: 'REVIEW', chosen_name: 'Ada L' });

  it('names the verification outcome verification_status, not kyc_status', () => {
    const json = wire(personView(person));
    expect(json.verification_status).toBe('REVIEW');
    expect(json).not.toHaveProperty('kyc_status');
  });

  it('carries the persons-only fields', () => {
    expect(personView(person)).toMatchObject({ chosen_name: 'Ada L', is_customer: true, is_user: false });
  });

  it('never contains the full SSN and leaks no internal bookkeeping', () => {
    const json = wire(personView(person));
    expect(JSON.stringify(json)).not.toContain('123-45-6789');
    expect(json.ssn).toBe('6789');
    for (const key of INTERNAL) expect(json).not.toHaveProperty(key);
  });
});

describe('businessView', () => {
  it('carries verification_status and the legal address, and no version', () => {
    const json = wire(businessView(businessRecord({ verification_status: 'PROVISIONAL' })));
    expect(json.verification_status).toBe('PROVISIONAL');
    expect(json.ein).toBe('12-3456789');
    expect((json.addresses as unknown[]).length).toBe(1);
    for (const key of INTERNAL) expect(json).not.toHaveProperty(key);
  });
});

describe('verificationView', () => {
  it('names the subject person_id for a person and leaks no internals', () => {
    const json = wire(verificationView(verificationRecord({ superseded: true })));
    expect(json.person_id).toBe('d1f0c0a2-2222-4aaa-8bbb-000000000002');
    expect(json).not.toHaveProperty('business_id');
    for (const key of INTERNAL) expect(json).not.toHaveProperty(key);
    expect(json).not.toHaveProperty('tenant');
  });

  it('names the subject business_id for a business', () => {
    const json = wire(verificationView(verificationRecord({ subject_kind: 'BUSINESS', subject_id: 'biz-1' })));
    expect(json.business_id).toBe('biz-1');
    expect(json).not.toHaveProperty('person_id');
  });
});

describe('legacyVerificationView (/v0/customers/{id}/verify)', () => {
  it.each([
    ['IDENTITY', 'kyc'],
    ['WATCHLIST', 'watchliststandard'],
    ['DOCUMENT_VERIFICATION', 'documentverification'],
    ['MANUAL_REVIEW', 'manualreview'],
    ['RELATED_ENTITIES', 'relatedentities'],
    ['LICENSE', 'license'],
  ] as const)('names %s as %s', (type, legacy) => {
    expect(legacyVerificationView(verificationRecord({ verification_type: type })).verification_type).toBe(legacy);
  });

  it('maps VENDOR_ERROR to PROVIDER_FAILURE and keeps the other results', () => {
    expect(legacyVerificationView(verificationRecord({ result: 'VENDOR_ERROR' })).result).toBe('PROVIDER_FAILURE');
    expect(legacyVerificationView(verificationRecord({ result: 'REVIEW' })).result).toBe('REVIEW');
    expect(legacyVerificationView(verificationRecord({ result: 'REJECTED' })).result).toBe('REJECTED');
  });

  it('has only the legacy result fields', () => {
    expect(Object.keys(legacyVerificationView(verificationRecord())).sort()).toEqual([
      'id',
      'result',
      'vendor_info',
      'verification_time',
      'verification_type',
    ]);
  });
});
