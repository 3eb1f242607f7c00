import type { AccountRecord, HolderRole } from '../../functions/accounts/model.js';
import type { BusinessRecord, PersonRecord } from '../../functions/customers/model.js';
import type { MappingRecord, ResourceType } from '../../functions/mappings/model.js';

// What the guided migration reads, decides and reports.

export interface TenantRef {
  id: string;
  name: string;
}

export interface OldAccount {
  account: AccountRecord;
  roles: HolderRole[];
}

/** The old tenant's records, and what earlier runs left: live mappings and journal entries. */
export interface MigrationSource {
  persons: PersonRecord[];
  businesses: BusinessRecord[];
  accounts: OldAccount[];
  /** Live mappings from the old tenant to the new one, by old_resource_id. */
  mapped: Map<string, MappingRecord>;
  /** Candidate new ids a run chose before creating, keyed `<TYPE>#<old id>`. */
  journal: Map<string, string[]>;
}

export const PHASES = ['persons', 'businesses', 'accounts'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_TYPE: Record<Phase, ResourceType> = { persons: 'PERSON', businesses: 'BUSINESS', accounts: 'ACCOUNT' };

export type Outcome = 'created' | 'already_mapped' | 'skipped' | 'failed';
/** What a dry run expects for a record. */
export type PlannedOutcome = 'create' | 'resume' | 'already_mapped' | 'skip' | 'fail';

export interface RecordResult {
  type: ResourceType;
  old_resource_id: string;
  outcome: Outcome;
  resource_id?: string;
  mapping_id?: string;
  /** Why it was skipped or failed. */
  reason?: string;
  /** What was not carried over, or came out differently. */
  notes?: string[];
}

export interface PhaseSummary {
  total: number;
  created: number;
  already_mapped: number;
  skipped: number;
  failed: number;
}

export interface MigrationReport {
  from: TenantRef;
  to: TenantRef;
  phases: Record<Phase, PhaseSummary>;
  totals: PhaseSummary;
  /** Records that failed or were skipped, each with its reason, and records with notes. */
  failed: RecordResult[];
  skipped: RecordResult[];
  notes: Array<{ type: ResourceType; old_resource_id: string; resource_id?: string; notes: string[] }>;
}

export interface PlannedRecord {
  type: ResourceType;
  old_resource_id: string;
  outcome: PlannedOutcome;
  reason?: string;
}

export interface MigrationPlan {
  from: TenantRef;
  to: TenantRef;
  phases: Record<Phase, Record<PlannedOutcome, number> & { total: number }>;
  /** The records expected to be skipped or to fail, with the reason. */
  exceptions: PlannedRecord[];
}

export const journalKey = (type: ResourceType, oldId: string): string => `${type}#${oldId}`;
