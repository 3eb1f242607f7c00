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

/**
 * A persisted local table older than the current definition would fail in odd ways (a Query on
 * a missing GSI); say so plainly instead. Key schema and index names are what matter here.
 */
const assertMatchesDefinition = (table: TableDescription, expected: CreateTableCommandInput): void => {
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    JSON.stringify((schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`));
  const indexes = (list: { IndexName?: string; KeySchema?: { AttributeName?: string; KeyType?: string }[] }[] | undefined) =>
    JSON.stringify((list ?? []).map((i) => `${i.IndexName}=${keys(i.KeySchema)}`).sort());
  if (keys(table.KeySchema) !== keys(expected.KeySchema) || indexes(table.GlobalSecondaryIndexes) !== indexes(expected.GlobalSecondaryIndexes)) {
    throw new Error(
      `Local table ${expected.TableName} was created from an older table definition. ` +
        'Delete it (rm -rf .bankline/dynamodb) or start with --in-memory.',
    );
  }
};

/** Creates the table (with TTL) unless it exists; safe to call on every start and from parallel test workers. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existed'> {
  const input = toCreateTableInput(tableName);
  const existing = await describe(client, tableName);
  if (existing) {
    assertMatchesDefinition(existing, input);
    return 'existed';
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
