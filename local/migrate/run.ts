import { createAccount, getAccountRecord } from '../../functions/accounts/accounts.js';
import type { AccountRecord } from '../../functions/accounts/model.js';
import { createBusiness, getBusiness } from '../../functions/customers/businesses.js';
import type { BusinessRecord, PersonRecord, VerificationStatus } from '../../functions/customers/model.js';
import { createPerson, getPerson } from '../../functions/customers/persons.js';
import { runVerification } from '../../functions/customers/verifications.js';
import type { MigrationJournal } from '../../functions/adapters/dynamodb/migration-journal.js';
import { createMapping, listMappings } from '../../functions/mappings/mappings.js';
import type { MappingRecord, ResourceType } from '../../functions/mappings/model.js';
import type { AuditContext } from '../../functions/shared/audit.js';
import { AlreadyExists, DomainError, NotFound } from '../../functions/shared/errors.js';
import { accountsContextFor, cliPrincipal, customersContextFor, type InsertHooks, mappingsContextFor } from './contexts.js';
import { accountInput, businessInput, ENDED_STATUSES, NotCopyable, personInput } from './inputs.js';
import {
  journalKey,
  type MigrationReport,
  type MigrationSource,
  type OldAccount,
  type Phase,
  PHASES,
  type PhaseSummary,
  type RecordResult,
  type TenantRef,
} from './model.js';

// Steps 2 and 3 of the guide for a whole tenant: re-create each old record on the new tenant
// through the same use-cases the API runs (verification included), then map it. Resumable:
// - a record already mapped (by an earlier run, or by hand) is left alone;
// - before each create the id it chose is journaled under the old id, so a record a killed run
//   created but did not map is found again and mapped, never created twice;
// - a mapping is unique per old resource, so racing runs cannot map one record twice.
// A record that cannot be copied fails alone, with the reason, and is never half-made: nothing
// is mapped unless its twin is complete.

export interface Progress {
  phase(phase: Phase, total: number): void;
  record(phase: Phase, result: RecordResult): void;
}

export interface RunOptions {
  from: TenantRef;
  to: TenantRef;
  organizationId: string;
  audit: AuditContext;
  journal: MigrationJournal;
  source: MigrationSource;
  progress?: Progress;
  /** After each create commits (tests use it to kill the process at a chosen point). */
  afterInsert?: () => void;
  concurrency?: number;
}

const DEPOSIT_TYPES = ['CHECKING', 'SAVING'];

const emptySummary = (): PhaseSummary => ({ total: 0, created: 0, already_mapped: 0, skipped: 0, failed: 0 });

const reasonOf = (error: unknown): string =>
  error instanceof NotCopyable
    ? error.message
    : error instanceof DomainError
      ? `${error.code}: ${error.detail}`
      : `unexpected error: ${(error as Error).message}`;

/** Runs `work` over `items`, at most `size` at a time. */
const inPool = async <T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
};

const isNotFound = (error: unknown) => error instanceof NotFound;

