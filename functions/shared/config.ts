// Environment read once, at cold start, and validated per function: each function checks exactly
// the variables its registry entry lists (functions/functions.ts), so a misconfigured function
// fails on its first invocation with a message naming the variable instead of deep inside a
// request, and no function is made to carry settings it does not use.
import { type EnvName, functionNamed } from '../functions.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Where a secret comes from: Secrets Manager in AWS, the environment in the twin and tests. */
export type SecretSource = { readonly kind: 'secrets-manager'; readonly arn: string } | { readonly kind: 'value'; readonly value: string };

/** The typed value of each registry variable. */
export interface EnvValues {
  readonly TABLE_NAME: string;
  readonly PAGE_TOKEN_SECRET_ARN: SecretSource;
  readonly VENDOR_ENVIRONMENT: 'sandbox' | 'production';
  readonly PLAID_BASE_URL: string;
  readonly FINICITY_BASE_URL: string;
  readonly VENDOR_CREDENTIALS_SECRET_ARN: SecretSource;
  readonly VENDOR_TOKEN_KEY_SECRET_ARN: SecretSource;
  readonly DELIVERY_QUEUE_URL: string;
  readonly CLOSURE_STATE_MACHINE_ARN: string;
}

type Env = Readonly<Record<string, string | undefined>>;

type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

interface VariableSpec<T> {
  readonly read: (env: Env) => Reading<T>;
}

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const problem = (text: string): Reading<never> => ({ ok: false, problem: text });

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;
/** 32 random bytes in hex (the twin's file) is 64; anything shorter than 128 bits is refused. */
export const MIN_LOCAL_SECRET_LENGTH = 32;

const httpUrl = (name: string, url: string | undefined): Reading<string> =>
  !url
    ? problem(`${name} is not set (the vendor's API base URL)`)
    : /^https?:\/\/[^\s]+$/.test(url)
      ? ok(url)
      : problem(`${name} must be an http(s) URL`);

const secretSource = (env: Env, arnName: string, valueName: string): Reading<SecretSource> => {
  const value = env[valueName];
  if (value) return ok({ kind: 'value', value });
  const arn = env[arnName];
  if (!arn) return problem(`${arnName} is not set (a Secrets Manager secret; locally ${valueName})`);
  return SECRET_ARN.test(arn) ? ok({ kind: 'secrets-manager', arn }) : problem(`${arnName} is not a Secrets Manager secret ARN`);
};

// A Record, so a new EnvName does not compile until it says how it is read and checked.
const VARIABLES: { readonly [K in EnvName]: VariableSpec<EnvValues[K]> } = {
  // The closure state machine the workflow starter starts; the twin runs it in process and sets a placeholder.
  CLOSURE_STATE_MACHINE_ARN: {
    read: ({ CLOSURE_STATE_MACHINE_ARN: arn }) =>
      arn ? ok(arn) : problem('CLOSURE_STATE_MACHINE_ARN is not set (the account-closure state machine ARN)'),
  },
  // The webhook delivery queue; the twin runs its own queue in process and sets a placeholder.
  DELIVERY_QUEUE_URL: {
    read: ({ DELIVERY_QUEUE_URL: url }) => (url ? ok(url) : problem('DELIVERY_QUEUE_URL is not set (the webhook delivery queue URL)')),
  },
  TABLE_NAME: {
    read: ({ TABLE_NAME: name }) =>
      !name
        ? problem('TABLE_NAME is not set (the DynamoDB table name)')
        : name.length < 3
          ? problem('TABLE_NAME must be the DynamoDB table name (3 or more characters)')
          : ok(name),
  },
  // The twin and the tests have no Secrets Manager: they hand the value itself in PAGE_TOKEN_SECRET.
  PAGE_TOKEN_SECRET_ARN: {
    read: ({ PAGE_TOKEN_SECRET: value, PAGE_TOKEN_SECRET_ARN: arn }) => {
      if (value !== undefined && value !== '') {
        return value.length >= MIN_LOCAL_SECRET_LENGTH
          ? ok({ kind: 'value', value })
          : problem(`PAGE_TOKEN_SECRET must be at least ${MIN_LOCAL_SECRET_LENGTH} characters`);
      }
      if (!arn) return problem('PAGE_TOKEN_SECRET_ARN is not set (the page-token secret in Secrets Manager; locally PAGE_TOKEN_SECRET)');
      return SECRET_ARN.test(arn)
        ? ok({ kind: 'secrets-manager', arn })
        : problem('PAGE_TOKEN_SECRET_ARN is not a Secrets Manager secret ARN');
    },
  },
  VENDOR_ENVIRONMENT: {
    read: ({ VENDOR_ENVIRONMENT: value }) =>
      !value
        ? problem('VENDOR_ENVIRONMENT is not set (sandbox or production)')
        : value === 'sandbox' || value === 'production'
          ? ok(value)
          : problem('VENDOR_ENVIRONMENT must be sandbox or production'),
  },
  PLAID_BASE_URL: { read: ({ PLAID_BASE_URL: url }) => httpUrl('PLAID_BASE_URL', url) },
  FINICITY_BASE_URL: { read: ({ FINICITY_BASE_URL: url }) => httpUrl('FINICITY_BASE_URL', url) },
  // The twin and the tests hand the values themselves (VENDOR_CREDENTIALS, VENDOR_TOKEN_KEY).
  VENDOR_CREDENTIALS_SECRET_ARN: { read: (env) => secretSource(env, 'VENDOR_CREDENTIALS_SECRET_ARN', 'VENDOR_CREDENTIALS') },
  VENDOR_TOKEN_KEY_SECRET_ARN: { read: (env) => secretSource(env, 'VENDOR_TOKEN_KEY_SECRET_ARN', 'VENDOR_TOKEN_KEY') },
};

