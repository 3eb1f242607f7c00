import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TemplateRecord } from '../../accounts/model.js';
import { TemplateNameTaken, type TemplateStore } from '../../accounts/ports.js';
import { productGuardItem } from './account-items.js';
import { queryAll, queryPage } from './query-page.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys, timeOrdered } from './keys.js';
import { outboxPut } from './outbox.js';
import { transact, type TransactItems, versionedPut } from './transact.js';

export const templateItem = (t: TemplateRecord) => ({
  ...KEYS.accountTemplate(t.tenant, t.id),
  gsi1pk: KEYS.accountTemplatesIndex(t.tenant),
  gsi1sk: timeOrdered(t.creation_time, t.id),
  gsi2pk: KEYS.accountTemplatesByTypeIndex(t.tenant, t.template.account_type),
  gsi2sk: timeOrdered(t.creation_time, t.id),
  entity: 'ACCOUNT_TEMPLATE',
  ...t,
});

const nameClaimPut = (t: TemplateRecord) => ({
  Put: {
    TableName: tableName(),
    Item: { ...KEYS.accountTemplateName(t.tenant, t.name), entity: 'ACCOUNT_TEMPLATE_NAME', tenant: t.tenant, template_id: t.id },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const nameClaimDelete = (t: TemplateRecord) => ({
  Delete: {
    TableName: tableName(),
    Key: KEYS.accountTemplateName(t.tenant, t.name),
    ConditionExpression: 'template_id = :id',
    ExpressionAttributeValues: { ':id': t.id },
  },
});

/** A template and its name claim, for writes that add templates (tenant creation included). */
export const templateCreationItems = (t: TemplateRecord): TransactItems => [versionedPut(tableName(), templateItem(t)), nameClaimPut(t)];

const nameTaken = (index: number) => new Map([[index, () => new TemplateNameTaken()]]);

export const dynamoTemplateStore: TemplateStore = {
  async getTemplate(tenantId, id) {
    // Strongly consistent: a template created or changed just before must be what an account is built from.
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: KEYS.accountTemplate(tenantId, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<TemplateRecord>(Item) : undefined;
  },

  templatesOfType: (tenantId, type) =>
    queryAll<TemplateRecord>({ index: 'gsi2', partitionValue: KEYS.accountTemplatesByTypeIndex(tenantId, type) }),

  async insertTemplate(template, event, product) {
    await transact(
      'account template',
      [...templateCreationItems(template), outboxPut(event), ...(product ? [productGuardItem(product)] : [])],
      nameTaken(1),
    );
  },

  async replaceTemplate(template, previous, event, product) {
    const renamed = template.name !== previous.name;
    const items: TransactItems = [
      versionedPut(tableName(), templateItem(template), previous.version),
      ...(renamed ? [nameClaimPut(template), nameClaimDelete(previous)] : []),
      outboxPut(event),
      ...(product ? [productGuardItem(product)] : []),
    ];
    await transact('account template', items, renamed ? nameTaken(1) : new Map());
  },

  async deleteTemplate(template, event) {
    await transact('account template', [
      {
        Delete: {
          TableName: tableName(),
          Key: KEYS.accountTemplate(template.tenant, template.id),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': template.version },
        },
      },
      nameClaimDelete(template),
      outboxPut(event),
    ]);
  },

  listTemplates: (tenantId, criteria) =>
    queryPage<TemplateRecord>({ index: 'gsi1', partitionValue: KEYS.accountTemplatesIndex(tenantId), ...criteria }),
};
