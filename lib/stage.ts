// Everything that differs between stages lives here, so a reviewer can compare dev and prod
// in one screen. The table and its key are retained in every stage: they hold money.
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface StageConfig {
  readonly stage: Stage;
  /** Prefix of CloudFormation stack names, e.g. `Bankline-dev` → `Bankline-dev-Data`. */
  readonly stackPrefix: string;
  /** Prefix of physical resource names, so both stages can share one account. */
  readonly resourcePrefix: string;
  readonly tableName: string;
  readonly logRetention: RetentionDays;
  /** Log groups only; stateful data is always retained. */
  readonly logRemovalPolicy: RemovalPolicy;
  readonly logLevel: LogLevel;
  /** API Gateway stage-wide throttle (steady requests per second, burst bucket size). */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * WAF rate-based rule: requests per client IP per 5 minutes. It bounds floods of random API
   * keys, which the authorizer cache cannot absorb (each new key is a Lambda and a GetItem).
   */
  readonly firewallRequestsPerIpPer5Min: number;
  readonly terminationProtection: boolean;
  /**
   * Source maps shipped with the bundle and applied by Node (`--enable-source-maps`), so stack
   * traces name our files and lines. Node then reads the map at every cold start, about 20 ms.
   */
  readonly sourceMaps: boolean;
  /** External accounts' aggregators: which environment, at which base URLs (credentials are secrets). */
  readonly vendors: { readonly environment: 'sandbox' | 'production'; readonly plaidBaseUrl: string; readonly finicityBaseUrl: string };
}

const CONFIGS: Record<Stage, Omit<StageConfig, 'stage' | 'stackPrefix' | 'resourcePrefix' | 'tableName'>> = {
  dev: {
    logRetention: RetentionDays.ONE_MONTH,
    logRemovalPolicy: RemovalPolicy.DESTROY,
    logLevel: 'DEBUG',
    throttle: { rateLimit: 50, burstLimit: 100 },
    firewallRequestsPerIpPer5Min: 3_000,
    terminationProtection: false,
    // Readable stack traces while developing are worth 20 ms per cold start.
    sourceMaps: true,
    vendors: { environment: 'sandbox', plaidBaseUrl: 'https://sandbox.plaid.com', finicityBaseUrl: 'https://api.finicity.com' },
  },
  prod: {
    logRetention: RetentionDays.ONE_YEAR,
    logRemovalPolicy: RemovalPolicy.RETAIN,
    logLevel: 'INFO',
    throttle: { rateLimit: 500, burstLimit: 1_000 },
    firewallRequestsPerIpPer5Min: 30_000,
    terminationProtection: true,
    // Every cold start would pay ~20 ms for traces that are rarely read; errors are logged by
    // name and code with a correlation id, and esbuild's output is deterministic, so a prod
    // trace can be mapped by bundling the deployed commit with `sourcemap` on.
    sourceMaps: false,
    vendors: { environment: 'production', plaidBaseUrl: 'https://production.plaid.com', finicityBaseUrl: 'https://api.finicity.com' },
  },
};

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** Validates a stage name from CDK context; a typo must fail synth, not deploy a third stage. */
export function parseStage(value: unknown): Stage {
  if (!isStage(value)) {
    throw new Error(`Unknown stage ${JSON.stringify(value)}: pass -c stage=${STAGES.join('|')}`);
  }
  return value;
}

export function stageConfig(stage: Stage): StageConfig {
  return {
    stage,
    stackPrefix: `Bankline-${stage}`,
    resourcePrefix: `bankline-${stage}`,
    tableName: `bankline-${stage}`,
    ...CONFIGS[stage],
  };
}
