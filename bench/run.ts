import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELP, parseCli, usageError } from '../local/cli/args.js';
import { STAGES, stageConfig } from '../lib/stage.js';
import { type BundleFigure, COLD_SAMPLES, measureBundles } from './bundles.js';
import { measureExternalAccounts, printExternalAccountFigures } from './external-accounts.js';
import { type BenchTwin, type Endpoint, type LatencyFigure, measureAccounts, measureCustomerGet, withBenchTwin } from './latency.js';
import { runLedgerBench } from './ledger.js';
import { CLOSURE_LIMITS, measureClosures, printClosureFigures } from './closure.js';
import { callsOf, LARGE, measureLists, printListFigures } from './lists.js';
import { measureMappings } from './mappings.js';
import { measureWebhookLatency } from './webhooks.js';
import { CONSOLE_GZIP_LIMIT_BYTES, measureConsole } from './console.js';
import { type Progress, progressFor } from './progress.js';
import { kb, ms, times } from './stats.js';

// `npm run bench`: what each Lambda weighs and costs to load next to a bare DynamoDB client,
// and what a warm request costs over a raw GetItem. Figures on stdout, progress on stderr; the
// exit code is 1 when a figure is over its limit.

const LIMITS = {
  bundleOverFloor: 1.25,
  coldRequireOverFloor: 1.25,
  handlerOverGetItem: 1.1,
  twinOverGetItem: 1.3,
  listLargeOverSmall: 1.3,
  listFilterCallsPerPage: 2,
} as const;

