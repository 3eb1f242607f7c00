// Stateful resources only: the single table, the key that encrypts it, and the secrets the
// functions read. Kept apart from the API stack so the API can be torn down and redeployed
// without ever touching the data.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION, type KeyAttribute } from '../../functions/adapters/dynamodb/table-definition.js';
import type { SecretName } from '../../functions/functions.js';
import { acknowledgeManualSecretRotation } from '../nag-suppressions.js';
import type { StageConfig } from '../stage.js';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

const ATTRIBUTE_TYPES: Record<KeyAttribute['type'], dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
};

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({ name: key.name, type: ATTRIBUTE_TYPES[key.type] });

export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly tableKey: kms.Key;
  /** Every secret a registry grant `secret:<name>` can name. */
  readonly secrets: Readonly<Record<SecretName, secretsmanager.Secret>>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    // Retained even in dev: deleting a stack must never delete ledger data or make it unreadable.
    this.tableKey = new kms.Key(this, 'TableKey', {
      alias: `alias/${config.resourcePrefix}-table`,
      description: `Encrypts the ${config.tableName} DynamoDB table`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Table (AWS::DynamoDB::Table) rather than TableV2 (GlobalTable): one region is all we need,
    // the local twin creates the same resource type, and cdk-nag can verify PITR on it.
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: config.tableName,
      partitionKey: attribute(TABLE_DEFINITION.partitionKey),
      sortKey: attribute(TABLE_DEFINITION.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      stream: dynamodb.StreamViewType[TABLE_DEFINITION.streamViewType],
      timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
    });
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // The key list page tokens are signed with. Retained like the table: stateful resources
    // outlive the stack, and a re-created key would void every outstanding page token.
    const pageTokenSecret = new secretsmanager.Secret(this, 'PageTokenSecret', {
      secretName: `${config.resourcePrefix}/page-token`,
      description: `Bankline ${config.stage}: signs list page tokens; read once per Lambda cold start`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeManualSecretRotation(pageTokenSecret);

    // External accounts. The aggregator credentials are filled in by an operator
    // ({"plaid": {"client_id", "secret"}, "finicity": {"partner_id", "partner_secret", "app_key"}});
    // vendor access tokens are encrypted with the token key, which lives under a KMS key of its
    // own: reading the table, or holding its key, reveals no token.
    const vendorCredentials = new secretsmanager.Secret(this, 'VendorCredentialsSecret', {
      secretName: `${config.resourcePrefix}/vendor-credentials`,
      description: `Bankline ${config.stage}: Plaid and Finicity credentials; read once per cold start by external-accounts-vendor`,
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'unset', excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeManualSecretRotation(vendorCredentials);
    const vendorTokenKeyKey = new kms.Key(this, 'VendorTokenKeyKey', {
      alias: `alias/${config.resourcePrefix}-vendor-tokens`,
      description: 'Encrypts the key vendor access tokens are sealed with (apart from the table key)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const vendorTokenKey = new secretsmanager.Secret(this, 'VendorTokenKeySecret', {
      secretName: `${config.resourcePrefix}/vendor-token-key`,
      description: `Bankline ${config.stage}: AES-256 key (hex) for vendor access tokens at rest`,
      encryptionKey: vendorTokenKeyKey,
      // 64 hex characters = 32 bytes.
      generateSecretString: {
        passwordLength: 64,
        excludeUppercase: true,
        excludePunctuation: true,
        includeSpace: false,
        excludeCharacters: 'ghijklmnopqrstuvwxyz',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeManualSecretRotation(vendorTokenKey);
    this.secrets = { 'page-token': pageTokenSecret, 'vendor-credentials': vendorCredentials, 'vendor-token-key': vendorTokenKey };

    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'Single table name; pass it to `npm run keys -- create --table`.',
    });
  }
}
