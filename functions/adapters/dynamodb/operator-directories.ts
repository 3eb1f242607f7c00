import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MappingCount, MappingCounter, OrganizationDirectory } from '../../operator/ports.js';
import { documentClient, tableName } from './client.js';
import { MAPPING_KEYS } from './mapping-keys.js';
import { dynamoTenancyStore } from './tenancy-repository.js';

// The operator read path's ports on the table: the organization and its tenants (GetItem and
// one Query of the organization partition), and mapping counts from each tenant's "as new"
// mapping index (gsi4), projected to the three attributes counted, page by page. No Scan.

export const dynamoOrganizationDirectory: OrganizationDirectory = {
  async getOrganization(orgId) {
    const org = await dynamoTenancyStore.getOrganization(orgId);
    return org ? { id: org.id, name: org.name, creation_time: org.creation_time } : undefined;
  },
  async listTenants(orgId) {
    return (await dynamoTenancyStore.listTenants(orgId)).map(({ id, name, bank_routing, creation_time }) => ({
      id,
      name,
      bank_routing,
      creation_time,
    }));
  },
};

export const dynamoMappingCounter: MappingCounter = {
  async countAsNewTenant(tenantId) {
    const counts = new Map<string, MappingCount>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :pk',
          ProjectionExpression: 'old_tenant, resource_type, is_deleted',
          ExpressionAttributeValues: { ':pk': MAPPING_KEYS.mappingsBySideIndex(tenantId, 'NEW') },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of Items) {
        const status = item.is_deleted === true ? 'DELETED' : 'ACTIVE';
        const key = `${item.old_tenant}|${item.resource_type}|${status}`;
        const entry = counts.get(key);
        if (entry) entry.count += 1;
        else counts.set(key, { old_tenant: String(item.old_tenant), resource_type: String(item.resource_type), status, count: 1 });
      }
      startKey = LastEvaluatedKey;
    } while (startKey);
    return [...counts.values()];
  },
};
