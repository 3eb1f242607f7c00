// Builds the whole Bankline deployment for one stage into a CDK app. bin/app.ts and the infra
// tests both call this, so what is tested is exactly what `cdk deploy` ships.
import { Tags, type App } from 'aws-cdk-lib';
import { FUNCTIONS } from '../functions/functions.js';
import { ApiStack } from './stacks/api-stack.js';
import { ConsoleStack } from './stacks/console-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { WebhooksStack } from './stacks/webhooks-stack.js';
import { WorkflowsStack } from './stacks/workflows-stack.js';
import { parseStage, stageConfig, type StageConfig } from './stage.js';

export interface Bankline {
  readonly config: StageConfig;
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly webhooks: WebhooksStack;
  readonly workflows: WorkflowsStack;
  readonly console: ConsoleStack;
}

/** `stage` is validated here, so a value straight from CDK context is fine. */
export function buildBankline(app: App, stage: unknown): Bankline {
  const config = stageConfig(parseStage(stage));
  // Account and region come from the CLI's credentials at deploy time; synth needs neither.
  const common = { terminationProtection: config.terminationProtection };

  const data = new DataStack(app, `${config.stackPrefix}-Data`, {
    ...common,
    config,
    description: `Bankline ${config.stage}: single DynamoDB table, its KMS key and the functions' secrets (retained)`,
  });
  const api = new ApiStack(app, `${config.stackPrefix}-Api`, {
    ...common,
    config,
    resources: { table: data.table, tableKey: data.tableKey, secrets: data.secrets, stateMachines: new Map(), queues: new Map() },
    description: `Bankline ${config.stage}: REST API, authorizer, domain functions, WAF`,
  });
  const webhooks = new WebhooksStack(app, `${config.stackPrefix}-Webhooks`, {
    ...common,
    config,
    resources: { table: data.table, tableKey: data.tableKey, secrets: data.secrets, stateMachines: new Map(), queues: new Map() },
    description: `Bankline ${config.stage}: webhook delivery pipeline (stream router, queue, sender, sweeper) and its alarms`,
  });
  const workflows = new WorkflowsStack(app, `${config.stackPrefix}-Workflows`, {
    ...common,
    config,
    resources: { table: data.table, tableKey: data.tableKey, secrets: data.secrets, stateMachines: new Map(), queues: new Map() },
    description: `Bankline ${config.stage}: account-closure state machine, its task function, the stream starter and their alarms`,
  });
  assertEveryFunctionDeployed([api.functions, webhooks.functions, workflows.functions]);
  // The operator console (issue 13): the SPA behind CloudFront, /v0/* to the API on the same origin.
  const console = new ConsoleStack(app, `${config.stackPrefix}-Console`, {
    ...common,
    config,
    api: api.restApi.api,
    description: `Bankline ${config.stage}: operator console (private S3 bucket, CloudFront with /v0/* to the API)`,
  });

  for (const stack of [data, api, webhooks, workflows, console]) {
    Tags.of(stack).add('project', 'bankline');
    Tags.of(stack).add('stage', config.stage);
  }
  return { config, data, api, webhooks, workflows, console };
}

/**
 * Each trigger kind is deployed by the stack that owns its trigger (the API stack: http and
 * authorizer). A registry entry no stack picks up must fail synth, not vanish from the deploy.
 */
function assertEveryFunctionDeployed(deployed: ReadonlyArray<ReadonlyMap<string, unknown>>): void {
  const missing = FUNCTIONS.filter((fn) => !deployed.some((stack) => stack.has(fn.name)));
  if (missing.length > 0) {
    const list = missing.map((fn) => `${fn.name} (${fn.trigger.kind})`).join(', ');
    throw new Error(`No stack deploys ${list}: add their trigger kind to a stack in lib/stacks/`);
  }
}
