import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { MAPPING_KEYS } from './mapping-keys.js';

// The guided migration's write-ahead journal: before re-creating an old record, the migration
// records the id the use-case chose for the new one; after a crash, a re-run looks those ids up
// instead of creating a second copy. Keyed by the old record, so the key is derived from the old id.

export interface MigrationJournal {
  /** Every old record's candidate new ids, keyed `<TYPE>#<old id>`. */
  load(): Promise<Map<string, string[]>>;
  /** Adds a candidate before the create that may use it commits. */
  intend(key: string, newId: string): Promise<void>;
}

export const dynamoMigrationJournal = (newTenantId: string, oldTenantId: string): MigrationJournal => {
  const pk = MAPPING_KEYS.migrationJournal(newTenantId, oldTenantId);
  return {
    async load() {
      const entries = new Map<string, string[]>();
      let startKey: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of Items) entries.set(String(item.sk), [...((item.candidate_ids as Set<string> | undefined) ?? [])]);
        startKey = LastEvaluatedKey;
      } while (startKey);
      return entries;
    },

    async intend(key, newId) {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk, sk: key },
          UpdateExpression: 'ADD candidate_ids :id SET entity = :entity, tenant = :tenant, old_tenant = :old',
          ExpressionAttributeValues: {
            ':id': new Set([newId]),
            ':entity': 'MIGRATION_JOURNAL',
            ':tenant': newTenantId,
            ':old': oldTenantId,
          },
        }),
      );
    },
  };
};
