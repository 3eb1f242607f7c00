import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { type EnvName, FUNCTIONS, type FunctionDefinition } from '../functions/functions.js';
import { DOMAINS } from '../functions/routes.js';
import { bundleEnvironment, esbuildLambdaOptions, SDK_DEFAULT_CREDENTIAL_CHAIN } from '../lib/bundling.js';
import { STAGES, type Stage, stageConfig } from '../lib/stage.js';
import { type ColdRequire, type ColdRequireTarget, measureColdRequires } from './cold-require.js';
import type { Progress } from './progress.js';

// Every function of the registry bundled exactly as CDK bundles it, next to the floor: the SDK's
// DynamoDB client doing one GetItem, bundled with the same options in the same run. Then each
// bundle is loaded in fresh processes with the variables Lambda sets, per stage.

/** Fresh processes per bundle and stage; the median of 15 is stable on a busy 2-core machine. */
export const COLD_SAMPLES = 15;

export const FLOOR = 'floor: SDK client + GetItem';
export const FLOOR_ENV_CREDENTIALS = 'floor, env credentials only';
const FLOOR_ENTRY = 'bench/floor/get-item.ts';

/** A route-table domain's folder under functions/ (`external_accounts_vendor` serves `external-accounts`). */
const folderOf = (domain: string): string => domain.replace(/_vendor$/, '').replaceAll('_', '-');

/** Folders holding one domain's rules; a function may carry only its own. */
const DOMAIN_FOLDERS = [...DOMAINS.map(folderOf), 'tenancy'];

/**
 * Cross-domain work a function does by design, through a port its domain declares and the wiring
 * binds: the customers function runs accounts' KYC listener (a verification outcome restricts or
 * releases the holder's accounts in the same request), and the accounts function draws the
 * holder's PERSON/BUSINESS.UPDATED body when `has_accounts` changes; the mappings function reads
 * the mapped persons, businesses and accounts through their stores to check they exist; the
 * webhooks function reads a tenant's sandbox clock offset (the ledger's clock store) on sandbox stages.
 */
const ALSO_SERVES: Readonly<Record<string, readonly string[]>> = {
  customers: ['accounts'],
  accounts: ['customers'],
  mappings: ['accounts', 'customers'],
  webhooks: ['ledger'],
  // The sandbox wipe (POST /v0/wipe, served by the ledger function) also deletes the tenant's
  // external accounts, with the claim keys their items derive.
  ledger: ['external-accounts'],
  // The closure HTTP function answers with the account (accounts' view) and checks destinations
  // against the ledger's accounts and the external-account directory, through closure's ports.
  closures: ['accounts', 'ledger', 'external-accounts'],
};

const servedFolder = (f: FunctionDefinition): string | undefined =>
  f.trigger.kind === 'http' ? folderOf(f.trigger.domain) : f.trigger.kind === 'authorizer' ? 'tenancy' : undefined;

export interface BundleFigure {
  readonly name: string;
  readonly role: 'floor' | 'reference' | 'function';
  readonly bytes: number;
  /** Median cold require per stage. */
  readonly coldRequire: Readonly<Record<Stage, ColdRequire>>;
  readonly defaultChainBytes: number;
  /** Bytes from other domains' folders (functions/<domain>/, functions/http/<domain>/), by domain. */
  readonly foreignDomainBytes: Readonly<Record<string, number>>;
}

interface Built {
  readonly name: string;
  readonly role: BundleFigure['role'];
  readonly served?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly files: Record<Stage, string>;
  readonly bytes: number;
  readonly meta: Metafile;
}

// Values of the right shape, so each function's configuration check at cold start passes.
const PLACEHOLDERS: Record<EnvName, string> = {
  TABLE_NAME: 'bankline-bench',
  PAGE_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bankline-bench-page-token',
  VENDOR_ENVIRONMENT: 'sandbox',
  PLAID_BASE_URL: 'https://sandbox.plaid.com',
  FINICITY_BASE_URL: 'https://api.finicity.com',
  VENDOR_CREDENTIALS_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bankline-bench-vendor-credentials',
  VENDOR_TOKEN_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bankline-bench-vendor-token-key',
  DELIVERY_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bankline-bench-webhook-deliveries',
  CLOSURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:bankline-bench-closure',
};

/** What Lambda sets for every function (credentials included), minus what varies per stage. */
const lambdaEnvironment = (name: string, variables: readonly EnvName[]): Record<string, string> => ({
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'ASIABENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: `bankline-bench-${name}`,
  POWERTOOLS_SERVICE_NAME: `bankline-${name}`,
  // Node 20 here, 22 on Lambda: the SDK's upgrade notice is not part of a Lambda cold start.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ...Object.fromEntries(variables.map((v) => [v, PLACEHOLDERS[v]])),
});

