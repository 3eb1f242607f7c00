import type { OutboxEvent } from '../events/model.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import { type Page, VersionConflict } from '../shared/page.js';
import type { AccountType } from './enums.js';
import type { AccountRecord, InterestProductRecord, RelationshipRecord, TemplateRecord } from './model.js';

// What the accounts use-cases need from storage. Every method that changes state takes the
// outbox events to write in the same transaction; every conditional write failure surfaces
// as VersionConflict (retry) or, for a number already claimed in the bank, AccountNumberTaken.

export type { Condition, ListCriteria } from '../shared/list-criteria.js';

export type HolderKind = 'PERSON' | 'BUSINESS';

/** What the account rules read of a person or business (the customers domain owns the record). */
export interface HolderRecord {
  id: string;
  tenant: string;
  version: number;
  has_accounts: boolean;
  /** KYC/KYB outcome: owners and signers must be ACCEPTED. */
  verification_status: string;
}

/** A person's name and addresses: what the sandbox OFAC screen of an AUTHORIZED_USER reads. */
export interface PersonHolderRecord extends HolderRecord {
  first_name?: string;
  last_name?: string;
  legal_address?: object;
  shipping_address?: object;
}

export interface BusinessHolderRecord extends HolderRecord {
  entity_name?: string;
  legal_address?: object;
}

/** Set on a holder by its first account (holders.ts guardOf). */
export interface HolderChanges {
  has_accounts: true;
  last_updated_time: string;
  version: number;
}

export type Holder = ({ kind: 'PERSON'; record: PersonHolderRecord } | { kind: 'BUSINESS'; record: BusinessHolderRecord }) & {
  /**
   * The holder's own resource, as its PERSON/BUSINESS.UPDATED event shows it, with `changes`
   * applied: the event a first account writes when it sets `has_accounts`. The customers domain
   * draws its resources, so the directory supplies this with the holder.
   */
  resourceWith(changes: HolderChanges): unknown;
};

/** A person or business item, by key. */
export interface HolderKey {
  tenant: string;
  kind: HolderKind;
  id: string;
}

/**
 * What a write relies on about one person or business, checked in the write's transaction
 * (one guard per holder: a transaction may touch an item once, see `mergeGuards`).
 */
export interface HolderGuard extends HolderKey {
  /**
   * The KYC standing the write was decided on. Owners and signers of an account that stays
   * open must still be ACCEPTED at commit, so nothing opens (or stays open) for a holder whose
   * rejection has committed; a KYC restriction relies on the holder still NOT being ACCEPTED.
   */
  acceptance?: 'ACCEPTED' | 'NOT_ACCEPTED';
  /**
   * Commit only on the version read: an AUTHORIZED_USER's OFAC screen judged its name and
   * address. Owners and signers are not pinned to a version, so parallel creations for one
   * holder (and a concurrent customer PATCH) do not serialise on it.
   */
  expectedVersion?: number;
  /**
   * The holder's first account: also set `has_accounts`, bumping the version (so
   * `expectedVersion` is required), so a concurrent customer PATCH, a version-conditioned
   * full Put, retries instead of writing the old flag back. Carries PERSON/BUSINESS.UPDATED.
   */
  hasAccountsEvent?: OutboxEvent;
}

/**
 * An interest product a LINE_OF_CREDIT account or template relies on compounding daily: the
 * write checks `calculation_method` at commit and, the first time, marks the product
 * `used_by_line_of_credit` (bumping its version, so a product PATCH that read it earlier retries).
 */
export interface ProductGuard {
  product: InterestProductRecord;
}

export interface AccountCreation {
  account: AccountRecord;
  relationships: RelationshipRecord[];
  holders: HolderGuard[];
  /** Accounts this one moves money with: still transactable at commit. */
  linkedAccountIds: string[];
  product?: ProductGuard;
  event: OutboxEvent;
}

export interface AccountChange {
  account: AccountRecord;
  expectedVersion: number;
  events: OutboxEvent[];
  holders?: HolderGuard[];
  linkedAccountIds?: string[];
  product?: ProductGuard;
}

export interface RelationshipChange extends AccountChange {
  put?: RelationshipRecord;
  remove?: RelationshipRecord;
  holders: HolderGuard[];
}

/** One account write of the KYC hook (accounts/holder-kyc.ts). */
export interface KycAccountWrite {
  account: AccountRecord;
  expectedVersion: number;
  /** ACCOUNT.UPDATED; none when a restriction is only re-asserted (nothing a client sees changes). */
  event?: OutboxEvent;
}

