import type { OutboxEvent } from '../events/model.js';
import type { Cursor, Page } from '../shared/page.js';
import type { ExternalAccountRecord, Owner } from './model.js';

// What the external-accounts use-cases need from outside. Customers belong to another domain:
// they are seen only through OwnerDirectory, as snapshots.

/** What owner verification compares (contract §9.6 verify_owner). */
export interface OwnerFacts {
  owner: Owner;
  names: string[];
  email?: string;
  phone_number?: string;
  /** First address line and postal code, as the vendor reports them. */
  address?: { street: string; postal_code: string };
}

export interface OwnerDirectory {
  /** The person or business in that tenant (one strongly consistent GetItem), or undefined. */
  find(tenantId: string, owner: Owner): Promise<OwnerFacts | undefined>;
}

/** A live account already holds this owner + routing + account number. */
export class DuplicateExternalAccount extends Error {
  constructor() {
    super('duplicate external account');
    this.name = 'DuplicateExternalAccount';
  }
}

export interface ExternalAccountWrite {
  account: ExternalAccountRecord;
  previous?: ExternalAccountRecord;
  events: OutboxEvent[];
}

export interface ExternalAccountListCriteria {
  ids?: readonly string[];
  customerIds?: readonly string[];
  businessIds?: readonly string[];
  nickname?: string;
  includeHistory: boolean;
  ascending: boolean;
  limit: number;
  cursor?: Cursor;
}

export interface ExternalAccountStore {
  getAccount(tenantId: string, id: string): Promise<ExternalAccountRecord | undefined>;
  /**
   * Creates and updates, many accounts at once (add/sync vendor accounts), with their events and
   * duplicate claims, in ONE transaction; throws DuplicateExternalAccount (naming nothing) when a
   * claim is taken, VersionConflict when a `previous` is stale. `extra` are further items
   * (vendor link changes) opaque to the domain.
   */
  write(writes: readonly ExternalAccountWrite[], extra?: readonly VendorLinkChange[]): Promise<void>;
  listAccounts(tenantId: string, criteria: ExternalAccountListCriteria): Promise<Page<ExternalAccountRecord>>;
  /** The candidates whose owner + routing + number a live account already holds (one BatchGetItem of claims). */
  claimedAmong(accounts: readonly ExternalAccountRecord[]): Promise<Set<string>>;
  /** Live accounts that came through one vendor link. */
  accountsOfLink(tenantId: string, linkId: string): Promise<ExternalAccountRecord[]>;
}

/** A stored vendor link: one access token (encrypted by the store's cipher) and what it belongs to. */
export interface VendorLinkRecord {
  id: string;
  tenant: string;
  vendor: 'PLAID' | 'FINICITY';
  owner: Owner;
  institution_id: string;
  /** Encrypted, never logged or returned but by access_tokens. */
  access_token_ciphertext: string;
  micro_deposit: boolean;
  /** Plaid's item id; Finicity's customer id. Not a credential. */
  item_id: string;
  creation_time: string;
}

export interface VendorLinkStore {
  /** The link id a token maps to (a one-way digest: the token itself is never a key). */
  linkIdOf(vendor: VendorLinkRecord['vendor'], token: string): string;
  getLink(tenantId: string, id: string): Promise<VendorLinkRecord | undefined>;
  /** Written with the request's Idempotency-Key marker (one transaction). */
  putLink(link: VendorLinkRecord): Promise<void>;
}

export type VendorLinkChange = { kind: 'put'; link: VendorLinkRecord } | { kind: 'delete'; link: VendorLinkRecord };
