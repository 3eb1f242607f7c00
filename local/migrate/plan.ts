import type { BusinessRecord, PersonRecord } from '../../functions/customers/model.js';
import { accountInput, businessInput, ENDED_STATUSES, NotCopyable, personInput } from './inputs.js';
import {
  journalKey,
  type MigrationPlan,
  type MigrationSource,
  type Phase,
  PHASES,
  type PlannedOutcome,
  type PlannedRecord,
  type TenantRef,
} from './model.js';

// `--dry-run`: what a run would do, from the same source and the same input rules, writing
// nothing. Holders and linked accounts the run would create count as present.

// Stands in for ids a run would create, so the account inputs validate as they will.
const PLANNED_ID = '00000000-0000-4000-8000-000000000000';

const emptyCounts = (): Record<PlannedOutcome, number> & { total: number } => ({
  total: 0,
  create: 0,
  resume: 0,
  already_mapped: 0,
  skip: 0,
  fail: 0,
});

export function planMigration(from: TenantRef, to: TenantRef, source: MigrationSource): MigrationPlan {
  const phases = Object.fromEntries(PHASES.map((p) => [p, emptyCounts()])) as MigrationPlan['phases'];
  const exceptions: PlannedRecord[] = [];
  const present = new Set<string>();

  const plan = (phase: Phase, record: Omit<PlannedRecord, 'outcome'>, decide: () => PlannedOutcome) => {
    let outcome: PlannedOutcome;
    let reason: string | undefined;
    try {
      outcome = decide();
    } catch (error) {
      if (!(error instanceof NotCopyable)) throw error;
      outcome = 'fail';
      reason = error.message;
    }
    phases[phase].total += 1;
    phases[phase][outcome] += 1;
    if (outcome === 'fail' || outcome === 'skip') exceptions.push({ ...record, outcome, ...(reason ? { reason } : {}) });
    else present.add(journalKey(record.type, record.old_resource_id));
  };

  const toCreate = (type: PlannedRecord['type'], oldId: string, check: () => void): PlannedOutcome => {
    if (source.mapped.has(oldId)) return 'already_mapped';
    check();
    return source.journal.has(journalKey(type, oldId)) ? 'resume' : 'create';
  };

  for (const p of source.persons)
    plan('persons', { type: 'PERSON', old_resource_id: p.id }, () =>
      toCreate('PERSON', p.id, () => personInput(p as PersonRecord, from.name)),
    );
  for (const b of source.businesses)
    plan('businesses', { type: 'BUSINESS', old_resource_id: b.id }, () =>
      toCreate('BUSINESS', b.id, () => businessInput(b as BusinessRecord)),
    );

  const links = {
    holder: (kind: 'PERSON' | 'BUSINESS', oldId: string) => (present.has(journalKey(kind, oldId)) ? PLANNED_ID : undefined),
    account: (oldId: string) => (present.has(journalKey('ACCOUNT', oldId)) ? PLANNED_ID : undefined),
  };
  const deposits = source.accounts.filter((a) => ['CHECKING', 'SAVING'].includes(a.account.account_type));
  const others = source.accounts.filter((a) => !['CHECKING', 'SAVING'].includes(a.account.account_type));
  for (const { account, roles } of [...deposits, ...others]) {
    const record = { type: 'ACCOUNT' as const, old_resource_id: account.id };
    if (ENDED_STATUSES.includes(account.status) && !source.mapped.has(account.id)) {
      plan('accounts', { ...record, reason: `status ${account.status}: an ended account is not re-opened` }, () => 'skip');
      continue;
    }
    plan('accounts', record, () => toCreate('ACCOUNT', account.id, () => accountInput(account, roles, links)));
  }
  return { from, to, phases, exceptions };
}
