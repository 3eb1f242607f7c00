// A registry entry's grants (functions/functions.ts) turned into IAM statements: the only way a
// Bankline Lambda role gets rights beyond its own logs and traces.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { FunctionDefinition, Grant } from '../functions/functions.js';
import { type FunctionResources, requireResource, secretsByName, UnknownResourceError } from './function-resources.js';
import { apiKeyLookupStatements, tableReadStatements, tableWriteStatements } from './table-access.js';

/** Secrets Manager and SQS call KMS for the caller; the key may serve that service only. */
const viaService = (service: string, stack: Stack) => ({
  StringEquals: { 'kms:ViaService': `${service}.${stack.region}.${stack.urlSuffix}` },
});

const targetOf = (grant: Grant): [kind: string, name: string] => {
  const at = grant.indexOf(':');
  return [grant.slice(0, at), grant.slice(at + 1)];
};

export function grantStatements(fn: FunctionDefinition, resources: FunctionResources, stack: Stack): iam.PolicyStatement[] {
  const { table, tableKey } = resources;
  return fn.grants.flatMap((grant): iam.PolicyStatement[] => {
    if (grant === 'table:read') return tableReadStatements(table, tableKey);
    if (grant === 'table:write') return tableWriteStatements(table, tableKey);
    if (grant === 'apikey:read') return apiKeyLookupStatements(table, tableKey);
    const [kind, name] = targetOf(grant);
    switch (kind) {
      case 'secret': {
        const secret = requireResource(fn.name, 'secret', name, secretsByName(resources));
        const statements = [new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] })];
        if (secret.encryptionKey) {
          statements.push(
            new iam.PolicyStatement({
              actions: ['kms:Decrypt'],
              resources: [secret.encryptionKey.keyArn],
              conditions: viaService('secretsmanager', stack),
            }),
          );
        }
        return statements;
      }
      case 'state-machine': {
        const machine = requireResource(fn.name, 'state machine', name, resources.stateMachines);
        return [new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] })];
      }
      case 'queue': {
        const queue = requireResource(fn.name, 'queue', name, resources.queues);
        const statements = [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] })];
        if (queue.encryptionMasterKey) {
          statements.push(
            new iam.PolicyStatement({
              actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [queue.encryptionMasterKey.keyArn],
              conditions: viaService('sqs', stack),
            }),
          );
        }
        return statements;
      }
      default:
        throw new UnknownResourceError(fn.name, `grant kind "${kind}" (in "${grant}")`, ['secret', 'state-machine', 'queue']);
    }
  });
}

export function applyGrants(role: iam.IRole, fn: FunctionDefinition, resources: FunctionResources): void {
  for (const statement of grantStatements(fn, resources, Stack.of(role))) role.addToPrincipalPolicy(statement);
}
