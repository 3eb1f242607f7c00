// Environment read once, at cold start, and validated: a misconfigured function fails on its
// first invocation with a clear message instead of deep inside a request.

export interface Config {
  readonly tableName: string;
  /** Set only by the local twin and tests; in AWS the SDK resolves the regional endpoint. */
  readonly dynamodbEndpoint: string | undefined;
  readonly region: string;
  readonly stage: string;
}

const read = (env: NodeJS.ProcessEnv): Config => {
  const tableName = env.TABLE_NAME;
  if (!tableName || tableName.length < 3) {
    throw new Error('TABLE_NAME must be set to the DynamoDB table name (3 or more characters)');
  }
  return {
    tableName,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    stage: env.STAGE || 'local',
  };
};

let cached: Config | undefined;

export const config = (): Config => (cached ??= read(process.env));

/** Tests and the local twin point the functions at another table without a new process. */
export const resetConfigForTests = (): void => {
  cached = undefined;
};
