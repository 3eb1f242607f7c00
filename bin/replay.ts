#!/usr/bin/env -S npx tsx
// `npm run replay -- events/customers/create-customer.json`: runs a sample API Gateway event
// (proxy or REQUEST authorizer) through the real authorizer and handler against the local data
// (the running twin's DynamoDB Local, or one started for this command) and prints the result.
import { parseArgs } from 'node:util';
import { openLocalData } from '../local/local-data.js';
import { formatReplayOutcome } from '../local/replay-output.js';
import { createReplayer, loadEventFile } from '../local/replay.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', default: false } } });
const [file] = positionals;
if (values.help || !file) {
  console.error('Usage: npm run replay -- <event.json>   e.g. events/customers/create-customer.json, events/authorizer/request.json');
  process.exit(file ? 0 : 2);
}

let exitCode = 0;
let data: Awaited<ReturnType<typeof openLocalData>> | undefined;
try {
  const event = loadEventFile(file);
  data = await openLocalData();
  const outcome = await createReplayer({ state: data.state })(event);
  console.log(formatReplayOutcome(outcome));
} catch (error) {
  console.error(`replay failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await data?.close();
}
// The functions' DynamoDB client keeps sockets alive, as in Lambda; do not wait for them.
process.exit(exitCode);
