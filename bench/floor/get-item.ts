import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

// The bench's floor: the smallest useful DynamoDB Lambda, written as the SDK documents it (a
// client with default settings and one GetItem). Every Bankline function is measured against
// this bundle, built with the same esbuild options.
const client = new DynamoDBClient({});

export const handler = async (event: { pk: string; sk: string }) => {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: event.pk }, sk: { S: event.sk } } }),
  );
  return Item;
};