const SECTIONS = ['bundles', 'latency', 'mappings', 'external-accounts', 'webhooks', 'ledger', 'lists', 'closures', 'console'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `Usage: npm run bench [-- --only <section>[,<section>...]]

Sections (all by default, in this order):
  bundles  each function's bundle size and cold require time (${COLD_SAMPLES} fresh processes per stage,
           with the stage's NODE_OPTIONS) next to the floor: the SDK's DynamoDB client doing one GetItem
  latency  warm GET /v0/customers/{id} p50/p99: raw GetItem vs the handler alone vs the twin over HTTP;
           POST and GET of an account through the twin; DynamoDB calls per request
  external-accounts  DynamoDB and vendor calls per external-account route, against the fake Plaid
  mappings migration mapping requests through the twin: p50/p99 and DynamoDB calls per request
  webhooks delivery latency from commit to receipt on the twin (stream poll, router, queue, sender)
  lists    list endpoints at 100k items in one tenant next to 1k in another (bench/lists.ts)
  ledger   internal transfer p50/p99 and DynamoDB calls; 50 pairs through one GL vs none (bench/ledger.ts)
  closures Step Functions state transitions per closure path on the twin: internal payout, ACH payout, blocker poll (bench/closure.ts)
  console  the operator console's files, raw and gzip, Preact included (bench/console.ts; limit 100 KB gzip)

Limits (exit code 1 when exceeded): bundle and cold require <= ${LIMITS.bundleOverFloor}x the floor, no SDK default
credential chain and no other domain's code in any function; p50 handler <= ${LIMITS.handlerOverGetItem}x and p50 twin
<= ${LIMITS.twinOverGetItem}x a raw GetItem on the same client; each list's p50 at 100k <= ${LIMITS.listLargeOverSmall}x its p50 at 1k,
and each list filter <= ${LIMITS.listFilterCallsPerPage} DynamoDB calls per page.
BENCH_LISTS_LARGE=2000 BENCH_LISTS_SAMPLES=20 make the lists section a smoke run (its ratios then mean little).`;

const verdicts: string[] = [];

/**
 * Functions allowed over the size and cold-require limits, each with its reason. The Plaid SDK
 * (~770 KB minified with axios) is kept in the one function that calls a vendor, so that every
 * other function, reading an external account included, stays under the limits.
 */
const SIZE_EXEMPT: Readonly<Record<string, string>> = {
  'external-accounts-vendor': 'carries the Plaid SDK; no other function does (test/unit/external-accounts/bundle-isolation.test.ts)',
};
const check = (label: string, ratio: number, limit: number): string => atMost(label, ratio, limit, times, `${limit}x`);

/** A figure against its limit: the verdict line, and exit code 1 when over. */
const atMost = (label: string, value: number, limit: number, format: (v: number) => string, limitText: string): string => {
  const ok = value <= limit;
  if (!ok) process.exitCode = 1;
  verdicts.push(`${ok ? 'ok  ' : 'OVER'} ${label}: ${format(value)} (limit ${limitText})`);
  return format(value);
};

const formatForeign = (foreign: Readonly<Record<string, number>>): string =>
  Object.entries(foreign)
    .map(([domain, bytes]) => `${domain} ${kb(bytes)}`)
    .join(', ') || 'none';

const printBundles = (figures: BundleFigure[]) => {
  const floor = figures.find((f) => f.role === 'floor')!;
  const flags = STAGES.map(
    (s) => `${s}: ${stageConfig(s).sourceMaps ? 'source maps, NODE_OPTIONS=--enable-source-maps' : 'no source maps'}`,
  ).join('; ');
  console.log(`\nBundles (esbuild with lib/bundling.ts, as CDK bundles them), prod size; cold require = median CPU time of require() over`);
  // Wall time is shown too, but on a shared machine it mostly measures the wait for a core.
  console.log(`${COLD_SAMPLES} fresh processes per stage, with the stage's flags (${flags}); wall time in parentheses`);
  console.table(
    figures.map((f) => {
      const isFunction = f.role === 'function';
      const exemption = SIZE_EXEMPT[f.name];
      if (exemption) verdicts.push(`exempt ${f.name} size and cold require: ${exemption}`);
      const ratio = (label: string, value: number, limit: number) =>
        isFunction && !exemption ? check(`${f.name} ${label}`, value, limit) : times(value);
      const row: Record<string, string> = {
        bundle: f.name,
        size: kb(f.bytes),
        'size / floor': f.role === 'floor' ? '-' : ratio('size', f.bytes / floor.bytes, LIMITS.bundleOverFloor),
      };
      for (const stage of STAGES) {
        const { wallMs, cpuMs } = f.coldRequire[stage];
        row[`require ${stage}`] = `${ms(cpuMs)} (wall ${ms(wallMs)})`;
        row[`${stage} / floor`] =
          f.role === 'floor' ? '-' : ratio(`cold require (${stage})`, cpuMs / floor.coldRequire[stage].cpuMs, LIMITS.coldRequireOverFloor);
      }
      row['default credential chain'] = f.defaultChainBytes === 0 ? 'none' : kb(f.defaultChainBytes);
      if (isFunction && f.defaultChainBytes > 0) {
        process.exitCode = 1;
        verdicts.push(`OVER ${f.name} carries the SDK's default credential chain: ${kb(f.defaultChainBytes)} (limit: none)`);
      }
      row['other domains'] = isFunction ? formatForeign(f.foreignDomainBytes) : '-';
      if (isFunction && Object.keys(f.foreignDomainBytes).length > 0) {
        process.exitCode = 1;
        verdicts.push(`OVER ${f.name} carries code of domains it does not serve: ${formatForeign(f.foreignDomainBytes)} (limit: none)`);
      }
      return row;
    }),
  );
};

const printLatency = (figures: LatencyFigure[], raw: LatencyFigure) => {
  console.log('\nWarm latency (keep-alive HTTP client; DynamoDB Local; paths sampled in turn)');
  console.table(
    figures.map((f) => ({
      path: f.name,
      samples: f.samples,
      p50: ms(f.p50),
      p99: ms(f.p99),
      'p50 / raw GetItem': f === raw || !f.name.startsWith('GET /v0/customers') ? '-' : times(f.p50 / raw.p50),
      'DynamoDB calls per request': Object.entries(f.dynamoCalls ?? {})
        .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
        .join(', '),
    })),
  );
};

const runBundles = async (progress: Progress) => {
  const outDir = mkdtempSync(join(tmpdir(), 'bankline-bench-'));
  try {
    printBundles(await measureBundles(outDir, progress));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

const runLatency = async (progress: Progress) => {
  const { customerGet, accounts } = await withBenchTwin(progress, async (twin) => ({
    customerGet: await measureCustomerGet(twin, progress),
    accounts: await measureAccounts(twin, progress),
  }));
  const { raw, handler, twin } = customerGet;
  printLatency([raw, handler, twin, ...accounts], raw);
  check('GET customer p50, handler over raw GetItem', handler.p50 / raw.p50, LIMITS.handlerOverGetItem);
  check('GET customer p50, twin over raw GetItem', twin.p50 / raw.p50, LIMITS.twinOverGetItem);
};

const runConsole = async () => {
  const figures = await measureConsole();
  console.log('\nOperator console bundle (console/build.ts, minified; gzip is what the browser downloads)');
  console.table(figures.map((f) => ({ file: f.file, size: kb(f.bytes), gzip: kb(f.gzipBytes) })));
  const total = figures.reduce((sum, f) => sum + f.gzipBytes, 0);
  atMost('console bundle, gzip', total, CONSOLE_GZIP_LIMIT_BYTES, kb, kb(CONSOLE_GZIP_LIMIT_BYTES));
};

const runLists = async (progress: Progress) => {
  const size = `${LARGE / 1000}k`;
  console.log(`\nLists: ${size} accounts in one tenant vs 1k in another, same run (bench/lists.ts)`);
  const figures = await measureLists(progress);
  printListFigures(figures);
  for (const f of figures) {
    check(`list ${f.name}: p50 at ${size} over 1k`, f.ratio, LIMITS.listLargeOverSmall);
    if (f.filter)
      atMost(
        `list ${f.name}: DynamoDB calls per page`,
        callsOf(f),
        LIMITS.listFilterCallsPerPage,
        (n) => `${n} call${n === 1 ? '' : 's'}`,
        `${LIMITS.listFilterCallsPerPage} calls`,
      );
  }
};

const endpointOf = (twin: BenchTwin): Endpoint => ({
  url: `http://${twin.host}:${twin.port}`,
  apiKey: twin.apiKey,
  tenantId: twin.tenantId,
});

const runExternalAccounts = async (progress: Progress) => {
  const figures = await withBenchTwin(progress, (twin) => measureExternalAccounts(endpointOf(twin)));
  console.log('\nExternal accounts per route: DynamoDB and vendor calls of one warm request (bench/external-accounts.ts)');
  printExternalAccountFigures(figures);
};

const runMappings = async (progress: Progress) => {
  const figures = await withBenchTwin(progress, (twin) => measureMappings(twin, progress));
  console.log('\nMigration mappings through the twin (bench/mappings.ts): DynamoDB calls of one request');
  console.table(
    figures.map((f) => ({
      request: f.request,
      samples: f.samples,
      p50: ms(f.p50),
      p99: ms(f.p99),
      'DynamoDB calls': Object.entries(f.dynamoCalls)
        .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
        .join(', '),
    })),
  );
};

const runWebhooks = async (progress: Progress) => {
  const figure = await withBenchTwin(progress, (twin) => measureWebhookLatency(endpointOf(twin)));
  console.log('\nWebhook delivery on the twin, commit to receipt (bench/webhooks.ts)');
  console.table([{ path: figure.name, samples: figure.samples, p50: ms(figure.p50), p99: ms(figure.p99) }]);
};

const runClosures = async (progress: Progress) => {
  const figures = await measureClosures(progress);
  printClosureFigures(figures);
  const [internal, ach, poll] = figures;
  const count = (v: number) => v.toFixed(1).replace(/\.0$/, '');
  atMost('closure transitions, internal payout', internal!.transitions, CLOSURE_LIMITS.internal, count, String(CLOSURE_LIMITS.internal));
  atMost('closure transitions, ACH payout', ach!.transitions, CLOSURE_LIMITS.ach, count, String(CLOSURE_LIMITS.ach));
  atMost('closure transitions per blocker poll', poll!.transitions, CLOSURE_LIMITS.perPoll, count, String(CLOSURE_LIMITS.perPoll));
};

const RUNNERS: Record<Section, (progress: Progress) => Promise<void>> = {
  bundles: runBundles,
  latency: runLatency,
  mappings: runMappings,
  'external-accounts': runExternalAccounts,
  webhooks: runWebhooks,
  lists: runLists,
  ledger: runLedgerBench,
  closures: runClosures,
  console: runConsole,
};

const parseSections = (only: string | undefined): Section[] => {
  if (only === undefined) return [...SECTIONS];
  const wanted = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0 || wanted.length === 0)
    throw new Error(`unknown section ${unknown.join(', ') || '(none)'}; sections: ${SECTIONS.join(', ')}`);
  return SECTIONS.filter((s) => wanted.includes(s));
};

let sections: Section[] = [];
const { values } = parseCli(USAGE, { options: { only: { type: 'string' }, help: HELP } });
try {
  sections = parseSections(values.only);
} catch (error) {
  usageError(USAGE, (error as Error).message);
}

for (const [index, section] of sections.entries()) {
  const progress = progressFor(section);
  const started = Date.now();
  progress(`section ${index + 1}/${sections.length}`);
  await RUNNERS[section](progress);
  progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (verdicts.length > 0) console.log(`\nLimits\n${verdicts.join('\n')}`);
