#!/usr/bin/env -S npx tsx
// `npm run migrate -- --from <old tenant> --to <new tenant>`: the bank-migration guide for a whole
// tenant. Re-creates the old tenant's persons, businesses and accounts on the new tenant through
// the same use-cases the API runs, then maps each old record to its new twin. Resumable: run it
// again after a crash or Ctrl-C and it finishes the job without duplicating anything.
//
//   --from <id|name> --to <id|name>   the two tenants (names from .bankline/local.json locally)
//   --dry-run                         print the plan, write nothing
//   --json                            print the report (or plan) as JSON
//   --table <name> --region <r>       against AWS instead of the local twin's data
import { randomUUID } from 'node:crypto';
import { DATA_OPTIONS, parseCli } from '../local/cli/args.js';
import { dynamoMigrationJournal } from '../functions/adapters/dynamodb/migration-journal.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { CliError, exitCodeOf, resolveTenant } from '../local/keys-commands.js';
import type { LocalData } from '../local/local-data.js';
import { cliAudit } from '../local/migrate/contexts.js';
import { planMigration } from '../local/migrate/plan.js';
import { planText, progressPrinter, reportText } from '../local/migrate/report.js';
import { runMigration } from '../local/migrate/run.js';
import { readSource } from '../local/migrate/source.js';
import { openDataTarget } from '../local/cli/data-target.js';

const USAGE =
  'Usage: npm run migrate -- --from <old tenant id|name> --to <new tenant id|name> [--dry-run] [--json] [--yes] [--table name --region r]';

const { values: opts } = parseCli(USAGE, {
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    ...DATA_OPTIONS,
  },
});

// Test hook: kill this process (SIGKILL, no cleanup) once this many records have been created,
// to prove a re-run finishes the job without duplicates.
const crashAfter = Number(process.env.BANKLINE_MIGRATE_CRASH_AFTER ?? 0);
let inserts = 0;
const afterInsert = crashAfter > 0 ? () => void (++inserts >= crashAfter && process.kill(process.pid, 'SIGKILL')) : undefined;

const main = async (local: LocalData | undefined): Promise<number> => {
  const state = local?.state;
  const [from, to] = await Promise.all([
    resolveTenant(dynamoTenancyStore, opts.from, state),
    resolveTenant(dynamoTenancyStore, opts.to, state),
  ]);
  if (from.id === to.id) throw new CliError('--from and --to must be two different tenants', 2);
  if (from.organization_id !== to.organization_id)
    throw new CliError(`"${from.name}" and "${to.name}" belong to different organizations; a migration stays within one`, 2);
  const refs = { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name } };
  const audit = cliAudit(randomUUID());
  const journal = dynamoMigrationJournal(to.id, from.id);
  const source = await readSource({ ...refs, organizationId: from.organization_id, audit, journal });
  if (opts['dry-run']) {
    const plan = planMigration(refs.from, refs.to, source);
    console.log(opts.json ? JSON.stringify(plan, null, 2) : planText(plan));
    return 0;
  }
  const report = await runMigration({
    ...refs,
    organizationId: from.organization_id,
    audit,
    journal,
    source,
    progress: progressPrinter(),
    ...(afterInsert ? { afterInsert } : {}),
  });
  console.log(opts.json ? JSON.stringify(report, null, 2) : `\n${reportText(report)}`);
  return report.totals.failed > 0 ? 1 : 0;
};

let local: LocalData | undefined;
let exitCode = 0;
try {
  if (opts.help) throw new CliError(USAGE, 0);
  if (!opts.from || !opts.to) throw new CliError(`--from and --to are required\n${USAGE}`, 2);
  local = await openDataTarget(opts);
  exitCode = await main(local);
} catch (error) {
  exitCode = exitCodeOf('migrate', error);
} finally {
  await local?.close();
}
process.exit(exitCode);
