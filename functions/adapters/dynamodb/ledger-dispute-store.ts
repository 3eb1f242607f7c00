import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DisputeAlreadyOpen, type DisputeRecord } from '../../ledger/disputes.js';
import type { LedgerStore } from '../../ledger/ports.js';
import { VersionConflict } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { stripKeys, timeOrdered } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import { queryAll, queryPage } from './query-page.js';
import { type TransactItems, transact, versionedPut } from './transact.js';

// Sandbox disputes (ledger/disputes.ts): the dispute item, and its OPEN marker in the account's
// partition, written and removed in the dispute's own transaction (keys in ledger-keys.ts).

class OpenDisputeClaimed extends Error {}

type DisputeStore = Pick<LedgerStore, 'saveDispute' | 'getDispute' | 'listDisputes' | 'openDisputes'>;

const disputeItem = (d: DisputeRecord) => ({
  ...LEDGER_KEYS.dispute(d.tenant, d.id),
  gsi1pk: LEDGER_KEYS.disputesIndex(d.tenant),
  gsi1sk: timeOrdered(d.creation_time, d.id),
  gsi2pk: LEDGER_KEYS.accountDisputesIndex(d.tenant, d.account_id),
  gsi2sk: timeOrdered(d.creation_time, d.id),
  entity: 'DISPUTE',
  ...d,
});

export const dynamoDisputeStore: DisputeStore = {
  async saveDispute(record, expectedVersion, event) {
    const marker = LEDGER_KEYS.openDispute(record.tenant, record.account_id, record.transaction_id);
    const items: TransactItems = [versionedPut(tableName(), disputeItem(record), expectedVersion), outboxPut(event)];
    if (expectedVersion === undefined) {
      items.push({
        Put: {
          TableName: tableName(),
          Item: { ...marker, entity: 'OPEN_DISPUTE', tenant: record.tenant, dispute_id: record.id, transaction_id: record.transaction_id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
      try {
        await transact('dispute', items, new Map([[2, () => new OpenDisputeClaimed()]]));
        return;
      } catch (error) {
        if (!(error instanceof OpenDisputeClaimed)) throw error;
      }
      const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true }));
      if (Item) throw new DisputeAlreadyOpen(Item.dispute_id as string);
      // Resolved between our write and our read: the claim is free again; the use-case retries.
      throw new VersionConflict('open dispute claim');
    }
    if (record.status !== 'OPEN') items.push({ Delete: { TableName: tableName(), Key: marker } });
    await transact('dispute', items);
  },

  async getDispute(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.dispute(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<DisputeRecord>(Item) : undefined;
  },

  listDisputes: (tenant, accountId, criteria) =>
    accountId
      ? queryPage<DisputeRecord>({ index: 'gsi2', partitionValue: LEDGER_KEYS.accountDisputesIndex(tenant, accountId), ...criteria })
      : queryPage<DisputeRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.disputesIndex(tenant), ...criteria }),

  async openDisputes(tenant, accountId) {
    const markers = await queryAll<{ dispute_id: string; transaction_id: string }>({
      partitionValue: LEDGER_KEYS.openDispute(tenant, accountId, '').pk,
      sortKeyPrefix: LEDGER_KEYS.openDisputePrefix,
      consistent: true,
    });
    return markers.map((m) => ({ id: m.dispute_id, transaction_id: m.transaction_id }));
  },
};
