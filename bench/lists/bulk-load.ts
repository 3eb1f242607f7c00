import { BatchWriteItemCommand, type BatchWriteItemCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE } from './sizes.js';

// Writing the bulk data straight to the table: fast, where the API would take hours at 100k.

// DynamoDB Local's insert rate is the bound (Node marshals 200k items in about 2 s); more writers keep its threads busy.
const WRITERS = 32;

/** BatchWriteItem in chunks of 25 by parallel writers; unprocessed items are sent again. */
export const load = async (client: DynamoDBClient, items: readonly Record<string, unknown>[]) => {
  let next = 0;
  const writer = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let request: BatchWriteItemCommandInput['RequestItems'] = {
        [TABLE]: chunk.map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } })),
      };
      while (request && Object.keys(request).length > 0)
        request = (await client.send(new BatchWriteItemCommand({ RequestItems: request }))).UnprocessedItems;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
};
