import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AggregatorVendor } from '../../external-accounts/model.js';
import { documentClient, tableName } from './client.js';
import { EXTERNAL_ACCOUNT_KEYS } from './external-account-keys.js';
import { getItem } from './external-account-store.js';

// The tenant's aggregator (Synctera picks it per program; Bankline per tenant, Plaid by default).

export const readTenantVendor = async (tenantId: string): Promise<AggregatorVendor> => {
  const item = await getItem(EXTERNAL_ACCOUNT_KEYS.vendorSetting(tenantId));
  return item?.vendor === 'FINICITY' ? 'FINICITY' : 'PLAID';
};

/** Operator tooling (npm run keys -- set-vendor). */
export const writeTenantVendor = async (tenantId: string, vendor: AggregatorVendor): Promise<void> => {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...EXTERNAL_ACCOUNT_KEYS.vendorSetting(tenantId), entity: 'TENANT_SETTING', tenant: tenantId, vendor },
    }),
  );
};
