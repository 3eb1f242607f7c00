import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStage, stageConfig } from '../../lib/stage.js';
import { resourcesOf, SYNTH_TIMEOUT_MS, TEMPLATE_ONLY, synthBankline, type SynthesizedBankline } from './synth-fixture.js';

describe('stage selection', () => {
  it('accepts dev and prod and rejects anything else', () => {
    expect(parseStage('dev')).toBe('dev');
    expect(parseStage('prod')).toBe('prod');
    for (const bad of ['staging', 'Prod', '', undefined, 42]) {
      expect(() => parseStage(bad)).toThrow(/Unknown stage/);
    }
  });
});

describe('dev vs prod', () => {
  let dev: SynthesizedBankline;
  let prod: SynthesizedBankline;
  beforeAll(() => {
    dev = synthBankline('dev', TEMPLATE_ONLY);
    prod = synthBankline('prod', TEMPLATE_ONLY);
  }, 2 * SYNTH_TIMEOUT_MS);
  afterAll(() => {
    dev?.dispose();
    prod?.dispose();
  });

  it('names stacks and resources after the stage', () => {
    expect([dev.data.stackName, dev.api.stackName]).toEqual(['Bankline-dev-Data', 'Bankline-dev-Api']);
    expect([prod.data.stackName, prod.api.stackName]).toEqual(['Bankline-prod-Data', 'Bankline-prod-Api']);
    prod.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'bankline-prod' });
    prod.apiTemplate.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'bankline-prod-api' });
    prod.apiTemplate.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod' });
    prod.apiTemplate.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'bankline-prod-authorizer' });
  });

  it('retains the table and key in every stage', () => {
    for (const { dataTemplate } of [dev, prod]) {
      dataTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
      dataTemplate.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    }
  });

  it('keeps prod logs longer and retains them; dev logs expire and go with the stack', () => {
    const logGroups = (s: SynthesizedBankline) => Object.values(resourcesOf(s.apiTemplate, 'AWS::Logs::LogGroup'));
    expect(logGroups(prod).length).toBeGreaterThanOrEqual(4);
    for (const group of logGroups(prod)) {
      expect(group.Properties.RetentionInDays).toBe(365);
      expect(group.DeletionPolicy).toBe('Retain');
    }
    for (const group of logGroups(dev)) {
      expect(group.Properties.RetentionInDays).toBe(30);
      expect(group.DeletionPolicy).toBe('Delete');
    }
  });

  it('throttles each stage from its config and logs at its level', () => {
    for (const s of [dev, prod]) {
      const { throttle, logLevel } = stageConfig(s.config.stage);
      s.apiTemplate.hasResourceProperties('AWS::ApiGateway::Stage', {
        MethodSettings: [Match.objectLike({ ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit })],
      });
      for (const fn of Object.values(resourcesOf(s.apiTemplate, 'AWS::Lambda::Function'))) {
        expect(fn.Properties.Environment.Variables.LOG_LEVEL).toBe(logLevel);
        expect(fn.Properties.Environment.Variables.STAGE).toBe(s.config.stage);
      }
    }
    expect(prod.config.throttle.rateLimit).toBeGreaterThan(dev.config.throttle.rateLimit);
  });

  it('applies source maps in dev only: prod cold starts skip reading the map', () => {
    const nodeOptions = (s: SynthesizedBankline) =>
      Object.values(resourcesOf(s.apiTemplate, 'AWS::Lambda::Function')).map((fn) => fn.Properties.Environment.Variables.NODE_OPTIONS);
    expect([dev.config.sourceMaps, prod.config.sourceMaps]).toEqual([true, false]);
    expect(nodeOptions(dev).length).toBeGreaterThan(0);
    expect(new Set(nodeOptions(dev))).toEqual(new Set(['--enable-source-maps']));
    expect(new Set(nodeOptions(prod))).toEqual(new Set([undefined]));
  });

  it('protects prod stacks from termination', () => {
    expect([prod.data.terminationProtection, prod.api.terminationProtection]).toEqual([true, true]);
    expect([dev.data.terminationProtection, dev.api.terminationProtection]).toEqual([false, false]);
  });
});
