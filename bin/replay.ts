#!/usr/bin/env -S npx tsx
// `npm run replay -- events/customers/create-customer.json`: runs a sample event through the
// function the registry says it is for (an API Gateway proxy event through the real authorizer
// and handler; an authorizer, stream, queue, schedule or workflow task event straight to its
// function) against the local data (the running twin's DynamoDB Local, or one started for this
// command) and prints the result, then the records its placeholders created. Exits 1 when the
// function itself failed.
import { HELP, parseCli, usageError } from '../local/cli/args.js';
import { openLocalData } from '../local/local-data.js';
import { formatCreatedRecords, formatReplayOutcome } from '../local/replay-output.js';
import { createReplayer, loadEventFile } from '../local/replay.js';
import { banklineHome } from '../local/state-file.js';
import { pointVendorFunctionsAt } from '../local/vendors/local-vendors.js';

const USAGE = `Usage: npm run replay -- <event.json> [--set <placeholder>=<value> ...] [--yes]
  <event.json>      e.g. events/customers/create-customer.json, events/authorizer/request.json
  --set name=value  use this value for {{name}} instead of creating a record (e.g. --set account_id=<id>), repeatable
  --yes             when no twin runs and local.json names data that is gone, seed a new demo organization without asking
  Events other than API Gateway proxy events name their function: "_bankline": {"function": "<name>"}`;

const { positionals, values } = parseCli(USAGE, {
  allowPositionals: true,
  options: { set: { type: 'string', multiple: true }, yes: { type: 'boolean', default: false }, help: HELP },
});
const [file] = positionals;
if (!file) usageError(USAGE, 'an event file is required');

const preset: Record<string, string> = {};
for (const pair of values.set ?? []) {
  const at = pair.indexOf('=');
  if (at <= 0 || at === pair.length - 1) usageError(USAGE, `--set ${pair}: expected <placeholder>=<value>`);
  preset[pair.slice(0, at).replace(/^\{\{|\}\}$/g, '')] = pair.slice(at + 1);
}

let exitCode = 0;
let data: Awaited<ReturnType<typeof openLocalData>> | undefined;
try {
  const event = loadEventFile(file!);
  data = await openLocalData(banklineHome(), { yes: values.yes ?? false, say: (line) => console.error(line) });
  pointVendorFunctionsAt(banklineHome(), data.state.vendors);
  const replayer = createReplayer({ state: data.state, preset });
  const outcome = await replayer(event);
  console.log(formatReplayOutcome(outcome));
  const created = formatCreatedRecords(replayer.created());
  if (created) console.log(`\n${created}`);
  if (outcome.kind === 'function-failed') exitCode = 1;
} catch (error) {
  console.error(`replay failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await data?.close();
}
// The functions' DynamoDB client keeps sockets alive, as in Lambda; do not wait for them.
process.exit(exitCode);
