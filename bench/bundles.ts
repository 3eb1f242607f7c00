import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS } from '../functions/functions.js';
import { ESBUILD_LAMBDA_OPTIONS } from '../lib/bundling.js';

export interface BundleFigure {
  name: string;
  bytes: number;
  coldRequireMs: number;
}

const COLD_RUNS = 7;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// A fresh node process per sample: module loading is what a Lambda cold start pays for our code.
const coldRequire = (file: string): number =>
  median(
    Array.from({ length: COLD_RUNS }, () => {
      const out = execFileSync(
        process.execPath,
        [
          '-e',
          `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`,
        ],
        {
          env: {
            ...process.env,
            TABLE_NAME: 'bench-table',
            AWS_REGION: 'us-east-1',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        },
      );
      return Number(out.toString());
    }),
  );

const bundle = async (name: string, entry: string, outDir: string): Promise<BundleFigure> => {
  const outfile = join(outDir, name, 'index.js');
  await build({ ...ESBUILD_LAMBDA_OPTIONS, entryPoints: [entry], outfile, logLevel: 'error' });
  return { name, bytes: statSync(outfile).size, coldRequireMs: coldRequire(outfile) };
};

/** Bundles every Lambda exactly as CDK does, plus an empty handler as the floor. */
export const measureBundles = async (outDir: string): Promise<BundleFigure[]> => {
  mkdirSync(join(outDir, 'empty'), { recursive: true });
  const emptyEntry = join(outDir, 'empty', 'entry.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
  const figures = [await bundle('(empty handler)', emptyEntry, outDir)];
  for (const { name, entry } of FUNCTIONS) figures.push(await bundle(name, entry, outDir));
  return figures;
};