const stageEnvironment = (stage: Stage): Record<string, string> => {
  const config = stageConfig(stage);
  return { STAGE: stage, LOG_LEVEL: config.logLevel, ...bundleEnvironment(config.sourceMaps) };
};

const packageOf = (input: string): string | undefined => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];

const inputsOf = (meta: Metafile) => Object.values(meta.outputs).find((o) => o.entryPoint)?.inputs ?? {};

const defaultChainBytes = (meta: Metafile): number =>
  Object.entries(inputsOf(meta))
    .filter(([input]) => (SDK_DEFAULT_CREDENTIAL_CHAIN as readonly string[]).includes(packageOf(input) ?? ''))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);

const foreignDomainBytes = (meta: Metafile, served: string | undefined): Record<string, number> => {
  const foreign: Record<string, number> = {};
  if (!served) return foreign;
  for (const [input, { bytesInOutput }] of Object.entries(inputsOf(meta))) {
    const folder = input.match(/^functions\/(?:http\/)?([^/]+)\//)?.[1];
    if (folder && folder !== served && DOMAIN_FOLDERS.includes(folder) && !ALSO_SERVES[served]?.includes(folder)) {
      foreign[folder] = (foreign[folder] ?? 0) + bytesInOutput;
    }
  }
  return foreign;
};

const bundle = async (
  outDir: string,
  spec: { name: string; role: BundleFigure['role']; entry: string; served?: string; env: Record<string, string>; credentialAlias: boolean },
): Promise<Built> => {
  const files = {} as Record<Stage, string>;
  let meta: Metafile | undefined;
  for (const stage of STAGES) {
    const options = esbuildLambdaOptions(stageConfig(stage).sourceMaps);
    const outfile = join(outDir, stage, spec.name.replace(/[^\w-]+/g, '-'), 'index.js');
    mkdirSync(join(outfile, '..'), { recursive: true });
    const result = await build({
      ...options,
      // The floor as a plain Lambda ships it: the SDK's own default credential chain.
      ...(spec.credentialAlias ? {} : { alias: {} }),
      entryPoints: [spec.entry],
      outfile,
      metafile: true,
      logLevel: 'warning',
    });
    files[stage] = outfile;
    meta ??= result.metafile;
  }
  return { ...spec, files, bytes: statSync(files.prod).size, meta: meta! };
};

export const measureBundles = async (outDir: string, progress: Progress): Promise<BundleFigure[]> => {
  const specs = [
    { name: FLOOR, role: 'floor' as const, entry: FLOOR_ENTRY, env: lambdaEnvironment('floor', ['TABLE_NAME']), credentialAlias: false },
    {
      name: FLOOR_ENV_CREDENTIALS,
      role: 'reference' as const,
      entry: FLOOR_ENTRY,
      env: lambdaEnvironment('floor', ['TABLE_NAME']),
      credentialAlias: true,
    },
    ...FUNCTIONS.map((f) => ({
      name: f.name,
      role: 'function' as const,
      entry: f.entry,
      served: servedFolder(f),
      env: lambdaEnvironment(f.name, f.env),
      credentialAlias: true,
    })),
  ];
  const built: Built[] = [];
  for (const spec of specs) {
    progress(`bundling ${spec.name} (${STAGES.join(', ')})`);
    built.push(await bundle(outDir, spec));
  }
  const cold = {} as Record<Stage, Map<string, ColdRequire>>;
  for (const stage of STAGES) {
    const env = stageEnvironment(stage);
    const targets: ColdRequireTarget[] = built.map((b) => ({ name: b.name, file: b.files[stage], env: { ...b.env, ...env } }));
    cold[stage] = measureColdRequires(targets, COLD_SAMPLES, (round) => {
      if (round === 1 || round % 5 === 0)
        progress(`cold require, ${stage} (${env.NODE_OPTIONS ?? 'no NODE_OPTIONS'}): round ${round}/${COLD_SAMPLES}`);
    });
  }
  return built.map((b) => ({
    name: b.name,
    role: b.role,
    bytes: b.bytes,
    coldRequire: Object.fromEntries(STAGES.map((s) => [s, cold[s].get(b.name)!])) as Record<Stage, ColdRequire>,
    defaultChainBytes: defaultChainBytes(b.meta),
    foreignDomainBytes: foreignDomainBytes(b.meta, b.served),
  }));
};
