// The single table's shape, defined once. The CDK data stack and the local bootstrap both
// build the table from this object, so the twin can never drift from what AWS runs.

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export const TABLE_DEFINITION = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { indexName: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
    // Alternative orders of the person and business lists (sort_by), see keys.ts. CloudFormation
    // adds one GSI per stack update: an existing table takes gsi3, gsi4, gsi5 in three deploys.
    { indexName: 'gsi3', partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
    { indexName: 'gsi4', partitionKey: { name: 'gsi4pk', type: 'S' }, sortKey: { name: 'gsi4sk', type: 'S' } },
    { indexName: 'gsi5', partitionKey: { name: 'gsi5pk', type: 'S' }, sortKey: { name: 'gsi5sk', type: 'S' } },
    // phone_number filters of persons and businesses (sparse: only records with a phone number).
    { indexName: 'gsi6', partitionKey: { name: 'gsi6pk', type: 'S' }, sortKey: { name: 'gsi6sk', type: 'S' } },
    // Ledger: tenant-wide posted and pending transaction lists (ledger-keys.ts).
    { indexName: 'gsi8', partitionKey: { name: 'gsi8pk', type: 'S' }, sortKey: { name: 'gsi8sk', type: 'S' } },
    // Ledger: scheduled work by due day (sparse), see ledger-keys.ts.
    { indexName: 'gsi9', partitionKey: { name: 'gsi9pk', type: 'S' }, sortKey: { name: 'gsi9sk', type: 'S' } },
    // Webhook deliveries waiting for a retry beyond SQS's 15-minute delay, by due time (sparse),
    // swept once a minute (webhook-keys.ts).
    { indexName: 'gsi10', partitionKey: { name: 'gsi10pk', type: 'S' }, sortKey: { name: 'gsi10sk', type: 'S' } },
  ] satisfies IndexDefinition[],
  timeToLiveAttribute: 'expires_at',
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]['indexName'];
