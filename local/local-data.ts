import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { pointFunctionsAt } from './functions-env.js';
import { localClient } from './local-client.js';
import { ensureDemoData, stillValid } from './seed.js';
import { banklineHome, dynamodbDataDir, type LocalState, readState, updateState } from './state-file.js';
import { ensureTable } from './table.js';

// How `npm run keys` and `npm run replay` reach "the local data": the running twin's DynamoDB
// Local when local.json names one that answers (in-memory twins included), otherwise a
// DynamoDB Local of their own on .bankline/dynamodb, stopped again by close().

export const DEFAULT_LOCAL_TABLE = 'bankline-local';

export interface LocalData {
  readonly endpoint: string;
  readonly tableName: string;
  /** local.json after any reseeding: organization and tenants are valid in this table. */
  readonly state: LocalState;
  /** True when this process started DynamoDB Local (and close() will stop it). */
  readonly ownDatabase: boolean;
  close(): Promise<void>;
}

export const endpointAnswers = async (endpoint: string): Promise<boolean> => {
  const client = localClient(endpoint, 1_000);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
};

export interface OpenLocalDataOptions {
  /** Seed a new demo organization even when local.json names one this data no longer holds. */
  readonly yes?: boolean;
  /** Where to tell the developer what happens (stderr, so --json output stays clean). */
  readonly say?: (line: string) => void;
}

export class LocalDataRefused extends Error {}

export async function openLocalData(home = banklineHome(), options: OpenLocalDataOptions = {}): Promise<LocalData> {
  const say = options.say ?? ((line: string) => console.error(line));
  const recorded = readState(home);
  const tableName = recorded?.table_name ?? process.env.TABLE_NAME ?? DEFAULT_LOCAL_TABLE;
  const running =
    recorded?.dynamodb_endpoint && (await endpointAnswers(recorded.dynamodb_endpoint)) ? recorded.dynamodb_endpoint : undefined;
  if (!running) say(`No twin is running: starting DynamoDB Local on ${dynamodbDataDir(home)} for this command (stopped when it ends).`);
  const own = running ? undefined : await startDynamoDbLocal({ path: dynamodbDataDir(home) });
  const endpoint = running ?? own!.endpoint;
  try {
    const client = localClient(endpoint);
    await ensureTable(client, tableName);
    client.destroy();
    pointFunctionsAt({ tableName, endpoint, home });
    // local.json's keys may be all a developer has of that organization: never replace it silently.
    if (recorded?.organization && !options.yes && !(await stillValid(recorded, dynamoTenancyStore))) {
      throw new LocalDataRefused(
        `${home}/local.json names organization "${recorded.organization.name}" (${recorded.organization.id}), which this data does not hold ` +
          '(was the twin run --in-memory?). Start the twin (npm start), or rerun with --yes to seed a new demo organization and rewrite local.json.',
      );
    }
    if (!recorded?.organization) say('No demo data yet: seeding the demo organization and tenants into local.json.');
    const demo = await ensureDemoData(recorded);
    const state = demo.seeded
      ? updateState(
          (current) => ({
            ...(current ?? { tenants: [] }),
            table_name: tableName,
            // Seeding into our own database means the data now lives on disk.
            in_memory: own ? false : (current?.in_memory ?? false),
            organization: demo.organization,
            tenants: demo.tenants,
            operator: demo.operator,
          }),
          home,
        )
      : recorded!;
    return { endpoint, tableName, state, ownDatabase: own !== undefined, close: async () => own?.stop() };
  } catch (error) {
    await own?.stop();
    throw error;
  }
}
