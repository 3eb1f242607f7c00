// How every Lambda is bundled, stated once: the CDK function construct passes these to
// NodejsFunction, and `npm run bench` bundles with the same values to measure what ships.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** Where NodejsFunction runs esbuild (its projectRoot), so relative alias targets resolve alike. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LAMBDA_BUNDLING = {
  minify: true,
  sourcesContent: false,
  target: 'node22',
  format: 'cjs',
  // The AWS SDK publishes ES modules beside its CommonJS build. Resolving those lets esbuild
  // drop the parts of @smithy/core and the client a GetItem/Query/TransactWriteItems never
  // uses: bundles shrink by about 40% and load in half the time. The output stays CommonJS.
  mainFields: ['module', 'main'],
  // The SDK imports its default credential chain (ini files, SSO, STS, process, web identity:
  // about 100 KB) even when the client is given credentials. On Lambda the role's credentials
  // are always in the environment, so the chain is swapped for the environment provider alone.
  // @middy/core imports node:stream/web at load for streamed responses, which no handler returns;
  // web streams cost every cold start about a millisecond. The stand-in reads the global lazily.
  alias: {
    '@aws-sdk/credential-provider-node': './functions/adapters/dynamodb/env-credentials.ts',
    'node:stream/web': './functions/adapters/lambda-stream-web.cjs',
  },
} as const;

/** Packages of the SDK's default credential chain: none of them may end up in a function's bundle. */
export const SDK_DEFAULT_CREDENTIAL_CHAIN = [
  '@aws-sdk/credential-provider-node',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/token-providers',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
] as const;

/** The variables a bundle needs at run time: Node applies source maps to stack traces only when asked to. */
export const bundleEnvironment = (sourceMaps: boolean): Readonly<Record<string, string>> =>
  sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {};

/** The same settings in esbuild's own terms (NodejsFunction translates its props to these). */
export const esbuildLambdaOptions = (sourceMaps: boolean): BuildOptions => ({
  bundle: true,
  platform: 'node',
  absWorkingDir: REPO_ROOT,
  minify: LAMBDA_BUNDLING.minify,
  sourcemap: sourceMaps,
  sourcesContent: LAMBDA_BUNDLING.sourcesContent,
  target: LAMBDA_BUNDLING.target,
  format: LAMBDA_BUNDLING.format,
  mainFields: [...LAMBDA_BUNDLING.mainFields],
  alias: { ...LAMBDA_BUNDLING.alias },
  // The AWS SDK is bundled, not taken from the runtime: nothing is external.
  external: [],
});

/** `alias` has no NodejsFunction prop of its own; it goes through esbuildArgs. */
export const esbuildAliasArgs = (): { '--alias': string[] } => ({
  '--alias': Object.entries(LAMBDA_BUNDLING.alias).map(([from, to]) => `${from}=${to}`),
});
