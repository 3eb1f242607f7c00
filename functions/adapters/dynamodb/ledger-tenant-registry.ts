import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { KEYS } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryAll } from './query-page.js';

// The tenants the ledger's scheduled job visits once a day, and its per-tenant per-day marker
// (ledger-keys.ts). One Query of a sparse index partition lists them all: no Scan.

/** Markers only answer "did today's run finish"; they go after a month. */
const LEDGER_DAILY_RUN_TTL_DAYS = 35;

export const ledgerTenantRegistry = {
  /** Every listed tenant id, in id order. */
  async tenants(): Promise<string[]> {
    // The listed item is the tenant item itself, whose id is the tenant id.
    return (await queryAll<{ id: string }>({ index: 'gsi9', partitionValue: LEDGER_KEYS.tenantsIndex })).map((tenant) => tenant.id);
  },

  /** Back-fill: lists a tenant created before the registry (only if its tenant item exists). */
  async list(tenant: string): Promise<void> {
    const keys = LEDGER_KEYS.tenantListed(tenant);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: KEYS.tenant(tenant),
          UpdateExpression: 'SET gsi9pk = :pk, gsi9sk = :sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':pk': keys.gsi9pk, ':sk': keys.gsi9sk },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  async ranOn(tenant: string, day: string): Promise<boolean> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.dailyRun(tenant, day), ConsistentRead: true }),
    );
    return Item !== undefined;
  },

  async markRan(tenant: string, day: string, at: Date): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...LEDGER_KEYS.dailyRun(tenant, day),
          entity: 'LEDGER_DAILY_RUN',
          tenant,
          finished_at: at.toISOString(),
          expires_at: Math.floor(at.getTime() / 1000) + LEDGER_DAILY_RUN_TTL_DAYS * 86_400,
        },
      }),
    );
  },
};
