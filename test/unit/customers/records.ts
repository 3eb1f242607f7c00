// Test builders for stored customer records: a complete, valid record with overrides.
import type { BusinessRecord, PersonRecord, StoredAddress, VerificationRecord } from '../../../functions/customers/model.js';

export const NOW = '2024-05-01T12:00:00.000Z';
export const TODAY = '2024-05-01';

export const legalAddress = (overrides: Partial<StoredAddress> = {}): StoredAddress => ({
  id: '7a0c2c3e-1111-4aaa-8bbb-000000000001',
  address_type: 'LEGAL',
  address_line_1: '1 Main St',
  city: 'San Francisco',
  state: 'CA',
  postal_code: '94105',
  country_code: 'US',
  ...overrides,
});

export const personRecord = (overrides: Partial<PersonRecord> = {}): PersonRecord => ({
  id: 'd1f0c0a2-2222-4aaa-8bbb-000000000002',
  tenant: 'tenant_a',
  creation_time: '2024-01-01T00:00:00.000Z',
  last_updated_time: '2024-01-01T00:00:00.000Z',
  version: 3,
  status: 'ACTIVE',
  first_name: 'Ada',
  last_name: 'Lovelace',
  dob: '1990-12-10',
  email: 'ada@example.com',
  phone_number: '+14155550100',
  ssn: '123-45-6789',
  ssn_last_4: '6789',
  ssn_source: 'MANUAL',
  legal_address: legalAddress(),
  ban_status: 'ALLOWED',
  is_customer: true,
  is_user: false,
  has_accounts: false,
  verification_status: 'UNVERIFIED',
  ...overrides,
});

export const businessRecord = (overrides: Partial<BusinessRecord> = {}): BusinessRecord => ({
  id: 'b2a0c0a2-3333-4aaa-8bbb-000000000003',
  tenant: 'tenant_a',
  creation_time: '2024-01-01T00:00:00.000Z',
  last_updated_time: '2024-01-01T00:00:00.000Z',
  version: 2,
  status: 'ACTIVE',
  is_customer: true,
  entity_name: 'Acme Inc',
  ein: '12-3456789',
  legal_address: legalAddress(),
  has_accounts: false,
  verification_status: 'UNVERIFIED',
  ...overrides,
});

export const verificationRecord = (overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  id: 'c3a0c0a2-4444-4aaa-8bbb-000000000004',
  tenant: 'tenant_a',
  subject_kind: 'PERSON',
  subject_id: 'd1f0c0a2-2222-4aaa-8bbb-000000000002',
  verification_type: 'IDENTITY',
  result: 'ACCEPTED',
  verification_time: NOW,
  details: [{ label: 'IDENTITY', result: 'ACCEPTED', description: 'sandbox identity check: ACCEPTED' }],
  vendor_info: { vendor: 'BANKLINE_SANDBOX', content_type: 'application/json', json: { sandbox: true } },
  superseded: false,
  creation_time: NOW,
  last_updated_time: NOW,
  ...overrides,
});
