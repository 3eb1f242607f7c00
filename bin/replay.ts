#!/usr/bin/env -S npx tsx
// `npm run replay -- events/customers/create-customer.json`: runs a sample event through the
// function the registry says it is for (an API Gateway proxy event through the real authorizer
// and handler; an authorizer, stream, queue, schedule or workflow task event straight to its
// function) against the local data (the running twin's DynamoDB Local, or one started for this
// command) and prints the result. Exits 1 when the function itself failed.
import { parseArgs } from 'node:util';
import { openLocalData } from '../local/local-data.js';
import { formatReplayOutcome } from '../local/replay-output.js';
import { createReplayer, loadEventFile } from '../local/replay.js';
import { banklineHome } from '../local/state-file.js';
import { pointVendorFunctionsAt } from '../local/vendors/local-vendors.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', default: false } } });
const [file] = positionals;
if (values.help || !file) {
  console.error('Usage: npm run replay -- <event.json>   e.g. events/customers/create-customer.json, events/authorizer/request.json');
  console.error('Events other than API Gateway proxy events name their function: "_bankline": {"function": "<name>"}');
  process.exit(file ? 0 : 2);
}

let exitCode = 0;
let data: Awaited<ReturnType<typeof openLocalData>> | undefined;
try {
  const event = loadEventFile(file);
  data = await openLocalData();
  pointVendorFunctionsAt(banklineHome(), data.state.vendors);
  const outcome = await createReplayer({ state: data.state })(event);
  console.log(formatReplayOutcome(outcome));
  if (outcome.kind === 'function-failed') exitCode = 1;
} catch (error) {
  console.error(`replay failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await data?.close();
}
// The functions' DynamoDB client keeps sockets alive, as in Lambda; do not wait for them.
process.exit(exitCode);
