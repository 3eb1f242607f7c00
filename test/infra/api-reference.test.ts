import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_REFERENCE_PATH } from '../../lib/constructs/api-reference.js';
import { openApiDocument } from '../../lib/openapi/document.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, synthBankline, type SynthesizedBankline, TEMPLATE_ONLY } from './synth-fixture.js';

// The API stack publishes the OpenAPI document at GET /openapi.json, served by API Gateway from
// the document's S3 asset: public, one object readable, no function.

let bankline: SynthesizedBankline;

beforeAll(() => {
  bankline = synthBankline('dev', TEMPLATE_ONLY);
}, SYNTH_TIMEOUT_MS);

afterAll(() => bankline?.dispose());

const referenceMethod = () => {
  const resources = resourcesOf(bankline.apiTemplate, 'AWS::ApiGateway::Resource');
  const [resourceId] = Object.entries(resources).find(([, r]) => r.Properties.PathPart === API_REFERENCE_PATH.slice(1)) ?? [];
  const methods = Object.values(resourcesOf(bankline.apiTemplate, 'AWS::ApiGateway::Method'));
  return methods.filter((m) => m.Properties.ResourceId.Ref === resourceId);
};

describe('the published API reference', () => {
  it('is one public GET method answered from S3 with application/json', () => {
    const methods = referenceMethod();
    expect(methods).toHaveLength(1);
    const { HttpMethod, AuthorizationType, AuthorizerId, Integration } = methods[0]!.Properties;
    expect(HttpMethod).toBe('GET');
    expect(AuthorizationType).toBe('NONE');
    expect(AuthorizerId).toBeUndefined();
    expect(Integration).toMatchObject({ Type: 'AWS', IntegrationHttpMethod: 'GET', PassthroughBehavior: 'NEVER' });
    expect(JSON.stringify(Integration.Uri)).toContain(':s3:path/');
    expect(Integration.IntegrationResponses).toEqual([
      { StatusCode: '200', ResponseParameters: { 'method.response.header.Content-Type': "'application/json'" } },
    ]);
  });

  it('lets API Gateway read the document object and nothing else', () => {
    const policies = Object.values(resourcesOf(bankline.apiTemplate, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes('ApiReferenceReadRole'),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('s3:GetObject');
    expect(JSON.stringify(statements[0].Resource)).not.toContain('*');
    const roles = resourcesOf(bankline.apiTemplate, 'AWS::IAM::Role');
    const role = Object.entries(roles).find(([id]) => id.includes('ApiReferenceReadRole'))![1];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'apigateway.amazonaws.com' });
  });

  it('ships the document the twin serves, with the stage as its server', () => {
    const assembly = bankline.app.synth();
    const manifest = JSON.parse(readFileSync(join(assembly.directory, `${bankline.api.artifactId}.assets.json`), 'utf8'));
    const files = Object.values(manifest.files as Record<string, { source: { path: string } }>)
      .map((f) => f.source.path)
      .filter((path) => !path.endsWith('.template.json'));
    const documents = files
      .map((path) => join(assembly.directory, path))
      .flatMap((path) => {
        try {
          return [JSON.parse(readFileSync(path, 'utf8'))];
        } catch {
          return [];
        }
      })
      .filter((json) => json?.openapi);
    expect(documents).toEqual([openApiDocument({ serverUrl: '/dev' })]);
  });
});
