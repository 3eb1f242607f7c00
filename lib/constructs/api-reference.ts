// Publishes the OpenAPI document beside the API: `GET /openapi.json` on the REST API, answered by
// API Gateway straight from S3 (the document is a file asset in the CDK bootstrap bucket), with
// no function and no bucket of its own. The reference is public, like the twin's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aws } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { acknowledgePublicApiReference } from '../nag-suppressions.js';

export const API_REFERENCE_PATH = '/openapi.json';

export interface ApiReferenceProps {
  readonly api: apigw.RestApi;
  /** The OpenAPI document (lib/openapi/document.ts). */
  readonly document: object;
}

export class ApiReference extends Construct {
  readonly method: apigw.Method;

  constructor(scope: Construct, id: string, props: ApiReferenceProps) {
    super(scope, id);
    const file = join(mkdtempSync(join(tmpdir(), 'bankline-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(props.document));
    const asset = new Asset(this, 'Document', { path: file });

    // Reads this one object, nothing else of the bootstrap bucket.
    const role = new iam.Role(this, 'ReadRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway reads the published OpenAPI document',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${asset.s3BucketName}/${asset.s3ObjectKey}`],
      }),
    );

    const json = "'application/json'";
    const integration = new apigw.AwsIntegration({
      service: 's3',
      integrationHttpMethod: 'GET',
      path: `${asset.s3BucketName}/${asset.s3ObjectKey}`,
      options: {
        credentialsRole: role,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Content-Type': json } }],
      },
    });
    this.method = props.api.root.resourceForPath(API_REFERENCE_PATH).addMethod('GET', integration, {
      operationName: 'getOpenApiDocument',
      methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Content-Type': true } }],
    });
    // The API's default authorizer cannot be unset through addMethod's options (they merge with
    // the defaults), so the public method is set on the resource itself.
    const cfn = this.method.node.defaultChild as apigw.CfnMethod;
    cfn.authorizationType = apigw.AuthorizationType.NONE;
    cfn.addPropertyDeletionOverride('AuthorizerId');
    acknowledgePublicApiReference(this.method);
  }
}
