// A registry entry naming a resource the app does not define fails synth with a message that
// says which function, which grant or variable, and what exists.
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import type { FunctionDefinition, Grant } from '../../functions/functions.js';
import { BanklineFunction } from '../../lib/constructs/bankline-function.js';
import { grantStatements } from '../../lib/function-grants.js';
import type { FunctionResources } from '../../lib/function-resources.js';
import { stageConfig } from '../../lib/stage.js';

const setup = (secrets: FunctionResources['secrets'] = {}, stack = new Stack(new App(), 'Grants')) => {
  const tableKey = new kms.Key(stack, 'Key');
  const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  const resources: FunctionResources = {
    table,
    tableKey,
    secrets,
    stateMachines: new Map(),
    queues: new Map([['webhooks', new sqs.Queue(stack, 'Webhooks')]]),
  };
  return { stack, resources };
};

const definition = (grants: readonly Grant[], env: FunctionDefinition['env'] = []): FunctionDefinition => ({
  name: 'closure-starter',
  entry: 'functions/streams/closure-starter.ts',
  description: 'test',
  trigger: { kind: 'table-stream' },
  env,
  grants,
});

const build = (fn: FunctionDefinition, secrets?: FunctionResources['secrets']) => {
  const { stack, resources } = setup(secrets);
  return () => new BanklineFunction(stack, 'Fn', { config: stageConfig('dev'), definition: fn, resources });
};

describe('unknown grant targets fail synth', () => {
  it('a state machine the app does not define', () => {
    expect(build(definition(['state-machine:closure']))).toThrow(
      'function closure-starter (functions/functions.ts) refers to state machine "closure", which this app does not define (defined: none)',
    );
  });

  it('a queue the app does not define, listing the ones it does', () => {
    expect(build(definition(['queue:webhook-deliveries']))).toThrow(/refers to queue "webhook-deliveries".*\(defined: webhooks\)/);
  });

  it('a secret the app does not define, as a grant or as a variable', () => {
    expect(build(definition(['secret:page-token']))).toThrow(/refers to secret "page-token"/);
    expect(build(definition([], ['PAGE_TOKEN_SECRET_ARN']))).toThrow(/refers to secret "page-token"/);
  });

  it('a grant of a kind nobody knows', () => {
    expect(build(definition(['bucket:reports' as Grant]))).toThrow(/grant kind "bucket"/);
  });
});

describe('grants on encrypted targets', () => {
  it('adds kms:Decrypt through Secrets Manager only, for a secret under a customer managed key', () => {
    const stack = new Stack(new App(), 'Cmk');
    const key = new kms.Key(stack, 'SecretKey');
    const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: key });
    const { resources } = setup({ 'page-token': secret }, stack);
    const statements = grantStatements(definition(['secret:page-token']), resources, stack).map((st) =>
      stack.resolve(st.toStatementJson()),
    );
    expect(statements).toEqual([
      {
        Action: 'secretsmanager:GetSecretValue',
        Effect: 'Allow',
        Resource: { Ref: stack.getLogicalId(secret.node.defaultChild as never) },
      },
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as never), 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', expect.arrayContaining(['secretsmanager.'])] } } },
      },
    ]);
  });
});
