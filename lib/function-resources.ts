// The deployed resources a registry entry can refer to by name, in its grants and its
// environment. Stacks fill this in; a grant or variable naming something absent fails synth.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { SecretName } from '../functions/functions.js';

export interface FunctionResources {
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
  readonly secrets: Readonly<Partial<Record<SecretName, secretsmanager.ISecret>>>;
  /** By the name a `state-machine:<name>` grant uses. */
  readonly stateMachines: ReadonlyMap<string, sfn.IStateMachine>;
  /** By the name a `queue:<name>` grant uses. */
  readonly queues: ReadonlyMap<string, sqs.IQueue>;
}

/** Thrown at synth: a registry entry refers to a resource this app does not define. */
export class UnknownResourceError extends Error {
  constructor(functionName: string, what: string, known: readonly string[]) {
    super(
      `function ${functionName} (functions/functions.ts) refers to ${what}, which this app does not define` +
        ` (defined: ${known.length > 0 ? known.join(', ') : 'none'})`,
    );
  }
}

export const requireResource = <T>(functionName: string, kind: string, name: string, byName: ReadonlyMap<string, T>): T => {
  const found = byName.get(name);
  if (found === undefined) throw new UnknownResourceError(functionName, `${kind} "${name}"`, [...byName.keys()]);
  return found;
};

export const secretsByName = (resources: FunctionResources): ReadonlyMap<string, secretsmanager.ISecret> =>
  new Map(Object.entries(resources.secrets).filter((entry): entry is [string, secretsmanager.ISecret] => entry[1] !== undefined));
