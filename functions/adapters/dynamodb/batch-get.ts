import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';

type Key = { pk: string; sk: string };

/** Strongly consistent BatchGetItem of up to 100 keys, following UnprocessedKeys. */
export const batchGet = async (keys: readonly Key[]): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const out = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[tableName()] ?? []));
      pending = out.UnprocessedKeys?.[tableName()]?.Keys as Key[] | undefined;
    }
  }
  return found;
};
