import { dynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import { wipeTenant } from '../adapters/dynamodb/tenant-wipe.js';
import type { AchContext } from '../ledger/ach.js';
import type { LedgerContext } from '../ledger/context.js';
import { dynamoExternalAccountDirectory } from '../adapters/dynamodb/external-account-directory.js';
import { dueEntries } from '../adapters/dynamodb/ledger-due-index.js';
import { ledgerTenantRegistry } from '../adapters/dynamodb/ledger-tenant-registry.js';
import { type DueWorkReport, runDueWork } from '../ledger/due-work.js';
import { advanceClock, type ClockChange, fixedClock, tenantClock } from '../ledger/sandbox-clock.js';
import type { AuditContext } from '../shared/audit.js';
import { sandboxClockAdvanced } from '../shared/sandbox-clock-listeners.js';
import type { UseCaseScope } from '../shared/scope.js';
import { isSandboxStage } from '../shared/stage.js';
import { tenantClocks } from './tenant-clocks.js';

// The ledger's ports bound to their adapters, for any caller (HTTP, scheduled jobs, the CLI).

/** The context over the scope's own clock, as given (tests, the operator CLI). */
export const ledgerContext = ({ tenantId, audit, clock }: UseCaseScope): LedgerContext => ({
  tenantId,
  audit,
  clock,
  store: dynamoLedgerStore,
  externalAccounts: dynamoExternalAccountDirectory,
});

/** The context a request or job runs in: on a sandbox stage, over the tenant's sandbox clock (one read). */
export const tenantLedgerContext = async (scope: UseCaseScope): Promise<LedgerContext> =>
  isSandboxStage()
    ? ledgerContext({ ...scope, clock: await tenantClock(dynamoLedgerStore, scope.tenantId, scope.clock) })
    : ledgerContext(scope);

/** Runs a tenant's due work as of `at` (the scheduled job, a clock advance). */
export const dueWorkAt = (tenantId: string, at: Date, audit: AuditContext) =>
  runDueWork(ledgerContext({ tenantId, audit, clock: fixedClock(at) }), at);

/** POST /v0/sandbox/clock: moves the tenant's clock, runs what fell due day by day, then tells the listeners. */
export const moveSandboxClock = async (scope: UseCaseScope, change: ClockChange) => {
  const now = await advanceClock(ledgerContext(scope), change, (at) => dueWorkAt(scope.tenantId, at, scope.audit));
  await sandboxClockAdvanced(scope.tenantId, now);
  return now;
};

/**
 * Every tenant with work due by its own time (`at` on its sandbox clock): one Query per kind of
 * the cross-tenant due index, up to the furthest tenant's time, each entry then held against its
 * own tenant's clock. No tenant list.
 */
export const tenantsWithDueWork = async (
  at: Date,
  clockOf: (tenant: string) => Promise<Date> = async () => at,
  listed: readonly string[] = [],
): Promise<string[]> => {
  const times = await Promise.all(listed.map(async (tenant) => (await clockOf(tenant)).toISOString()));
  // ISO instants in one format sort as text: the last is the latest.
  const horizon = [...times, at.toISOString()].sort().at(-1)!;
  const due = new Set<string>();
  for (const entry of await dueEntries(horizon)) {
    if (!due.has(entry.tenant) && entry.due <= (await clockOf(entry.tenant)).toISOString()) due.add(entry.tenant);
  }
  return [...due];
};

/** Each tenant's time at real time `at`: its sandbox clock on a sandbox stage (one read per tenant per pass), else `at`. */
const tenantTimesAt = (at: Date) => {
  const clocks = tenantClocks();
  const read = new Map<string, Promise<Date>>();
  return (tenant: string): Promise<Date> => {
    let time = read.get(tenant);
    if (!time) read.set(tenant, (time = clocks.offsetMs(tenant).then((offset) => new Date(at.getTime() + offset))));
    return time;
  };
};

export interface ScheduledRun {
  tenant: string;
  report?: DueWorkReport;
  error?: Error;
}

/**
 * The scheduled job's pass at real time `at`, each tenant at its own time (its sandbox clock on
 * a sandbox stage): every tenant the due index names (holds, ACH, payment schedules) runs its due
 * work now; every other listed tenant runs it once per UTC day, for its daily interest accrual
 * and month-end statements. Each tenant's run is idempotent (derived ids, status conditions),
 * so the day's marker, written after a tenant's run finishes, only saves repeating it; a run
 * that failed is retried at the next pass. One tenant's failure does not stop the others.
 */
export const scheduledDueWork = async (at: Date, audit: AuditContext): Promise<ScheduledRun[]> => {
  // On a sandbox stage every tenant lives at its own time: real time plus its clock's offset.
  const clockOf = tenantTimesAt(at);
  const listed = await ledgerTenantRegistry.tenants();
  const due = await tenantsWithDueWork(at, clockOf, listed);
  const known = new Set(listed);
  // Lazy back-fill: a tenant created before the registry is listed once the due index names it.
  for (const tenant of due) if (!known.has(tenant)) await ledgerTenantRegistry.list(tenant);
  const dueNow = new Set(due);
  const runs: ScheduledRun[] = [];
  for (const tenant of [...new Set([...due, ...listed])]) {
    const tenantAt = await clockOf(tenant);
    const day = tenantAt.toISOString().slice(0, 10);
    if (!dueNow.has(tenant) && (await ledgerTenantRegistry.ranOn(tenant, day))) continue;
    try {
      const report = await dueWorkAt(tenant, tenantAt, audit);
      await ledgerTenantRegistry.markRan(tenant, day, at);
      runs.push({ tenant, report });
    } catch (error) {
      runs.push({ tenant, error: error as Error });
    }
  }
  return runs;
};

/** Outgoing ACH also reads external accounts (owned by the external-accounts domain). */
export const tenantAchContext = async (scope: UseCaseScope): Promise<AchContext> => ({
  ...(await tenantLedgerContext(scope)),
  externalAccounts: dynamoExternalAccountDirectory,
});

/** POST /v0/wipe: the tenant's customer and account data, gone (tenant-wipe.ts). */
export const wipeSandboxTenant = (tenantId: string) => wipeTenant(tenantId);
