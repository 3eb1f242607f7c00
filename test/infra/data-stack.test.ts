import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../../functions/adapters/dynamodb/table-definition.js';
import { DataStack } from '../../lib/stacks/data-stack.js';
import { stageConfig, STAGES } from '../../lib/stage.js';
import { cliLikeApp, TEMPLATE_ONLY } from './synth-fixture.js';

// The data stack has no Lambda, so it is synthesized on its own, without bundling.
const templateFor = (stage: (typeof STAGES)[number]) =>
  Template.fromStack(new DataStack(cliLikeApp(TEMPLATE_ONLY), `Data-${stage}`, { config: stageConfig(stage) }));

describe.each(STAGES)('data stack (%s)', (stage) => {
  const template = templateFor(stage);
  const [tableId, table] = Object.entries(template.findResources('AWS::DynamoDB::Table'))[0]!;
  const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));

  it('has exactly one table, named after the stage', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    expect(table.Properties.TableName).toBe(`bankline-${stage}`);
  });

  it('is on-demand, with PITR and deletion protection, retained on delete and replace', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('is encrypted with its own rotating, retained KMS key', () => {
    expect(table.Properties.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('takes keys, stream and TTL from TABLE_DEFINITION', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: TABLE_DEFINITION.streamViewType });
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('has exactly the GSIs of TABLE_DEFINITION, all attributes typed as defined', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keys = [
      TABLE_DEFINITION.partitionKey,
      TABLE_DEFINITION.sortKey,
      ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    expect(table.Properties.AttributeDefinitions).toEqual(keys.map((key) => ({ AttributeName: key.name, AttributeType: key.type })));
  });

  it('holds the page-token secret: generated (64 characters), named after the stage, retained', () => {
    // With the external accounts' two vendor secrets (below).
    template.resourceCountIs('AWS::SecretsManager::Secret', 3);
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: Match.objectLike({
        Name: `bankline-${stage}/page-token`,
        GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false }),
        SecretString: Match.absent(),
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('holds the vendor secrets: credentials, and the token key under a KMS key of its own (not the table key)', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: Match.objectLike({ Name: `bankline-${stage}/vendor-credentials` }),
      DeletionPolicy: 'Retain',
    });
    const keys = template.findResources('AWS::KMS::Key');
    const tokenKey = Object.entries(keys).find(([, k]) => String(k.Properties.Description).includes('vendor access tokens'));
    expect(tokenKey).toBeDefined();
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: Match.objectLike({
        Name: `bankline-${stage}/vendor-token-key`,
        KmsKeyId: { 'Fn::GetAtt': [tokenKey![0], 'Arn'] },
        GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it('outputs the table name for the keys CLI', () => {
    template.hasOutput('TableName', { Value: { Ref: tableId } });
  });
});