/** One variable, read and checked; values are never part of a message (some are secrets). */
export const readVariable = <K extends EnvName>(name: K, env: Env = process.env): EnvValues[K] => {
  const reading = VARIABLES[name].read(env);
  if (!reading.ok) throw new ConfigError(reading.problem);
  return reading.value;
};

export interface FunctionConfig {
  readonly functionName: string;
  /** Exactly the variables the function's registry entry lists. */
  readonly values: Partial<EnvValues>;
}

/** Reads and checks the variables `functionName` lists, reporting every problem at once. */
export const readFunctionConfig = (functionName: string, env: Env = process.env): FunctionConfig => {
  const values: Partial<Record<EnvName, unknown>> = {};
  const problems: string[] = [];
  for (const name of functionNamed(functionName).env) {
    const reading = VARIABLES[name].read(env);
    if (reading.ok) values[name] = reading.value;
    else problems.push(reading.problem);
  }
  if (problems.length > 0) throw new ConfigError(`function ${functionName} is misconfigured: ${problems.join('; ')}`);
  return { functionName, values: values as Partial<EnvValues> };
};

const byFunction = new Map<string, FunctionConfig>();

/** The function's checked configuration, read on first use (a Lambda's cold start) and kept. */
export const configFor = (functionName: string): FunctionConfig => {
  let found = byFunction.get(functionName);
  if (!found) {
    // Only a valid configuration is kept: a fixed environment is picked up by the next call.
    found = readFunctionConfig(functionName);
    byFunction.set(functionName, found);
  }
  return found;
};

/**
 * Wraps a Lambda handler so that every invocation first has its function's configuration (a map
 * lookup once the cold start has checked it). Handler modules name their registry entry here.
 */
export const checkedHandler =
  <A extends unknown[], R>(functionName: string, handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    configFor(functionName);
    return handler(...args);
  };

/** What the adapters share whichever function they run in. */
export interface Config {
  readonly tableName: string;
  /** Set only by the local twin and tests; in AWS the SDK resolves the regional endpoint. */
  readonly dynamodbEndpoint: string | undefined;
  readonly region: string;
  readonly stage: string;
}

const read = (env: Env): Config => ({
  tableName: readVariable('TABLE_NAME', env),
  dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
  stage: env.STAGE || 'local',
});

let cached: Config | undefined;

export const config = (): Config => (cached ??= read(process.env));

/** Tests and the local twin point the functions at another table without a new process. */
export const resetConfigForTests = (): void => {
  cached = undefined;
  byFunction.clear();
};
