import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TemplateRecord } from '../../accounts/model.js';
import type { InternalAccountRecord } from '../../ledger/gl.js';
import { internalAccountItem } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import type { ApiKeyRecord, OperatorKeyRecord, Organization, Tenant } from '../../tenancy/model.js';
import { templateCreationItems } from './account-template-store.js';
import type { TenancyStore } from '../../tenancy/ports.js';
import { getApiKeyByHash } from './api-key-lookup.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';

const getRecord = async <T>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
  return Item ? stripKeys<T>(Item) : undefined;
};

/** What a new tenant starts with (functions/wiring/tenancy.ts): default templates and the ledger's GLs. */
interface Starter {
  templates: readonly TemplateRecord[];
  gls: readonly InternalAccountRecord[];
}

/** The keys listed under one gsi1 partition (a tenant's API keys, an organization's operator keys). */
const keysListed = async (listPk: string, keyId?: string) => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: keyId === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk = :id',
      ExpressionAttributeValues: { ':pk': listPk, ...(keyId === undefined ? {} : { ':id': keyId }) },
    }),
  );
  return Items;
};

/** Marks the listed key revoked; false when no key of that id is listed there. */
const revokeListedKey = async (listPk: string, keyId: string, at: string): Promise<boolean> => {
  const found = (await keysListed(listPk, keyId))[0];
  if (!found) return false;
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: found.pk, sk: found.sk },
      UpdateExpression: 'SET revoked_time = :at',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
  return true;
};

export const dynamoTenancyStore: TenancyStore<Starter> = {
  async putOrganization(org: Organization) {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...KEYS.organization(org.id), entity: 'ORGANIZATION', ...org },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  getOrganization: (orgId) => getRecord<Organization>(KEYS.organization(orgId)),

  async putTenant(tenant: Tenant, starter: Starter) {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              // Listed for the ledger's daily work (ledger-keys.ts LEDGER_TENANTS).
              Item: { ...KEYS.tenant(tenant.id), ...LEDGER_KEYS.tenantListed(tenant.id), entity: 'TENANT', ...tenant },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...KEYS.organizationTenant(tenant.organization_id, tenant.id), entity: 'ORGANIZATION_TENANT', ...tenant },
            },
          },
          ...starter.templates.flatMap(templateCreationItems),
          ...starter.gls.map((gl) => ({
            Put: { TableName: tableName(), Item: internalAccountItem(gl), ConditionExpression: 'attribute_not_exists(pk)' },
          })),
        ],
      }),
    );
  },

  // Read on request paths (the bank routing of a new account); cached per container after that.
  getTenant: (tenantId) => getRecord<Tenant>(KEYS.tenant(tenantId), true),

  async listTenants(orgId: string) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tenant)',
        ExpressionAttributeValues: { ':pk': KEYS.organization(orgId).pk, ':tenant': 'TENANT#' },
      }),
    );
    return Items.map((item) => stripKeys<Tenant>(item));
  },

  async putApiKey(record: ApiKeyRecord) {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...KEYS.apiKey(record.key_hash),
          gsi1pk: KEYS.tenantApiKeys(record.tenant_id),
          gsi1sk: record.key_id,
          entity: 'API_KEY',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  getApiKeyByHash,

  async listApiKeys(tenantId: string) {
    return (await keysListed(KEYS.tenantApiKeys(tenantId))).map((item) => stripKeys<ApiKeyRecord>(item));
  },

  revokeApiKey: (tenantId: string, keyId: string, at: string) => revokeListedKey(KEYS.tenantApiKeys(tenantId), keyId, at),

  async putOperatorKey(record: OperatorKeyRecord) {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...KEYS.apiKey(record.key_hash),
          gsi1pk: KEYS.organizationOperatorKeys(record.organization_id),
          gsi1sk: record.key_id,
          entity: 'OPERATOR_KEY',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async listOperatorKeys(orgId: string) {
    return (await keysListed(KEYS.organizationOperatorKeys(orgId))).map((item) => stripKeys<OperatorKeyRecord>(item));
  },

  revokeOperatorKey: (orgId: string, keyId: string, at: string) => revokeListedKey(KEYS.organizationOperatorKeys(orgId), keyId, at),
};
