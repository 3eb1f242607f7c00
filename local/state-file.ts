import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `.bankline/local.json`: how other commands (keys, replay, a developer's curl) find the running
// twin and its demo tenants. It holds the demo API keys in clear text. That is deliberate and
// local-only: real keys are shown once and stored as hashes, but a sandbox whose keys vanish
// after the first terminal scroll is useless. The file is written 0600 and .bankline/ is
// gitignored.

export interface LocalTenant {
  readonly id: string;
  readonly name: string;
  readonly bank_routing: string;
  readonly api_key: string;
}

/** The demo operator key (issue 13): organization-wide reads for the console. */
export interface LocalOperator {
  readonly key_id: string;
  readonly api_key: string;
}

export interface LocalState {
  /** Present while a twin runs. */
  url?: string;
  /** The twin's process id while it runs. */
  pid?: number;
  /** DynamoDB Local's Java pid while the twin runs, to find an orphan after a crash. */
  dynamodb_pid?: number;
  dynamodb_endpoint?: string;
  table_name: string;
  in_memory: boolean;
  organization?: { id: string; name: string };
  tenants: LocalTenant[];
  /** The demo operator key of the organization (the console signs in with it). */
  operator?: LocalOperator;
  /** The sandbox vendors while the twin runs (external accounts): where scripts reach the fakes. */
  vendors?: {
    plaid: { url: string; client_id: string; secret: string; link_page: string };
    finicity: { url: string; partner_id: string; partner_secret: string; app_key: string };
  };
  /** Where the twin's webhook pipeline stopped reading the table's stream (local/streams/). */
  webhook_stream?: { stream_arn: string; shards: Record<string, string> };
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `.bankline/` at the repository root; BANKLINE_HOME moves it (tests use temp dirs). */
export const banklineHome = (): string => resolve(process.env.BANKLINE_HOME || join(REPO_ROOT, '.bankline'));

export const stateFilePath = (home = banklineHome()): string => join(home, 'local.json');

export const dynamodbDataDir = (home = banklineHome()): string => join(home, 'dynamodb');

export const readState = (home = banklineHome()): LocalState | undefined => {
  const file = stateFilePath(home);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalState;
  } catch (error) {
    throw new Error(`${file} is not valid JSON; delete it and restart the twin (${(error as Error).message})`);
  }
};

/** Atomic replace, so a reader never sees half a file. */
export const writeState = (state: LocalState, home = banklineHome()): void => {
  mkdirSync(home, { recursive: true });
  const file = stateFilePath(home);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
};

/** Read-modify-write; the callback receives undefined when no file exists yet. */
export const updateState = (change: (current: LocalState | undefined) => LocalState, home = banklineHome()): LocalState => {
  const next = change(readState(home));
  writeState(next, home);
  return next;
};

export const tenantByIdOrName = (state: LocalState | undefined, idOrName: string): LocalTenant | undefined =>
  state?.tenants.find((t) => t.id === idOrName) ?? state?.tenants.find((t) => t.name.toLowerCase() === idOrName.toLowerCase());
