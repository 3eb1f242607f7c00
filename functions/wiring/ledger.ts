import { dynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import { wipeTenant } from '../adapters/dynamodb/tenant-wipe.js';
import type { AchContext } from '../ledger/ach.js';
import type { LedgerContext } from '../ledger/context.js';
import { dynamoExternalAccountDirectory } from '../adapters/dynamodb/external-account-directory.js';
import { ledgerTenantRegistry } from '../adapters/dynamodb/ledger-tenant-registry.js';
import { type DueWorkReport, runDueWork } from '../ledger/due-work.js';
import { advanceClock, type ClockChange, fixedClock, tenantClock } from '../ledger/sandbox-clock.js';
import type { AuditContext } from '../shared/audit.js';
import { sandboxClockAdvanced } from '../shared/sandbox-clock-listeners.js';
import type { UseCaseScope } from '../shared/scope.js';
import { isSandboxStage } from '../shared/stage.js';

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

/** Every tenant with work due at `at` (four Queries of the cross-tenant due index, no tenant list). */
export const tenantsWithDueWork = async (at: Date): Promise<string[]> => {
  const [holds, entries, settlements, schedules] = await Promise.all([
    dynamoLedgerStore.expiringHolds(at.toISOString()),
    dynamoLedgerStore.dueIncomingAch(at.toISOString().slice(0, 10)),
    dynamoLedgerStore.dueAchSettlements(at.toISOString()),
    dynamoLedgerStore.duePaymentSchedules(at.toISOString().slice(0, 10)),
  ]);
  return [
    ...new Set([
      ...holds.map((h) => h.tenant),
      ...entries.map((e) => e.record.tenant),
      ...settlements.map((s) => s.tenant),
      ...schedules.map((s) => s.tenant),
    ]),
  ];
};

export interface ScheduledRun {
  tenant: string;
  report?: DueWorkReport;
  error?: Error;
}

/**
 * The scheduled job's pass at `at`: every tenant the due index names (holds, ACH) runs its due
 * work now; every other listed tenant runs it once per UTC day, for its daily interest accrual
 * and month-end statements. Each tenant's run is idempotent (derived ids, status conditions),
 * so the day's marker, written after a tenant's run finishes, only saves repeating it; a run
 * that failed is retried at the next pass. One tenant's failure does not stop the others.
 */
export const scheduledDueWork = async (at: Date, audit: AuditContext): Promise<ScheduledRun[]> => {
  const day = at.toISOString().slice(0, 10);
  const [due, listed] = await Promise.all([tenantsWithDueWork(at), ledgerTenantRegistry.tenants()]);
  const known = new Set(listed);
  // Lazy back-fill: a tenant created before the registry is listed once the due index names it.
  for (const tenant of due) if (!known.has(tenant)) await ledgerTenantRegistry.list(tenant);
  const dueNow = new Set(due);
  const runs: ScheduledRun[] = [];
  for (const tenant of [...new Set([...due, ...listed])]) {
    if (!dueNow.has(tenant) && (await ledgerTenantRegistry.ranOn(tenant, day))) continue;
    try {
      const report = await dueWorkAt(tenant, at, audit);
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
