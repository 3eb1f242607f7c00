import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELP, parseCli } from '../local/cli/args.js';
import { measureBundles } from './bundles.js';
import { measureExternalAccounts, printExternalAccountFigures } from './external-accounts.js';
import { measureAccounts, measureCustomerGet, withBenchTwin } from './latency.js';
import { measureLists, printListFigures } from './lists.js';
import { measureWebhookLatency } from './webhooks.js';

// `npm run bench`: what each Lambda weighs and costs to load, and what a request through the
// whole stack (gateway emulation, authorizer, middleware, DynamoDB) costs over a bare GetItem.

parseCli('Usage: npm run bench\n  bundle sizes and cold requires, warm latency through the twin vs raw DynamoDB Local, lists at 100k', {
  options: { help: HELP },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

const outDir = mkdtempSync(join(tmpdir(), 'bankline-bench-'));
try {
  console.log('Bundles (esbuild, same options as CDK: minified, source maps, SDK bundled)');
  const bundles = await measureBundles(outDir);
  const floor = bundles[0]!;
  console.table(
    bundles.map((b) => ({
      function: b.name,
      size: kb(b.bytes),
      'cold require (median of 7)': ms(b.coldRequireMs),
      'over empty': b === floor ? '-' : ms(b.coldRequireMs - floor.coldRequireMs),
    })),
  );

  console.log('Latency through the local twin vs raw DynamoDB Local (same process, same run)');
  const [api, raw, ...accounts] = await withBenchTwin(async (endpoint, client) => [
    ...(await measureCustomerGet(endpoint, client)),
    ...(await measureAccounts(endpoint)),
    await measureWebhookLatency(endpoint),
  ]);
  console.table(
    [api!, raw!, ...accounts].map((f) => ({
      path: f.name,
      samples: f.samples,
      p50: ms(f.p50),
      p99: ms(f.p99),
      'DynamoDB calls per request': f.name.startsWith('raw')
        ? 'GetItem: 1'
        : Object.entries(f.dynamoCalls ?? {})
            .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
            .join(', '),
    })),
  );
  console.log(`ratio (API / raw GetItem): p50 ${(api!.p50 / raw!.p50).toFixed(2)}x, p99 ${(api!.p99 / raw!.p99).toFixed(2)}x`);

  console.log('External accounts per route: DynamoDB and vendor calls of one warm request (bench/external-accounts.ts)');
  printExternalAccountFigures(await withBenchTwin((endpoint) => measureExternalAccounts(endpoint)));

  console.log('Lists: 100k accounts in one tenant vs 1k in another, same run (bench/lists.ts)');
  printListFigures(await measureLists(console.log));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
