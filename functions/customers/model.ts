import type { AddressInput } from '../shared/schemas/common.js';
import type {
  BUSINESS_STATUSES,
  BUSINESS_STRUCTURES,
  CHECK_RESULTS,
  PERSON_STATUSES,
  VERIFICATION_STATUSES,
  VERIFICATION_TYPES,
} from './schemas.js';
import type { Versioned } from '../shared/versioned.js';

export type PersonStatus = (typeof PERSON_STATUSES)[number];
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export type VerificationType = (typeof VERIFICATION_TYPES)[number];
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface StoredAddress extends AddressInput {
  id: string;
  address_type: 'LEGAL' | 'SHIPPING';
}

/** One record serves `/v0/customers` and `/v0/persons` (same ids, contract §7). */
export interface PersonRecord extends Versioned {
  status: PersonStatus;
  first_name?: string;
  last_name?: string;
  middle_name?: string;
  chosen_name?: string;
  dob?: string;
  email?: string;
  phone_number?: string;
  /** Full SSN, kept for KYC only; responses carry `ssn_last_4`. The table is KMS-encrypted. */
  ssn?: string;
  ssn_last_4?: string;
  ssn_source?: 'MANUAL';
  legal_address?: StoredAddress;
  shipping_address?: StoredAddress;
  ban_status: 'ALLOWED' | 'SUSPENDED' | 'BANNED';
  is_customer: boolean;
  is_user: boolean;
  has_accounts: boolean;
  verification_status: VerificationStatus;
  verification_last_run?: string;
  /** The checks of the latest run (internal): the next run supersedes exactly these. */
  current_verification_ids?: string[];
  metadata?: Record<string, unknown>;
}

export interface BusinessRecord extends Versioned {
  status: BusinessStatus;
  is_customer: boolean;
  entity_name?: string;
  trade_names?: string[];
  ein?: string;
  structure?: (typeof BUSINESS_STRUCTURES)[number];
  formation_date?: string;
  formation_state?: string;
  email?: string;
  phone_number?: string;
  website?: string;
  legal_address?: StoredAddress;
  compliance_restrictions?: 'LICENSED_CANNABIS'[];
  has_accounts: boolean;
  verification_status: VerificationStatus;
  verification_last_run?: string;
  /** The checks of the latest run (internal): the next run supersedes exactly these. */
  current_verification_ids?: string[];
  metadata?: Record<string, unknown>;
}

export type SubjectKind = 'PERSON' | 'BUSINESS';

export interface VerificationRecord {
  id: string;
  tenant: string;
  subject_kind: SubjectKind;
  subject_id: string;
  verification_type: VerificationType;
  result: CheckResult;
  verification_time: string;
  details: { label: string; result: CheckResult; description: string }[];
  vendor_info: { vendor: string; content_type: 'application/json'; json: Record<string, unknown> };
  /** Set when a later run replaced this one; hidden unless `include_history=true`. */
  superseded: boolean;
  creation_time: string;
  last_updated_time: string;
}