export async function runMigration(options: RunOptions): Promise<MigrationReport> {
  const { from, to, audit, journal, source } = options;
  const principal = cliPrincipal(to.id, options.organizationId);
  const mappings = mappingsContextFor(principal, audit);
  const readNew = { customers: customersContextFor(to.id, audit), accounts: accountsContextFor(to.id, audit) };
  /** New ids of old records, as the accounts phase needs its holders and linked accounts. */
  const twins = new Map<string, string>();
  const summaries = Object.fromEntries(PHASES.map((p) => [p, emptySummary()])) as Record<Phase, PhaseSummary>;
  const results: RecordResult[] = [];

  const hooksFor = (type: ResourceType, oldId: string): InsertHooks => ({
    before: (newId) => journal.intend(journalKey(type, oldId), newId),
    after: () => options.afterInsert?.(),
  });

  /** A twin an earlier run created (journaled) but may not have mapped. */
  const journaledTwin = async <T>(type: ResourceType, oldId: string, read: (id: string) => Promise<T>): Promise<T | undefined> => {
    for (const id of source.journal.get(journalKey(type, oldId)) ?? []) {
      try {
        return await read(id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return undefined;
  };

  /** Maps the twin; a mapping another run made meanwhile for this very pair counts as done. */
  const map = async (type: ResourceType, newId: string, oldId: string): Promise<MappingRecord> => {
    try {
      return await createMapping(mappings, { resource_type: type, resource_id: newId, old_tenant: from.id, old_resource_id: oldId });
    } catch (error) {
      if (!(error instanceof AlreadyExists)) throw error;
      const page = await listMappings(mappings, {
        oldResourceIds: [oldId],
        oldTenants: [from.id],
        includeDeleted: false,
        sortBy: 'creation_time',
        ascending: true,
        limit: 10,
      });
      const existing = page.items[0];
      if (existing?.resource_id === newId) return existing;
      throw new NotCopyable(
        `the old resource is already mapped${existing ? ` to ${existing.resource_type} ${existing.resource_id} of tenant ${existing.tenant}` : ' to another tenant'}`,
      );
    }
  };

  const settle = (phase: Phase, result: RecordResult) => {
    summaries[phase][result.outcome] += 1;
    results.push(result);
    if (result.resource_id && result.outcome !== 'failed') twins.set(journalKey(result.type, result.old_resource_id), result.resource_id);
    options.progress?.record(phase, result);
  };

  /** The shared walk of one record: already mapped, or re-create (or find) the twin, then map it. */
  const migrateOne = async (phase: Phase, type: ResourceType, oldId: string, make: () => Promise<{ id: string; notes: string[] }>) => {
    const mapped = source.mapped.get(oldId);
    if (mapped) {
      settle(phase, { type, old_resource_id: oldId, outcome: 'already_mapped', resource_id: mapped.resource_id, mapping_id: mapped.id });
      return;
    }
    try {
      const twin = await make();
      const mapping = await map(type, twin.id, oldId);
      settle(phase, {
        type,
        old_resource_id: oldId,
        outcome: 'created',
        resource_id: twin.id,
        mapping_id: mapping.id,
        ...(twin.notes.length ? { notes: twin.notes } : {}),
      });
    } catch (error) {
      settle(phase, { type, old_resource_id: oldId, outcome: 'failed', reason: reasonOf(error) });
    }
  };

  /**
   * The new bank runs its own sandbox KYC on the copied data rather than inheriting the old
   * bank's verdict: the status is re-derived, and any difference is reported.
   */
  const verified = async (
    type: 'PERSON' | 'BUSINESS',
    old: PersonRecord | BusinessRecord,
    twin: PersonRecord | BusinessRecord,
  ): Promise<string[]> => {
    let status: VerificationStatus = twin.verification_status;
    if (old.verification_status !== 'UNVERIFIED' && status === 'UNVERIFIED') {
      const ctx = customersContextFor(to.id, audit);
      status = (await runVerification(ctx, { subjectKind: type, subjectId: twin.id, consent: true, style: 'current' })).status;
    }
    return status === old.verification_status
      ? []
      : [`verification_status is ${status} at ${to.name} (${old.verification_status} at ${from.name})`];
  };

  const subjectPhase = async (phase: 'persons' | 'businesses', records: readonly (PersonRecord | BusinessRecord)[]) => {
    const type = phase === 'persons' ? 'PERSON' : 'BUSINESS';
    summaries[phase].total = records.length;
    options.progress?.phase(phase, records.length);
    await inPool(records, options.concurrency ?? 8, (old) =>
      migrateOne(phase, type, old.id, async () => {
        const ctx = customersContextFor(to.id, audit, hooksFor(type, old.id));
        const twin =
          type === 'PERSON'
            ? ((await journaledTwin(type, old.id, (id) => getPerson(readNew.customers, 'person', id))) ??
              (await createPerson(ctx, 'person', personInput(old as PersonRecord, from.name).input)))
            : ((await journaledTwin(type, old.id, (id) => getBusiness(readNew.customers, id))) ??
              (await createBusiness(ctx, businessInput(old as BusinessRecord).input)));
        return { id: twin.id, notes: await verified(type, old, twin) };
      }),
    );
  };

  const accountPhase = async (records: readonly OldAccount[]) => {
    summaries.accounts.total = records.length;
    options.progress?.phase('accounts', records.length);
    const links = {
      holder: (kind: 'PERSON' | 'BUSINESS', oldId: string) => twins.get(journalKey(kind, oldId)) ?? source.mapped.get(oldId)?.resource_id,
      account: (oldId: string) => twins.get(journalKey('ACCOUNT', oldId)) ?? source.mapped.get(oldId)?.resource_id,
    };
    const migrateAccount = async ({ account, roles }: OldAccount) => {
      if (ENDED_STATUSES.includes(account.status) && !source.mapped.has(account.id)) {
        settle('accounts', {
          type: 'ACCOUNT',
          old_resource_id: account.id,
          outcome: 'skipped',
          reason: `status ${account.status}: an ended account is not re-opened`,
        });
        return;
      }
      await migrateOne('accounts', 'ACCOUNT', account.id, async () => {
        const prepared = accountInput(account, roles, links);
        const ctx = accountsContextFor(to.id, audit, hooksFor('ACCOUNT', account.id));
        const twin: AccountRecord =
          (await journaledTwin('ACCOUNT', account.id, (id) => getAccountRecord(readNew.accounts, id))) ??
          (await createAccount(ctx, prepared.input)).account;
        return { id: twin.id, notes: prepared.notes };
      });
    };
    // Deposit accounts first: credit accounts may name one as their security or linked account.
    const deposits = records.filter((r) => DEPOSIT_TYPES.includes(r.account.account_type));
    const others = records.filter((r) => !DEPOSIT_TYPES.includes(r.account.account_type));
    await inPool(deposits, options.concurrency ?? 8, migrateAccount);
    await inPool(others, options.concurrency ?? 8, migrateAccount);
  };

  await subjectPhase('persons', source.persons);
  await subjectPhase('businesses', source.businesses);
  await accountPhase(source.accounts);

  const totals = emptySummary();
  for (const summary of Object.values(summaries))
    for (const key of Object.keys(totals) as (keyof PhaseSummary)[]) totals[key] += summary[key];
  return {
    from,
    to,
    phases: summaries,
    totals,
    failed: results.filter((r) => r.outcome === 'failed'),
    skipped: results.filter((r) => r.outcome === 'skipped'),
    notes: results
      .filter((r) => r.notes)
      .map((r) => ({
        type: r.type,
        old_resource_id: r.old_resource_id,
        ...(r.resource_id ? { resource_id: r.resource_id } : {}),
        notes: r.notes!,
      })),
  };
}
