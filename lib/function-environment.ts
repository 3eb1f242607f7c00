// The one place a registry variable name (functions/functions.ts EnvName) becomes a deployed
// value. A Record, so a new EnvName does not compile until it says where its value comes from.
import type { EnvName, FunctionDefinition } from '../functions/functions.js';
import { type FunctionResources, requireResource, secretsByName } from './function-resources.js';
import type { StageConfig } from './stage.js';

const secretArn = (fn: FunctionDefinition, resources: FunctionResources, name: string) =>
  requireResource(fn.name, 'secret', name, secretsByName(resources)).secretArn;

const VALUES: { readonly [K in EnvName]: (fn: FunctionDefinition, resources: FunctionResources, config: StageConfig) => string } = {
  TABLE_NAME: (_fn, { table }) => table.tableName,
  // The ARN, never the value: the function reads the secret once per cold start.
  PAGE_TOKEN_SECRET_ARN: (fn, resources) => secretArn(fn, resources, 'page-token'),
  VENDOR_ENVIRONMENT: (_fn, _resources, config) => config.vendors.environment,
  PLAID_BASE_URL: (_fn, _resources, config) => config.vendors.plaidBaseUrl,
  FINICITY_BASE_URL: (_fn, _resources, config) => config.vendors.finicityBaseUrl,
  VENDOR_CREDENTIALS_SECRET_ARN: (fn, resources) => secretArn(fn, resources, 'vendor-credentials'),
  VENDOR_TOKEN_KEY_SECRET_ARN: (fn, resources) => secretArn(fn, resources, 'vendor-token-key'),
  DELIVERY_QUEUE_URL: (fn, { queues }) => requireResource(fn.name, 'queue', 'webhook-deliveries', queues).queueUrl,
  CLOSURE_STATE_MACHINE_ARN: (fn, { stateMachines }) => requireResource(fn.name, 'state machine', 'closure', stateMachines).stateMachineArn,
};

/** Exactly the variables the function lists, resolved. */
export const registryEnvironment = (fn: FunctionDefinition, resources: FunctionResources, config: StageConfig): Record<string, string> =>
  Object.fromEntries(fn.env.map((name) => [name, VALUES[name](fn, resources, config)]));
