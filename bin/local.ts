#!/usr/bin/env -S npx tsx
// `npm start`: the local twin. Real DynamoDB Local (Java) with the table CDK deploys, the real
// authorizer and domain handlers behind an API Gateway-faithful HTTP server, and two demo
// tenants with printed API keys.
//
//   npm start                      persist under .bankline/dynamodb, port 3000
//   npm start -- --in-memory       nothing kept after exit
//   npm start -- --port 4000       or PORT=4000; 0 picks a free port
//   BANKLINE_HOME=/tmp/x npm start  state and data elsewhere (tests)
import { readdirSync } from 'node:fs';
import { logger } from '../functions/shared/logger.js';
import { ROUTES } from '../functions/routes.js';
import { HELP, parseCli } from '../local/cli/args.js';
import { formatRequestLine } from '../local/request-log.js';
import { twinIndex } from '../local/twin-index.js';
import { EVENTS_DIR } from '../local/generate-events.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../lib/gateway-contract.js';
import { startupBanner } from '../local/banner.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../local/dynamodb-local.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { DEFAULT_LOCAL_TABLE } from '../local/local-data.js';
import { localClient } from '../local/local-client.js';
import { reapOrphanedDynamoDb, runningTwinPid } from '../local/orphans.js';
import { ensureDemoData } from '../local/seed.js';
import { type RunningServer, startServer } from '../local/server.js';
import { banklineHome, dynamodbDataDir, readState, stateFilePath, updateState } from '../local/state-file.js';
import { ensureTable } from '../local/table.js';
import { type LocalSchedules, startSchedules } from '../local/schedules/timer.js';
import { type LocalVendors, startLocalVendors } from '../local/vendors/local-vendors.js';
import { bindLocalDeliveryQueue } from '../functions/adapters/sqs/delivery-queue.js';
import { systemClock } from '../functions/shared/clock.js';
import { WebhookTwin } from '../local/streams/webhook-twin.js';
import { CONSOLE_PATH, consolePages } from '../local/console-pages.js';
import { ClosureTwin } from '../local/workflows/closure-twin.js';

const USAGE = `Usage: npm start -- [--in-memory] [--port <n>] [--json-logs] [--no-auth-cache]
  --in-memory       keep nothing after exit (default: data in .bankline/dynamodb)
  --port <n>        listen on this port (default 3000, or PORT; 0 picks a free one)
  --json-logs       the handlers' structured (Powertools JSON) logs and JSON request lines, instead of one readable line per request
  --no-auth-cache   authorizer decisions are not cached (on AWS and by default: ${AUTHORIZER_CACHE_TTL_SECONDS} s), so a revoked key fails at once
  env: PORT, TABLE_NAME, BANKLINE_HOME; npm run dev restarts the handlers on file change`;

const { values: flags } = parseCli(USAGE, {
  options: {
    'in-memory': { type: 'boolean', default: false },
    port: { type: 'string' },
    'json-logs': { type: 'boolean', default: false },
    'no-auth-cache': { type: 'boolean', default: false },
    // Set by `npm run dev`: its parent process owns DynamoDB Local, which outlives this process.
    'dynamodb-endpoint': { type: 'string' },
    'dynamodb-pid': { type: 'string' },
    help: HELP,
  },
});

