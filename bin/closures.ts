#!/usr/bin/env -S npx tsx
// `npm run closures [-- --tenant <id>] [--json] [--table name --region r]`
//
// Account closures in progress, with the step each is at: a progress view of the closure
// workflow, read from the table (the twin's, or AWS's with --table/--region). In AWS the Step
// Functions console shows the same executions, named close-<account id>.
import { closuresInProgress } from '../functions/wiring/closures.js';
import { DATA_OPTIONS, parseCli } from '../local/cli/args.js';
import { exitCodeOf, table } from '../local/keys-commands.js';
import type { LocalData } from '../local/local-data.js';
import { openDataTarget } from '../local/cli/data-target.js';

const USAGE = 'Usage: npm run closures -- [--tenant <id>] [--json] [--yes] [--table name --region r]';

const { values: opts } = parseCli(USAGE, { options: { tenant: { type: 'string' }, ...DATA_OPTIONS } });

let local: LocalData | undefined;
let exitCode = 0;
try {
  local = await openDataTarget(opts);
  const open = (await closuresInProgress()).filter((c) => !opts.tenant || c.tenant === opts.tenant);
  if (opts.json) console.log(JSON.stringify(open, null, 2));
  else if (open.length === 0) console.log('No account closure in progress.');
  else {
    const rows = open.map((c) => {
      const checks = c.closure?.checks ?? [];
      return [
        c.account_id,
        c.closure?.step ?? c.step,
        c.closure ? `${c.closure.payout.state.toLowerCase()} (attempt ${c.closure.payout.attempt})` : '-',
        c.closure?.step === 'WAIT_CLOSE' ? (c.closure.payout.close_at ?? '-') : (c.closure?.wait_until ?? '-'),
        `${checks.filter((k) => k.validated).length}/${checks.length}`,
        c.updated_at,
        c.tenant,
      ];
    });
    console.log(table(['ACCOUNT', 'STEP', 'PAYOUT', 'WAITING UNTIL', 'CHECKS', 'UPDATED', 'TENANT'], rows));
  }
} catch (error) {
  exitCode = exitCodeOf('closures', error);
} finally {
  await local?.close();
}
process.exit(exitCode);
