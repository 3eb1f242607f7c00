// External accounts (contract §9): accounts a customer holds at other banks, asserted manually
// or linked through an aggregator (Plaid, Finicity). The full account number is stored, because
// ACH needs it; every view masks it to the last 4 digits.

export const ACCOUNT_TYPES = ['CHECKING', 'SAVINGS', 'CREDIT_CARD', 'MONEY_MARKET', 'INVESTMENT_529', 'OTHER'] as const;
export type ExternalAccountType = (typeof ACCOUNT_TYPES)[number];

/** What a client may set on a manual account (create and PATCH). */
export const MANUAL_ACCOUNT_TYPES = ['CHECKING', 'SAVINGS'] as const;

export const CUSTOMER_TYPES = ['PERSONAL', 'BUSINESS'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const VENDORS = ['PLAID', 'FINICITY', 'MANUAL'] as const;
export type Vendor = (typeof VENDORS)[number];
export type AggregatorVendor = Exclude<Vendor, 'MANUAL'>;

export const VERIFICATION_STATUSES = ['UNVERIFIED', 'VERIFIED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const STATUSES = ['ACTIVE', 'CLOSED', 'DELETED'] as const;
export type ExternalAccountStatus = (typeof STATUSES)[number];

export interface Verification {
  vendor: Vendor;
  status: VerificationStatus;
  creation_time: string;
  last_updated_time: string;
}

export interface InternationalWireDetails {
  swift_code: string;
  bank_address: string;
  correspondent_banks_details?: Record<string, unknown>[];
}

export interface RoutingIdentifiers {
  bank_name: string;
  bank_countries: string[];
  ach_routing_number?: string;
  wire_routing_number?: string;
  eft_ca_routing_number?: string;
  international_wire_details?: InternationalWireDetails;
}

export interface AccountIdentifiers {
  number?: string;
  iban?: string;
}

/** Who owns an external account in Bankline: a person (`customer_id`) or a business. */
export type Owner = { kind: 'PERSON'; id: string } | { kind: 'BUSINESS'; id: string };

export interface ExternalAccountRecord {
  id: string;
  tenant: string;
  customer_id?: string;
  business_id?: string;
  customer_type: CustomerType;
  type: ExternalAccountType;
  status: ExternalAccountStatus;
  status_reason?: string;
  account_owner_names: string[];
  /** Full values: masked by every view, read in full by the ledger for ACH. */
  account_identifiers: AccountIdentifiers;
  routing_identifiers: RoutingIdentifiers;
  verification: Verification;
  currency?: string;
  nickname?: string;
  metadata?: Record<string, unknown>;
  /** The official account name at the bank, from the aggregator. */
  name?: string;
  vendor_account_id?: string;
  vendor_data?: { account_number_mask?: string; institution_id?: string };
  /** The vendor link (access token holder) this account came through; internal. */
  vendor_link_id?: string;
  creation_time: string;
  last_updated_time: string;
  deletion_time?: string;
  version: number;
}

export const ownerOf = (a: Pick<ExternalAccountRecord, 'customer_id' | 'business_id'>): Owner =>
  a.customer_id ? { kind: 'PERSON', id: a.customer_id } : { kind: 'BUSINESS', id: a.business_id as string };

export const isLive = (a: ExternalAccountRecord): boolean => a.status !== 'DELETED';

/** ACH pulls need a verified, live account (contract §9); credits do not. The ledger reads this rule. */
export const isDebitEligible = (a: Pick<ExternalAccountRecord, 'status' | 'verification'>): boolean =>
  a.status === 'ACTIVE' && a.verification.status === 'VERIFIED';
