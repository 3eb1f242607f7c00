#!/usr/bin/env -S npx tsx
// `npm run ledger -- trial-balance [--tenant <id|name>] [--json] [--table name --region r]`
//
// The trial balance per tenant and currency: over every account, GLs included, credits minus
// debits sums to zero. Without --tenant it covers every tenant of the local organization (or of
// --organization on AWS). Exit code 1 when any tenant's books do not balance.
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { isBalanced, trialBalance, type TrialBalanceRow } from '../functions/ledger/trial-balance.js';
import { systemClock } from '../functions/shared/clock.js';
import { ledgerContext } from '../functions/wiring/ledger.js';
import { DATA_OPTIONS, parseCli, usageError } from '../local/cli/args.js';
import { CliError, exitCodeOf, resolveTenant } from '../local/keys-commands.js';
import type { LocalData } from '../local/local-data.js';
import { openDataTarget } from '../local/cli/data-target.js';

const USAGE = 'Usage: npm run ledger -- trial-balance [--tenant <id|name>] [--organization id] [--json] [--yes] [--table name --region r]';

const { positionals, values: opts } = parseCli(USAGE, {
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    organization: { type: 'string' },
    ...DATA_OPTIONS,
  },
});
if (positionals[0] !== 'trial-balance')
  usageError(USAGE, positionals[0] ? `unknown command ${positionals[0]}` : 'a command is required (trial-balance)');

const audit = { request_id: 'cli', api_key_id: 'operator', method: 'CLI', path: 'ledger trial-balance' };

const tenantsOf = async (local: LocalData | undefined) => {
  if (opts.tenant)
    return [await resolveTenant(dynamoTenancyStore, opts.tenant, local?.state, opts.organization ?? local?.state?.organization?.id)];
  const organizationId = opts.organization ?? local?.state?.organization?.id;
  if (!organizationId) throw new CliError('--tenant or --organization is required', 2);
  return dynamoTenancyStore.listTenants(organizationId);
};

let local: LocalData | undefined;
let exitCode = 0;
try {
  local = await openDataTarget(opts);
  const report: { tenant: string; name: string; rows: TrialBalanceRow[]; balanced: boolean }[] = [];
  for (const tenant of await tenantsOf(local)) {
    const rows = await trialBalance(ledgerContext({ tenantId: tenant.id, audit, clock: systemClock }));
    report.push({ tenant: tenant.id, name: tenant.name, rows, balanced: isBalanced(rows) });
  }
  if (opts.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const t of report) {
      console.log(`${t.name} (${t.tenant}): ${t.balanced ? 'balanced' : 'OUT OF BALANCE'}`);
      for (const r of t.rows) {
        console.log(`  ${r.currency}  customers ${r.customer_net_credit}  GLs ${r.gl_net_credit}  net ${r.net}  (${r.accounts} accounts)`);
      }
    }
  }
  if (report.some((t) => !t.balanced)) exitCode = 1;
} catch (error) {
  exitCode = exitCodeOf('ledger', error);
} finally {
  await local?.close();
}
process.exit(exitCode);
