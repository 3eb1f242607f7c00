// Test builders for the accounts domain: complete, valid records with overrides.
import type { AccountRecord, RelationshipRecord, TemplateRecord } from '../../../functions/accounts/model.js';

export const NOW = '2024-05-01T12:00:00.000Z';
export const TODAY = '2024-05-01';
export const TENANT = 'tenant_a';

export const accountRecord = (overrides: Partial<AccountRecord> = {}): AccountRecord => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  tenant: TENANT,
  account_type: 'CHECKING',
  status: 'ACTIVE_OR_DISBURSED',
  access_status: 'ACTIVE',
  access_status_last_updated_time: '2024-01-01T00:00:00.000Z',
  account_number: '790954299503',
  account_number_masked: '790*****9503',
  bank_routing: '021000021',
  currency: 'USD',
  customer_type: 'PERSONAL',
  customer_ids: ['c0000000-0000-4000-8000-000000000001'],
  business_ids: [],
  account_template_id: 'e0000000-0000-4000-8000-000000000001',
  funds_ownership: 'FINTECH',
  open_date: '2024-01-01',
  is_account_pool: false,
  is_sar_enabled: false,
  is_ach_enabled: true,
  account_balance: 0,
  pending_debits: 0,
  creation_time: '2024-01-01T00:00:00.000Z',
  last_updated_time: '2024-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

export const templateRecord = (
  overrides: Partial<TemplateRecord> = {},
  fields: Partial<TemplateRecord['template']> = {},
): TemplateRecord => ({
  id: 'e0000000-0000-4000-8000-000000000001',
  tenant: TENANT,
  name: 'Default CHECKING',
  is_enabled: true,
  template: { account_type: 'CHECKING', bank_country: 'US', currency: 'USD', is_ach_enabled: true, ...fields },
  creation_time: '2024-01-01T00:00:00.000Z',
  last_updated_time: '2024-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

export const relationshipRecord = (overrides: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id: 'f0000000-0000-4000-8000-000000000001',
  tenant: TENANT,
  account_id: 'a0000000-0000-4000-8000-000000000001',
  relationship_type: 'PRIMARY_ACCOUNT_HOLDER',
  holder_kind: 'PERSON',
  holder_id: 'c0000000-0000-4000-8000-000000000001',
  created_at: NOW,
  updated_at: NOW,
  ...overrides,
});
