import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerStore } from '../../ledger/ports.js';
import { VersionConflict } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { LEDGER_KEYS } from './ledger-keys.js';

// A tenant's sandbox clock: its offset from real time, moved under optimistic versioning.

type SandboxClockStore = Pick<LedgerStore, 'clockOffset' | 'saveClockOffset'>;

export const dynamoSandboxClockStore: SandboxClockStore = {
  async clockOffset(tenant) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.sandboxClock(tenant), ConsistentRead: true }),
    );
    return { offset_ms: (Item?.offset_ms as number | undefined) ?? 0, version: (Item?.version as number | undefined) ?? 0 };
  },

  async saveClockOffset(tenant, offsetMs, expectedVersion) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...LEDGER_KEYS.sandboxClock(tenant), entity: 'SANDBOX_CLOCK', tenant, offset_ms: offsetMs, version: expectedVersion + 1 },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
          ...(expectedVersion === 0
            ? {}
            : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new VersionConflict('sandbox clock');
      throw error;
    }
  },
};
