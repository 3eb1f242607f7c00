import type { OutboxEvent } from '../events/model.js';
import type { Filters } from '../shared/list-criteria.js';
import type { Cursor, Page } from '../shared/page.js';
import type { BusinessRecord, PersonRecord, SubjectKind, VerificationRecord, VerificationStatus } from './model.js';

/**
 * The orders `sort_by` offers on each list (contract §7.1, §8.1), each field with the field
 * that breaks its ties (null: the id). A store lists each order as one Query on an index whose
 * sort key is exactly that: names case-insensitively with missing names after all others, then
 * creation_time, then id; times then id. Descending is the exact reverse.
 */
export const PERSON_SORTS = {
  creation_time: null,
  first_name: 'creation_time',
  last_name: 'creation_time',
  last_updated_time: null,
} as const;
export const BUSINESS_SORTS = { creation_time: null, entity_name: 'creation_time', last_updated_time: null } as const;
export type PersonSortField = keyof typeof PERSON_SORTS;
export type BusinessSortField = keyof typeof BUSINESS_SORTS;

/** A customers-domain list request: equality filters plus one of the orders above. */
export interface CustomerListCriteria<S extends string = 'creation_time'> {
  filters: Filters;
  /** The field the list is ordered by; creation_time when absent. */
  sortBy?: S;
  ascending: boolean;
  limit: number;
  cursor?: Cursor;
}

export interface VerificationRun {
  subjectKind: SubjectKind;
  subject: PersonRecord | BusinessRecord;
  expectedVersion: number;
  checks: VerificationRecord[];
  /** The previous run's checks, now history (named on the subject, so the set is exact). */
  supersededIds: string[];
  events: OutboxEvent[];
}

/** A verification run's outcome, once committed, for a person or business that holds accounts. */
export interface VerificationOutcomeNotice {
  subjectKind: SubjectKind;
  subjectId: string;
  status: VerificationStatus;
}

/**
 * Whoever depends on a subject's KYC standing (the accounts domain restricts or releases the
 * subject's accounts; the wiring binds it). Called after every run, whatever the outcome and
 * before the response; it must be idempotent, since a run that failed after its commit is only
 * completed by the next one (verifications.ts).
 */
export type VerificationOutcomeListener = (notice: VerificationOutcomeNotice) => Promise<void>;

/**
 * Persistence for customers, persons, businesses and verifications. Every method that
 * changes state takes the outbox events to write in the same transaction.
 */
export interface CustomerStore {
  getPerson(tenantId: string, id: string): Promise<PersonRecord | undefined>;
  insertPerson(person: PersonRecord, event: OutboxEvent): Promise<void>;
  /** Throws VersionConflict when the stored version is not `expectedVersion`. */
  replacePerson(person: PersonRecord, expectedVersion: number, event: OutboxEvent): Promise<void>;
  listPersons(tenantId: string, criteria: CustomerListCriteria<PersonSortField>): Promise<Page<PersonRecord>>;

  getBusiness(tenantId: string, id: string): Promise<BusinessRecord | undefined>;
  insertBusiness(business: BusinessRecord, event: OutboxEvent): Promise<void>;
  replaceBusiness(business: BusinessRecord, expectedVersion: number, event: OutboxEvent): Promise<void>;
  listBusinesses(tenantId: string, criteria: CustomerListCriteria<BusinessSortField>): Promise<Page<BusinessRecord>>;

  saveVerificationRun(run: VerificationRun): Promise<void>;
  getVerification(tenantId: string, id: string): Promise<VerificationRecord | undefined>;
  listVerifications(tenantId: string, subjectId: string | undefined, criteria: CustomerListCriteria): Promise<Page<VerificationRecord>>;
}
