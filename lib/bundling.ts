// How every Lambda is bundled, stated once: the CDK function construct passes these to
// NodejsFunction, and `npm run bench` bundles with the same values to measure what ships.
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node22',
  format: 'cjs',
} as const;

/** The same settings in esbuild's own terms (NodejsFunction translates its props to these). */
export const ESBUILD_LAMBDA_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  minify: LAMBDA_BUNDLING.minify,
  sourcemap: LAMBDA_BUNDLING.sourceMap,
  sourcesContent: LAMBDA_BUNDLING.sourcesContent,
  target: LAMBDA_BUNDLING.target,
  format: LAMBDA_BUNDLING.format,
  // The AWS SDK is bundled, not taken from the runtime: nothing is external.
  external: [],
};