/** A batch of KYC account writes, committed together with the holder standings they were decided on. */
export interface KycWriteBatch {
  writes: KycAccountWrite[];
  holders: HolderGuard[];
}

/** Most items one KYC batch may hold (2 per account, 1 per holder): far below DynamoDB's 100. */
export const KYC_BATCH_ITEMS = 40;

/** Persons or businesses whose accounts a list is limited to (`customer_id`, `business_id`). */
export interface HolderSet {
  kind: 'PERSON' | 'BUSINESS';
  ids: readonly string[];
}

export interface AccountListCriteria extends ListCriteria<AccountRecord> {
  /** Only accounts one of these holds, in any relationship; read from their memberships, not the tenant's list. */
  heldBy?: HolderSet;
}

export interface AccountStore {
  getAccount(tenantId: string, id: string): Promise<AccountRecord | undefined>;
  /** Claims `BANK#<routing>#ACCOUNT_NUMBER#<n>` in the same transaction. */
  createAccount(creation: AccountCreation): Promise<void>;
  replaceAccount(change: AccountChange): Promise<void>;
  listAccounts(tenantId: string, criteria: AccountListCriteria): Promise<Page<AccountRecord>>;

  getRelationship(tenantId: string, accountId: string, id: string): Promise<RelationshipRecord | undefined>;
  /** Every relationship of one account (a handful): rule checks need them all. */
  relationshipsOf(tenantId: string, accountId: string): Promise<RelationshipRecord[]>;
  listRelationships(tenantId: string, accountId: string, criteria: ListCriteria<RelationshipRecord>): Promise<Page<RelationshipRecord>>;
  /** Also puts or deletes the holder's membership of the account (see `heldAccountIds`). */
  saveRelationshipChange(change: RelationshipChange): Promise<void>;

  /**
   * The accounts a person or business owns or signs for, read strongly consistently from the
   * holder's own partition (memberships written with the relationships), never from an index.
   */
  heldAccountIds(holder: HolderKey): Promise<string[]>;
  saveKycChanges(batch: KycWriteBatch): Promise<void>;
}

export interface TemplateStore {
  getTemplate(tenantId: string, id: string): Promise<TemplateRecord | undefined>;
  templatesOfType(tenantId: string, type: AccountType): Promise<TemplateRecord[]>;
  /** Claims the name within the tenant in the same transaction. */
  insertTemplate(template: TemplateRecord, event: OutboxEvent, product?: ProductGuard): Promise<void>;
  replaceTemplate(template: TemplateRecord, previous: TemplateRecord, event: OutboxEvent, product?: ProductGuard): Promise<void>;
  deleteTemplate(template: TemplateRecord, event: OutboxEvent): Promise<void>;
  listTemplates(tenantId: string, criteria: ListCriteria<TemplateRecord>): Promise<Page<TemplateRecord>>;
}

export interface ProductStore {
  getProduct(tenantId: string, id: string): Promise<InterestProductRecord | undefined>;
  insertProduct(product: InterestProductRecord, event: OutboxEvent): Promise<void>;
  replaceProduct(product: InterestProductRecord, expectedVersion: number, event: OutboxEvent): Promise<void>;
  listProducts(tenantId: string, criteria: ListCriteria<InterestProductRecord>): Promise<Page<InterestProductRecord>>;
}

/** The people and businesses accounts are held by, read from the customers domain (bound by the wiring). */
export interface HolderDirectory {
  /** Read strongly consistently: a KYC decision must see the latest verification_status. */
  getHolder(tenantId: string, kind: HolderKind, id: string): Promise<Holder | undefined>;
}

export interface TenantDirectory {
  bankRouting(tenantId: string): Promise<string | undefined>;
}

/** A claimed account number: the create retries with a fresh one, or refuses a manual one. */
export class AccountNumberTaken extends Error {
  constructor() {
    super('account number already in use in this bank');
    this.name = 'AccountNumberTaken';
  }
}

/**
 * A write relied on a holder's KYC standing and it changed before the commit. A version
 * conflict (the use-case re-reads and retries); an account write also repairs the account's
 * KYC state first, in case a crash left a restriction unapplied (holder-kyc.ts).
 */
export class HolderNotAccepted extends VersionConflict {
  constructor() {
    super('account holder');
    this.name = 'HolderNotAccepted';
  }
}

/** Name claim lost: another template of the tenant has the name. */
export class TemplateNameTaken extends Error {
  constructor() {
    super('template name already in use');
    this.name = 'TemplateNameTaken';
  }
}
