// Builds the whole Bankline deployment for one stage into a CDK app. bin/app.ts and the infra
// tests both call this, so what is tested is exactly what `cdk deploy` ships.
import { Tags, type App } from 'aws-cdk-lib';
import { ApiStack } from './stacks/api-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { parseStage, stageConfig, type StageConfig } from './stage.js';

export interface Bankline {
  readonly config: StageConfig;
  readonly data: DataStack;
  readonly api: ApiStack;
}

/** `stage` is validated here, so a value straight from CDK context is fine. */
export function buildBankline(app: App, stage: unknown): Bankline {
  const config = stageConfig(parseStage(stage));
  // Account and region come from the CLI's credentials at deploy time; synth needs neither.
  const common = { terminationProtection: config.terminationProtection };

  const data = new DataStack(app, `${config.stackPrefix}-Data`, {
    ...common,
    config,
    description: `Bankline ${config.stage}: single DynamoDB table and its KMS key (retained)`,
  });
  const api = new ApiStack(app, `${config.stackPrefix}-Api`, {
    ...common,
    config,
    table: data.table,
    tableKey: data.tableKey,
    description: `Bankline ${config.stage}: REST API, authorizer, domain functions, WAF`,
  });

  for (const stack of [data, api]) {
    Tags.of(stack).add('project', 'bankline');
    Tags.of(stack).add('stage', config.stage);
  }
  return { config, data, api };
}