const jsonLogs = flags['json-logs'] ?? false;
// Readable mode: the console is for request lines; handlers only speak up for warnings and errors.
logger.setLogLevel(jsonLogs ? ((process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO') : 'WARN');
const progress = (message: string): void => {
  if (!jsonLogs) console.log(`  ${message}`);
};
const externalDb = flags['dynamodb-endpoint'];

const home = banklineHome();
const inMemory = flags['in-memory'] ?? false;
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const tableName = process.env.TABLE_NAME || DEFAULT_LOCAL_TABLE;

let db: DynamoDbLocal | undefined;
let server: RunningServer | undefined;
let vendors: LocalVendors | undefined;
let webhooks: WebhookTwin | undefined;
let stopping: Promise<never> | undefined;

/** Forget the running-process fields so keys/replay do not probe a dead endpoint. */
const markStopped = (): void => {
  updateState((current) => {
    const {
      url: _url,
      pid: _pid,
      dynamodb_pid: _javaPid,
      dynamodb_endpoint: _endpoint,
      vendors: _vendors,
      ...kept
    } = current ?? {
      table_name: tableName,
      in_memory: inMemory,
      tenants: [],
    };
    return kept;
  }, home);
};

// Idempotent: tsx relays Ctrl-C to this process and may send it again if we are slow to
// acknowledge, and people press Ctrl-C twice. Exiting on the second signal would skip waiting
// for Java, so every call joins the one shutdown (bounded: DynamoDB Local is SIGKILLed after 5 s).
let schedules: LocalSchedules | undefined;
let closures: ClosureTwin | undefined;

const shutdown = (exitCode: number): Promise<never> =>
  (stopping ??= (async () => {
    schedules?.stop();
    await server?.close().catch(() => undefined);
    await vendors?.close().catch(() => undefined);
    await webhooks?.stop().catch(() => undefined);
    await closures?.stop().catch(() => undefined);
    await db?.stop();
    if (server) markStopped();
    process.exit(exitCode);
  })());

const countEvents = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.json')).length;

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${flags.port ?? process.env.PORT}`);
  const previous = readState(home);
  const other = await runningTwinPid(previous);
  if (other) throw new Error(`a twin is already running at ${previous?.url} (pid ${other}); stop it first: kill -INT ${other}`);
  const reaped = externalDb ? undefined : await reapOrphanedDynamoDb(previous);
  if (reaped) console.error(`Stopped DynamoDB Local (pid ${reaped}) left behind by an earlier run.`);

  const dataDir = inMemory ? null : dynamodbDataDir(home);
  progress(externalDb ? `Using DynamoDB Local at ${externalDb}` : 'Starting DynamoDB Local (Java)...');
  db = externalDb
    ? { endpoint: externalDb, port: Number(new URL(externalDb).port), pid: Number(flags['dynamodb-pid'] ?? 0), stop: async () => undefined }
    : await startDynamoDbLocal({ path: dataDir });
  const client = localClient(db.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  pointFunctionsAt({ tableName, endpoint: db.endpoint, home });
  progress('Starting the sandbox vendors (Plaid, Finicity)...');
  const { close: _close, ...vendorUrls } = (vendors = await startLocalVendors(home));
  progress('Seeding the demo organization and tenants...');

  // A different table name means different data: the recorded tenants do not apply.
  const demo = await ensureDemoData(previous?.table_name === tableName ? previous : undefined);
  const linkPage = vendorUrls.plaid.link_page;
  try {
    server = await startServer({
      port,
      ...(flags['no-auth-cache'] ? { authorizerCacheTtlSeconds: 0 } : {}),
      onRequest: (entry) => console.log(formatRequestLine(entry, jsonLogs)),
      // The demo operator key is read from local.json at request time (the sign-in page pre-fill).
      console: consolePages({ localOperatorKey: () => readState(home)?.operator?.api_key }),
      index: () =>
        twinIndex(demo, {
          api: server!.url,
          docs: `${server!.url}/docs`,
          ...(linkPage ? { link_test_page: linkPage } : {}),
          console: `${server!.url}${CONSOLE_PATH}/`,
        }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`port ${port} is in use; use --port <n> or PORT=<n>`);
    throw error;
  }
  const state = updateState(
    () => ({
      url: server!.url,
      pid: process.pid,
      dynamodb_pid: db!.pid,
      dynamodb_endpoint: db!.endpoint,
      table_name: tableName,
      in_memory: inMemory,
      organization: demo.organization,
      tenants: demo.tenants,
      operator: demo.operator,
      vendors: vendorUrls,
    }),
    home,
  );
  schedules = startSchedules();
  // Webhooks: the same router, sender and sweeper as in AWS, on the table's stream (local/streams/).
  webhooks = new WebhookTwin({
    endpoint: db.endpoint,
    tableName,
    clock: systemClock,
    checkpoints: {
      // From the state read before this start rewrote it; the poller checks the stream is the same.
      load: () => {
        const saved = previous?.table_name === tableName ? previous.webhook_stream : undefined;
        return saved ? { streamArn: saved.stream_arn, shards: saved.shards } : undefined;
      },
      save: ({ streamArn, shards }) => updateState((s) => ({ ...s!, webhook_stream: { stream_arn: streamArn, shards } }), home),
    },
  });
  await webhooks.start();
  bindLocalDeliveryQueue(webhooks.queue);
  webhooks.followSandboxClock();
  webhooks.run();
  // Account closures: the same state machine definition in aws-local-stepfunctions, started from
  // the table's stream, waits on each tenant's sandbox clock; unfinished closures resume here.
  closures = new ClosureTwin({ endpoint: db.endpoint, tableName });
  const resumed = await closures.start();
  closures.run();
  if (resumed > 0) console.log(`Resumed ${resumed} account closure(s) in progress (npm run closures).`);
  console.log(startupBanner({ ...state, url: server.url }, stateFilePath(home), dataDir));
  console.log(
    `Sandbox vendors: Plaid ${vendorUrls.plaid.url} (Link test page ${vendorUrls.plaid.link_page}), Finicity ${vendorUrls.finicity.url}`,
  );
  console.log(`Serving ${ROUTES.length} routes; ${countEvents(EVENTS_DIR)} sample events in events/ (npm run replay -- <file>).`);
  console.log(`Index: ${server.url}/  (version, links, tenants)${flags['no-auth-cache'] ? '; authorizer cache off' : ''}`);
  console.log(`API reference: ${server.url}/docs  (OpenAPI document: ${server.url}/openapi.json)`);
  if (!jsonLogs) console.log('\nRequests:');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`bankline local twin failed to start: ${message}`);
  await shutdown(1);
});
