import {
  type AttributeDefinition,
  type CreateTableCommandInput,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type StreamViewType,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { type IndexDefinition, type KeyAttribute, TABLE_DEFINITION } from '../functions/adapters/dynamodb/table-definition.js';

// The twin's table comes from the same TABLE_DEFINITION object the CDK data stack reads, so a
// GSI added for AWS exists locally on the next start. Billing, encryption and PITR are AWS-only
// concerns and have no DynamoDB Local equivalent.

/** The shape of TABLE_DEFINITION, widened so tests can describe an older table. */
export interface TableShape {
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  readonly streamViewType: StreamViewType;
}

export const toCreateTableInput = (tableName: string, definition: TableShape = TABLE_DEFINITION): CreateTableCommandInput => {
  const attributes = new Map<string, AttributeDefinition>();
  const declare = (key: KeyAttribute) => attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  declare(definition.partitionKey);
  declare(definition.sortKey);
  for (const index of definition.globalSecondaryIndexes) {
    declare(index.partitionKey);
    declare(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: definition.streamViewType },
  };
};

const describe = async (client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

type KeySchema = { AttributeName?: string; KeyType?: string }[] | undefined;
const keysOf = (schema: KeySchema) => JSON.stringify((schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`));

/**
 * What a persisted table lacks compared with the current definition. Indexes that were only
 * added can be added in place (as CloudFormation does on AWS); a changed key schema cannot, so
 * that is refused plainly instead of failing later in odd ways (a Query on a missing GSI).
 */
const missingIndexes = (table: TableDescription, expected: CreateTableCommandInput) => {
  const existing = new Map((table.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, keysOf(i.KeySchema)]));
  const wanted = expected.GlobalSecondaryIndexes ?? [];
  const changed =
    keysOf(table.KeySchema) !== keysOf(expected.KeySchema) ||
    [...existing].some(
      ([name, keys]) =>
        wanted.find((i) => i.IndexName === name) === undefined || keysOf(wanted.find((i) => i.IndexName === name)!.KeySchema) !== keys,
    );
  if (changed) {
    throw new Error(
      `Local table ${expected.TableName} was created from an older table definition whose keys differ. ` +
        'Delete it (rm -rf .bankline/dynamodb) or start with --in-memory.',
    );
  }
  return wanted.filter((i) => !existing.has(i.IndexName));
};

const addIndexes = async (
  client: DynamoDBClient,
  input: CreateTableCommandInput,
  indexes: NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>,
) => {
  for (const index of indexes) {
    const attributes = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: input.TableName,
        AttributeDefinitions: input.AttributeDefinitions?.filter((a) => attributes.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
    // DynamoDB (Local too) builds one new index at a time: the next UpdateTable is refused with
    // LimitExceededException until this one is ACTIVE, which takes longer on a busy machine.
    await indexActive(client, input.TableName!, index.IndexName!);
  }
};

const INDEX_POLL_MS = 50;
const INDEX_WAIT_MS = 120_000;

const indexActive = async (client: DynamoDBClient, tableName: string, indexName: string): Promise<void> => {
  const deadline = Date.now() + INDEX_WAIT_MS;
  while (Date.now() < deadline) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const status = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName)?.IndexStatus;
    if (status === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, INDEX_POLL_MS));
  }
  throw new Error(`index ${indexName} of local table ${tableName} did not become ACTIVE within ${INDEX_WAIT_MS / 1000} s`);
};

/** Creates the table (with TTL) unless it exists; safe to call on every start and from parallel test workers. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existed' | 'upgraded'> {
  const input = toCreateTableInput(tableName);
  const existing = await describe(client, tableName);
  if (existing) {
    const missing = missingIndexes(existing, input);
    if (missing.length === 0) return 'existed';
    await addIndexes(client, input, missing);
    return 'upgraded';
  }
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    // Someone else created it between our DescribeTable and CreateTable.
    if (error instanceof ResourceInUseException) return 'existed';
    throw error;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}
