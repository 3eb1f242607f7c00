// Synthesizes one stage of the real app, with cdk.json's context, for template assertions.
// Each test file synthesizes once (beforeAll) and reads templates from then on.
import { readFileSync, rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBankline, type Bankline } from '../../lib/bankline-app.js';
import type { Stage } from '../../lib/stage.js';

/** Bundling every function on a loaded 2-core CI machine takes seconds, not milliseconds. */
export const SYNTH_TIMEOUT_MS = 120_000;

export interface SynthesizedBankline extends Bankline {
  readonly app: App;
  readonly dataTemplate: Template;
  readonly apiTemplate: Template;
  /** Removes the temporary cloud assembly (bundled assets included). */
  readonly dispose: () => void;
}

export interface SynthOptions {
  /** Bundle every handler with esbuild. */
  readonly bundle?: boolean;
  /** Run CDK's built-in CloudFormation validator (strict per cdk.json); costs seconds on first use. */
  readonly cfnValidation?: boolean;
}

/**
 * Template-only checks need neither bundling nor CloudFormation validation, the two slow parts
 * of a synth; api-stack.test.ts keeps both to prove the full synth of the real handlers works.
 */
export const TEMPLATE_ONLY: SynthOptions = { bundle: false, cfnValidation: false };

/** An App with cdk.json's context (feature flags included), as the CLI creates it. */
export function cliLikeApp(options: SynthOptions = {}): App {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
  // The CLI's own switch for skipping bundling (used by `cdk synth --exclusively`): templates
  // are unchanged except for the code asset hash.
  const skipBundling = options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {};
  return new App({
    context: { ...cdkJson.context, ...skipBundling },
    builtinCloudFormationValidation: options.cfnValidation ?? true,
  });
}

export function synthBankline(stage: Stage, options: SynthOptions = {}): SynthesizedBankline {
  const app = cliLikeApp(options);
  const bankline = buildBankline(app, stage);
  return {
    ...bankline,
    app,
    dataTemplate: Template.fromStack(bankline.data),
    apiTemplate: Template.fromStack(bankline.api),
    dispose: () => rmSync(app.outdir, { recursive: true, force: true }),
  };
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, any>;
  readonly DeletionPolicy?: string;
}

/** Logical id → resource of one type, for assertions that walk references. */
export const resourcesOf = (template: Template, type: string): Record<string, CfnResource> =>
  template.findResources(type) as Record<string, CfnResource>;
