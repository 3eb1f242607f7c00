import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { KEYS } from './keys.js';

// The organization a tenant belongs to, for the handler chain's check of an operator key's
// X-Bankline-Tenant. A tenant never changes organization, so a found answer is kept for the
// container's life (bounded); an unknown tenant is asked again next time.

const MAX_CACHED = 1000;
const known = new Map<string, string>();

export const tenantOrganizationOf = async (tenantId: string): Promise<string | undefined> => {
  const cached = known.get(tenantId);
  if (cached) return cached;
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: KEYS.tenant(tenantId), ProjectionExpression: 'organization_id' }),
  );
  const organizationId = typeof Item?.organization_id === 'string' ? Item.organization_id : undefined;
  if (organizationId) {
    if (known.size >= MAX_CACHED) known.clear();
    known.set(tenantId, organizationId);
  }
  return organizationId;
};
