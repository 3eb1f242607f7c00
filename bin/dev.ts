#!/usr/bin/env -S npx tsx
// `npm run dev`: the twin, restarted whenever a file under functions/ or local/ changes. This
// process owns DynamoDB Local (so the data and the Java start-up survive restarts); the twin
// itself (`bin/local.ts`) runs in a child process, so each restart loads fresh handler modules.
// Takes the same flags as `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELP, parseCli } from '../local/cli/args.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../local/dynamodb-local.js';
import { reapOrphanedDynamoDb, runningTwinPid } from '../local/orphans.js';
import { banklineHome, dynamodbDataDir, readState } from '../local/state-file.js';

const USAGE = `Usage: npm run dev -- [--in-memory] [--port <n>] [--json-logs] [--no-auth-cache]
  The twin of npm start, restarted on every change under functions/ and local/; DynamoDB Local and its data stay up.`;

const { values: flags } = parseCli(USAGE, {
  options: {
    'in-memory': { type: 'boolean', default: false },
    port: { type: 'string' },
    'json-logs': { type: 'boolean', default: false },
    'no-auth-cache': { type: 'boolean', default: false },
    help: HELP,
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));
const home = banklineHome();
const passThrough = [
  ...(flags.port ? ['--port', flags.port] : []),
  ...(flags['json-logs'] ? ['--json-logs'] : []),
  ...(flags['no-auth-cache'] ? ['--no-auth-cache'] : []),
  ...(flags['in-memory'] ? ['--in-memory'] : []),
];

let db: DynamoDbLocal | undefined;
let child: ChildProcess | undefined;
let stopping = false;

const stopChild = (): Promise<void> =>
  new Promise((resolve) => {
    const running = child;
    if (!running || running.exitCode !== null) return resolve();
    running.once('exit', () => resolve());
    running.kill('SIGINT');
  });

const startChild = (): void => {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bin/local.ts', '--dynamodb-endpoint', db!.endpoint, '--dynamodb-pid', String(db!.pid), ...passThrough],
    { cwd: root, stdio: 'inherit' },
  );
};

let timer: NodeJS.Timeout | undefined;
let restarting: Promise<void> = Promise.resolve();
const restartSoon = (file: string): void => {
  clearTimeout(timer);
  // Editors write a file in several steps; one restart per burst.
  timer = setTimeout(() => {
    restarting = restarting.then(async () => {
      if (stopping) return;
      console.log(`\n[dev] ${file} changed: restarting the twin (DynamoDB Local and its data stay)\n`);
      await stopChild();
      if (!stopping) startChild();
    });
  }, 150);
};

const shutdown = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await stopChild();
  await db?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

const previous = readState(home);
const other = await runningTwinPid(previous);
if (other) {
  console.error(`a twin is already running at ${previous?.url} (pid ${other}); stop it first: kill -INT ${other}`);
  process.exit(1);
}
await reapOrphanedDynamoDb(previous);
console.log('[dev] Starting DynamoDB Local (kept across restarts)...');
db = await startDynamoDbLocal({ path: flags['in-memory'] ? null : dynamodbDataDir(home) });
// BANKLINE_DEV_WATCH (a path-separated list) replaces the watched folders: tests watch a scratch folder.
const watched = process.env.BANKLINE_DEV_WATCH?.split(delimiter) ?? [`${root}functions`, `${root}local`];
for (const dir of watched) {
  watch(dir, { recursive: true }, (_event, name) => {
    if (name && /\.(ts|json)$/.test(name)) restartSoon(relative(root, join(dir, name)));
  });
}
startChild();
