import type { BusinessRecord } from './model.js';
import { storeAddress } from './person-rules.js';
import type { CreateBusinessInput, PatchBusinessInput } from './schemas.js';

const COPIED = [
  'entity_name',
  'trade_names',
  'ein',
  'structure',
  'formation_date',
  'formation_state',
  'email',
  'phone_number',
  'website',
  'compliance_restrictions',
  'metadata',
  'is_customer',
  'status',
] as const;

const copyFields = (input: PatchBusinessInput, target: Partial<BusinessRecord>): void => {
  for (const field of COPIED) {
    if (input[field] !== undefined) (target as Record<string, unknown>)[field] = input[field];
  }
};

export const newBusiness = (input: CreateBusinessInput, meta: { id: string; tenant: string; now: string }): BusinessRecord => {
  const business: BusinessRecord = {
    id: meta.id,
    tenant: meta.tenant,
    status: input.status,
    is_customer: input.is_customer,
    has_accounts: false,
    verification_status: 'UNVERIFIED',
    creation_time: meta.now,
    last_updated_time: meta.now,
    version: 1,
  };
  copyFields(input, business);
  if (input.legal_address) business.legal_address = storeAddress(input.legal_address, 'LEGAL');
  return business;
};

export const patchBusiness = (current: BusinessRecord, input: PatchBusinessInput, now: string): BusinessRecord => {
  const next: BusinessRecord = { ...current, last_updated_time: now, version: current.version + 1 };
  copyFields(input, next);
  if (input.legal_address) next.legal_address = storeAddress(input.legal_address, 'LEGAL', current.legal_address?.id);
  return next;
};
