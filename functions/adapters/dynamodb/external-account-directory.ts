import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ExternalAccountDirectory } from '../../ledger/external-accounts.js';
import { documentClient, tableName } from './client.js';

// The ledger's reader of external account items, written by the external-accounts domain:
//   pk TENANT#<t>#EXTERNAL_ACCOUNT#<id>  sk EXTERNAL_ACCOUNT
// with customer_id | business_id, verification.status, routing_identifiers.ach_routing_number,
// account_identifiers.number and status. Only these fields are read.

export const externalAccountKey = (tenant: string, id: string) => ({
  pk: `TENANT#${tenant}#EXTERNAL_ACCOUNT#${id}`,
  sk: 'EXTERNAL_ACCOUNT',
});

interface ExternalAccountItem {
  id?: string;
  customer_id?: string;
  business_id?: string;
  status?: string;
  verification?: { status?: string };
  routing_identifiers?: { ach_routing_number?: string };
  account_identifiers?: { number?: string };
}

export const dynamoExternalAccountDirectory: ExternalAccountDirectory = {
  async get(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: externalAccountKey(tenant, id), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const item = Item as ExternalAccountItem;
    return {
      id,
      tenant,
      owner: {
        ...(item.customer_id ? { customer_id: item.customer_id } : {}),
        ...(item.business_id ? { business_id: item.business_id } : {}),
      },
      verified: item.verification?.status === 'VERIFIED',
      status: item.status ?? 'ACTIVE',
      routing: item.routing_identifiers?.ach_routing_number ?? '',
      account_number: item.account_identifiers?.number ?? '',
    };
  },
};
