import type { AggregatorVendor, ExternalAccountType } from './model.js';

// The aggregator, as the use-cases see it: Plaid (through its SDK) and Finicity (through a small
// REST client) both sit behind this port. Amounts here are already integer minor units with the
// contract's sign (positive = money into the account), dates are the contract's.

export const LINK_TYPES = ['DEPOSITORY', 'CREDIT', 'INVESTMENT', 'MICRO_DEPOSIT'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface LinkTokenRequest {
  /** The Bankline owner id, as the vendor's user id. */
  userId: string;
  /** Finicity: the vendor's customer for this owner (created on first link). */
  vendorCustomerId?: string;
  clientName: string;
  countryCodes: string[];
  language: string;
  type: LinkType;
  redirectUri?: string;
  customizationName?: string;
  /** Update mode: the item to re-authenticate (or whose micro-deposits to confirm). */
  accessToken?: string;
  institutionId?: string;
}

export interface LinkToken {
  link_token: string;
  expiration: string;
  request_id: string;
}

export interface VendorOwner {
  names: string[];
  emails: string[];
  phone_numbers: string[];
  addresses: { street: string; postal_code: string }[];
}

/** One account at the vendor, with what add/sync needs: numbers (Auth) and owners (Identity). */
export interface VendorAccount {
  vendor_account_id: string;
  name: string;
  mask?: string;
  type: ExternalAccountType;
  /** Whether this kind of account can be an external account at all (depository). */
  supported: boolean;
  account_number?: string;
  routing_number?: string;
  wire_routing_number?: string;
  currency: string;
  /** UNVERIFIED while micro-deposits are pending. */
  verified: boolean;
  /** Owners as the vendor reports them; absent when owner data was not requested. */
  owners?: VendorOwner[];
  institution_id?: string;
}

export interface VendorAccounts {
  accounts: VendorAccount[];
  request_id: string;
  institution_name?: string;
}

export interface VendorBalance {
  currency: string;
  available: number | null;
  current: number | null;
  limit: number | null;
  last_updated_time_vendor?: string;
}

export interface VendorTransaction {
  transaction_id: string;
  amount: number;
  currency: string;
  date: string;
  authorized_date: string | null;
  is_pending: boolean;
  merchant_name?: string;
  category: string[];
  check_number?: string;
  payment_channel?: 'IN_STORE' | 'ONLINE' | 'OTHER';
  payment_method?: string;
  transaction_type?: string;
}

export interface VendorCustomer {
  vendor_customer_id: string;
}

/**
 * How the vendor failed, in the port's terms. `kind`: `USER_ACTION` (the end user must act:
 * re-link, fix credentials), `INPUT` (the request is wrong), `UNAVAILABLE` (vendor or institution
 * down, 5xx, timeout: retry later). `code` is the vendor's own (e.g. ITEM_LOGIN_REQUIRED).
 * Messages never hold a token or a full account number.
 */
export class VendorFailure extends Error {
  constructor(
    readonly vendor: AggregatorVendor,
    readonly kind: 'USER_ACTION' | 'INPUT' | 'UNAVAILABLE' | 'TIMEOUT',
    readonly code: string,
    readonly vendorMessage: string,
    readonly requestId?: string,
    readonly displayMessage?: string,
  ) {
    super(`${vendor} ${code}: ${vendorMessage}`);
    this.name = 'VendorFailure';
  }
}

export interface VendorGateway {
  readonly vendor: AggregatorVendor;
  /** Finicity: a vendor customer per Bankline owner; Plaid has none (returns undefined). */
  ensureCustomer(owner: { id: string; names: string[]; email?: string }): Promise<VendorCustomer | undefined>;
  createLinkToken(request: LinkTokenRequest): Promise<LinkToken>;
  exchangePublicToken(publicToken: string): Promise<{ access_token: string; item_id: string; request_id: string }>;
  /** Plaid: the item's accounts. Finicity: the vendor customer's (the "token" is the customer id). */
  getAccounts(accessToken: string, options: { withOwners: boolean }): Promise<VendorAccounts>;
  getBalance(accessToken: string, vendorAccountId: string, maxAgeSeconds?: number): Promise<VendorBalance>;
  /** `start` and `endInclusive` are YYYY-MM-DD; at most `limit` transactions. */
  getTransactions(
    accessToken: string,
    vendorAccountId: string,
    start: string,
    endInclusive: string,
    limit: number,
  ): Promise<VendorTransaction[]>;
  /** Asks the vendor to pull fresh transactions; answers how many it holds for the item now. */
  refreshTransactions(accessToken: string, force: boolean): Promise<number>;
  removeItem(accessToken: string): Promise<void>;
}

/** Encrypts vendor access tokens with a key separate from the table's (KMS in AWS, a local key in the twin). */
export interface TokenCipher {
  encrypt(plaintext: string, context: Record<string, string>): Promise<string>;
  decrypt(ciphertext: string, context: Record<string, string>): Promise<string>;
}

export interface VendorDirectory {
  /** The gateway for a vendor (its settings read on first use); throws when the vendor is not configured. */
  gateway(vendor: AggregatorVendor): Promise<VendorGateway>;
  /** The tenant's aggregator (Plaid unless set otherwise). */
  tenantVendor(tenantId: string): Promise<AggregatorVendor>;
}
