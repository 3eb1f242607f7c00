// The three shapes of table access a registry grant can ask for (functions/functions.ts), written
// out action by action instead of grantReadData / grantWriteData, which would also allow Scan and
// the kms:*Key* wildcards.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { KEYS } from '../functions/adapters/dynamodb/keys.js';
import { TABLE_DEFINITION } from '../functions/adapters/dynamodb/table-definition.js';

/**
 * `table:read`. TransactGetItems is authorised per contained item by GetItem. No Scan: every
 * access pattern is a key lookup or a Query (design.md, Data).
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/**
 * `table:write`. TransactWriteItems is authorised per contained item by these same actions.
 * No BatchWriteItem: multi-item writes go through transactions.
 */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** Indexes only serve queries. */
export const INDEX_ACTIONS = ['dynamodb:Query'] as const;

/**
 * DynamoDB calls KMS on the caller's behalf for a customer managed key: Decrypt to unwrap the
 * table key (on writes too), Encrypt and GenerateDataKey to write.
 */
export const TABLE_KEY_READ_ACTIONS = ['kms:Decrypt'] as const;
export const TABLE_KEY_WRITE_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

/** Listing the indexes by name avoids an `/index/*` wildcard. */
export const indexArns = (table: dynamodb.ITable): string[] =>
  TABLE_DEFINITION.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);

export function tableReadStatements(table: dynamodb.ITable, key: kms.IKey): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: [...TABLE_READ_ACTIONS], resources: [table.tableArn] }),
    new iam.PolicyStatement({ actions: [...INDEX_ACTIONS], resources: indexArns(table) }),
    new iam.PolicyStatement({ actions: [...TABLE_KEY_READ_ACTIONS], resources: [key.keyArn] }),
  ];
}

export function tableWriteStatements(table: dynamodb.ITable, key: kms.IKey): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: [...TABLE_WRITE_ACTIONS], resources: [table.tableArn] }),
    new iam.PolicyStatement({ actions: [...TABLE_KEY_WRITE_ACTIONS], resources: [key.keyArn] }),
  ];
}

/** API key items' partition keys, `APIKEY#<hash>`: the only items `apikey:read` may get. */
export const API_KEY_PARTITIONS = KEYS.apiKey('*').pk;

/** `apikey:read`, the authorizer's: one GetItem of an API key item, nothing else. */
export function apiKeyLookupStatements(table: dynamodb.ITable, key: kms.IKey): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      actions: ['dynamodb:GetItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [API_KEY_PARTITIONS] } },
    }),
    new iam.PolicyStatement({ actions: [...TABLE_KEY_READ_ACTIONS], resources: [key.keyArn] }),
  ];
}
