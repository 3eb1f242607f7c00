// Vitest globalSetup shared by the integration and e2e projects: ONE in-memory DynamoDB Local per
// test run (a Java start costs seconds), with the table built from TABLE_DEFINITION exactly as
// the twin builds it. Test files isolate themselves by tenant (each seeds its own), not by table.
//
// In a test file (worker side):
//   import { useTestTable } from '../helpers/dynamodb-local.js';
//   const { endpoint, tableName } = useTestTable();   // also points functions/ at the table
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { pointFunctionsAt } from '../../local/functions-env.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { localClient } from '../../local/local-client.js';
import { ensureTable } from '../../local/table.js';
import { TEST_PAGE_TOKEN_SECRET } from './test-secrets.js';

export const TEST_TABLE = 'bankline-test';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    dynamodbTable: string;
  }
}

// The integration and e2e projects each run this setup in the one vitest main process; they
// share the Java process (and its table) instead of paying for a second start. globalThis is the
// one object both project instances of this module are sure to see.
interface Shared {
  ready: Promise<DynamoDbLocal>;
  users: number;
}
const registry = globalThis as { __banklineTestDynamoDb?: Shared };

const start = async (): Promise<DynamoDbLocal> => {
  const db = await startDynamoDbLocal({ path: null });
  const client = localClient(db.endpoint);
  try {
    await ensureTable(client, TEST_TABLE);
  } finally {
    client.destroy();
  }
  return db;
};

export async function setup(project: TestProject): Promise<void> {
  const shared = (registry.__banklineTestDynamoDb ??= { ready: start(), users: 0 });
  shared.users += 1;
  const db = await shared.ready;
  project.provide('dynamodbEndpoint', db.endpoint);
  project.provide('dynamodbTable', TEST_TABLE);
  // Workers are started after globalSetup and inherit this process's environment, so code that
  // reads the variables directly (functions/shared/config.ts) works without inject().
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_NAME = TEST_TABLE;
  process.env.PAGE_TOKEN_SECRET = TEST_PAGE_TOKEN_SECRET;
  // Handlers log every rejection at INFO; tests provoke hundreds. LOG_LEVEL=INFO to see them.
  process.env.POWERTOOLS_LOG_LEVEL ||= 'ERROR';
}

export async function teardown(): Promise<void> {
  const shared = registry.__banklineTestDynamoDb;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  registry.__banklineTestDynamoDb = undefined;
  await (await shared.ready).stop();
}

/** Worker side: the shared table's coordinates, with functions/ configured to use it. */
export function useTestTable(): { endpoint: string; tableName: string } {
  const endpoint = inject('dynamodbEndpoint');
  const tableName = inject('dynamodbTable');
  pointFunctionsAt({ tableName, endpoint });
  return { endpoint, tableName };
}
