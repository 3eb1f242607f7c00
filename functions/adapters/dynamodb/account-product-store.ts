import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { InterestProductRecord } from '../../accounts/model.js';
import type { ProductStore } from '../../accounts/ports.js';
import { queryPage } from './query-page.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys, timeOrdered } from './keys.js';
import { outboxPut } from './outbox.js';
import { transact, versionedPut } from './transact.js';

const productItem = (p: InterestProductRecord) => ({
  ...KEYS.accountProduct(p.tenant, p.id),
  gsi1pk: KEYS.accountProductsIndex(p.tenant, p.product_type),
  gsi1sk: timeOrdered(p.creation_time, p.id),
  entity: 'ACCOUNT_PRODUCT',
  ...p,
});

export const dynamoProductStore: ProductStore = {
  async getProduct(tenantId, id) {
    // Strongly consistent: a product created or changed just before must be what a reference is checked against.
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: KEYS.accountProduct(tenantId, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<InterestProductRecord>(Item) : undefined;
  },

  async insertProduct(product, event) {
    await transact('account product', [versionedPut(tableName(), productItem(product)), outboxPut(event)]);
  },

  async replaceProduct(product, expectedVersion, event) {
    await transact('account product', [versionedPut(tableName(), productItem(product), expectedVersion), outboxPut(event)]);
  },

  listProducts: (tenantId, criteria) =>
    queryPage<InterestProductRecord>({ index: 'gsi1', partitionValue: KEYS.accountProductsIndex(tenantId, 'INTEREST'), ...criteria }),
};
