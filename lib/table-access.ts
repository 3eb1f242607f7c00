// The two shapes of table access in Bankline, written out action by action instead of
// grantReadWriteData, which would also allow Scan and the kms:*Key* wildcards.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { TABLE_DEFINITION } from '../functions/adapters/dynamodb/table-definition.js';

/**
 * Item reads and writes a domain handler needs. TransactWriteItems / TransactGetItems are
 * authorised per contained item by these same actions. No Scan: every access pattern is a key
 * lookup or a Query (design.md, Data). No BatchWriteItem: writes go through transactions.
 */
export const DOMAIN_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** DynamoDB calls KMS on the caller's behalf for a customer managed key. */
export const DOMAIN_KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

const indexArns = (table: dynamodb.ITable): string[] =>
  TABLE_DEFINITION.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);

export function grantDomainTableAccess(role: iam.IRole, table: dynamodb.ITable, key: kms.IKey): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: [...DOMAIN_TABLE_ACTIONS], resources: [table.tableArn] }),
  );
  // Indexes only serve queries; listing them by name avoids a `/index/*` wildcard.
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: indexArns(table) }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...DOMAIN_KEY_ACTIONS], resources: [key.keyArn] }));
}

/** The authorizer looks up one API key item and nothing else. */
export function grantApiKeyLookup(role: iam.IRole, table: dynamodb.ITable, key: kms.IKey): void {
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [table.tableArn] }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [key.keyArn] }));
}
