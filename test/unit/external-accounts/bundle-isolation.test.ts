import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../functions/functions.js';
import { esbuildLambdaOptions } from '../../../lib/bundling.js';

// The Plaid SDK (~770 KB minified with axios) goes only into the function that calls a vendor:
// every other Lambda, the plain external-accounts one included, is bundled without it.

const inputsOf = async (entry: string): Promise<string[]> => {
  const result = await build({
    ...esbuildLambdaOptions(false),
    entryPoints: [entry],
    write: false,
    metafile: true,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile?.inputs ?? {});
};

const usesPlaid = (inputs: string[]) => inputs.some((path) => path.includes('node_modules/plaid/') || path.includes('node_modules/axios/'));

describe('vendor SDK isolation', () => {
  it('bundles the Plaid SDK into external-accounts-vendor', async () => {
    expect(usesPlaid(await inputsOf('functions/http/external-accounts-vendor.ts'))).toBe(true);
  });

  it.each(FUNCTIONS.filter((fn) => fn.name !== 'external-accounts-vendor').map((fn) => [fn.name, fn.entry] as const))(
    '%s is bundled without it',
    async (_name, entry) => {
      expect(usesPlaid(await inputsOf(entry))).toBe(false);
    },
  );
});
