// The one place a registry variable name (functions/functions.ts EnvName) becomes a deployed
// value. A Record, so a new EnvName does not compile until it says where its value comes from.
import type { EnvName, FunctionDefinition } from '../functions/functions.js';
import { type FunctionResources, requireResource, secretsByName } from './function-resources.js';

const VALUES: { readonly [K in EnvName]: (fn: FunctionDefinition, resources: FunctionResources) => string } = {
  TABLE_NAME: (_fn, { table }) => table.tableName,
  // The ARN, never the value: the function reads the secret once per cold start.
  PAGE_TOKEN_SECRET_ARN: (fn, resources) => requireResource(fn.name, 'secret', 'page-token', secretsByName(resources)).secretArn,
  DELIVERY_QUEUE_URL: (fn, { queues }) => requireResource(fn.name, 'queue', 'webhook-deliveries', queues).queueUrl,
};

/** Exactly the variables the function lists, resolved. */
export const registryEnvironment = (fn: FunctionDefinition, resources: FunctionResources): Record<string, string> =>
  Object.fromEntries(fn.env.map((name) => [name, VALUES[name](fn, resources)]));
