import type { BusinessRecord, PersonRecord } from '../customers/model.js';
import type { OutboxEvent } from '../events/model.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import type { Page } from '../shared/page.js';
import type { AccountType } from './enums.js';
import type { AccountRecord, InterestProductRecord, RelationshipRecord, TemplateRecord } from './model.js';

// What the accounts use-cases need from storage. Every method that changes state takes the
// outbox events to write in the same transaction; every conditional write failure surfaces
// as VersionConflict (retry) or, for a number already claimed in the bank, AccountNumberTaken.

export type { Condition, ListCriteria } from '../shared/list-criteria.js';

export type Holder = { kind: 'PERSON'; record: PersonRecord } | { kind: 'BUSINESS'; record: BusinessRecord };

/**
 * A holder the change relies on, as it was read: its KYC status (or OFAC screen) was judged
 * on this version, so the write is conditional on it. `markHasAccounts` also sets the
 * holder's `has_accounts` and bumps its version, so a concurrent customer PATCH (a
 * version-conditioned full Put) retries instead of writing the old flag back.
 */
export interface HolderGuard {
  holder: Holder;
  markHasAccounts: boolean;
  /** PERSON.UPDATED / BUSINESS.UPDATED for the has_accounts change, when there is one. */
  event?: OutboxEvent;
}

export interface AccountCreation {
  account: AccountRecord;
  relationships: RelationshipRecord[];
  holders: HolderGuard[];
  event: OutboxEvent;
}

export interface AccountChange {
  account: AccountRecord;
  expectedVersion: number;
  events: OutboxEvent[];
}

export interface RelationshipChange extends AccountChange {
  put?: RelationshipRecord;
  remove?: RelationshipRecord;
  holders: HolderGuard[];
}

export interface AccountStore {
  getAccount(tenantId: string, id: string): Promise<AccountRecord | undefined>;
  /** Claims `BANK#<routing>#ACCOUNT_NUMBER#<n>` in the same transaction. */
  createAccount(creation: AccountCreation): Promise<void>;
  replaceAccount(change: AccountChange): Promise<void>;
  listAccounts(tenantId: string, criteria: ListCriteria<AccountRecord>): Promise<Page<AccountRecord>>;

  getRelationship(tenantId: string, accountId: string, id: string): Promise<RelationshipRecord | undefined>;
  /** Every relationship of one account (a handful): rule checks need them all. */
  relationshipsOf(tenantId: string, accountId: string): Promise<RelationshipRecord[]>;
  listRelationships(tenantId: string, accountId: string, criteria: ListCriteria<RelationshipRecord>): Promise<Page<RelationshipRecord>>;
  saveRelationshipChange(change: RelationshipChange): Promise<void>;
  /** Relationships naming one person or business, across the tenant's accounts. */
  relationshipsOfHolder(tenantId: string, holderId: string): Promise<RelationshipRecord[]>;
}

export interface TemplateStore {
  getTemplate(tenantId: string, id: string): Promise<TemplateRecord | undefined>;
  templatesOfType(tenantId: string, type: AccountType): Promise<TemplateRecord[]>;
  /** Claims the name within the tenant in the same transaction. */
  insertTemplate(template: TemplateRecord, event: OutboxEvent): Promise<void>;
  replaceTemplate(template: TemplateRecord, previous: TemplateRecord, event: OutboxEvent): Promise<void>;
  deleteTemplate(template: TemplateRecord, event: OutboxEvent): Promise<void>;
  listTemplates(tenantId: string, criteria: ListCriteria<TemplateRecord>): Promise<Page<TemplateRecord>>;
}

export interface ProductStore {
  getProduct(tenantId: string, id: string): Promise<InterestProductRecord | undefined>;
  insertProduct(product: InterestProductRecord, event: OutboxEvent): Promise<void>;
  replaceProduct(product: InterestProductRecord, expectedVersion: number, event: OutboxEvent): Promise<void>;
  listProducts(tenantId: string, criteria: ListCriteria<InterestProductRecord>): Promise<Page<InterestProductRecord>>;
  /** Whether any LINE_OF_CREDIT account references the product (they need COMPOUNDED_DAILY). */
  usedByLineOfCredit(tenantId: string, productId: string): Promise<boolean>;
}

export interface HolderDirectory {
  getPerson(tenantId: string, id: string): Promise<PersonRecord | undefined>;
  getBusiness(tenantId: string, id: string): Promise<BusinessRecord | undefined>;
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

/** Name claim lost: another template of the tenant has the name. */
export class TemplateNameTaken extends Error {
  constructor() {
    super('template name already in use');
    this.name = 'TemplateNameTaken';
  }
}
