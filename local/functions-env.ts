import { resetClientForTests, useCredentialSource } from '../functions/adapters/dynamodb/client.js';
import { LOCAL_DELIVERY_QUEUE_URL } from '../functions/adapters/sqs/delivery-queue.js';
import { LOCAL_CLOSURE_STATE_MACHINE_ARN } from '../functions/adapters/sfn/execution-starter.js';
import { resetPageTokenSecretForTests } from '../functions/adapters/secrets/page-token-secret.js';
import { resetConfigForTests } from '../functions/shared/config.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-client.js';
import { readOrCreatePageTokenSecret } from './page-token-secret.js';
import { banklineHome } from './state-file.js';

// The functions read TABLE_NAME, DYNAMODB_ENDPOINT and AWS_REGION from the environment once, at
// first use, exactly as in Lambda. The twin, keys and replay set them here, before any handler
// runs, and drop the functions' cached config and client in case something ran earlier.
// Locally there is no Secrets Manager: the page-token secret itself goes in PAGE_TOKEN_SECRET
// (where AWS has PAGE_TOKEN_SECRET_ARN), from the environment if set (tests pin one) or else
// from `.bankline/page-token.secret`.

export interface LocalDataTarget {
  readonly tableName: string;
  /** Undefined means real AWS (credentials and region from the default chain). */
  readonly endpoint?: string;
  readonly region?: string;
  /** Where `.bankline/` is; the page-token secret file lives there. */
  readonly home?: string;
}

export const pointFunctionsAt = (target: LocalDataTarget): void => {
  process.env.TABLE_NAME = target.tableName;
  process.env.STAGE ??= 'local';
  // The webhook pipeline's queue is in process on the twin (local/streams/).
  process.env.DELIVERY_QUEUE_URL ||= LOCAL_DELIVERY_QUEUE_URL;
  // The closure state machine runs in process on the twin (local/workflows/).
  process.env.CLOSURE_STATE_MACHINE_ARN ||= LOCAL_CLOSURE_STATE_MACHINE_ARN;
  if (target.endpoint) {
    process.env.DYNAMODB_ENDPOINT = target.endpoint;
    process.env.AWS_REGION = LOCAL_REGION;
    // DynamoDB Local accepts anything; never send a developer's real credentials to it.
    process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    process.env.PAGE_TOKEN_SECRET ||= readOrCreatePageTokenSecret(target.home ?? banklineHome());
  } else {
    delete process.env.DYNAMODB_ENDPOINT;
    if (target.region) process.env.AWS_REGION = target.region;
  }
  // Functions take credentials from the environment only, as in Lambda; a CLI pointed at a real
  // table runs as the developer (profile, SSO), through the SDK's default chain.
  useCredentialSource(target.endpoint ? 'environment' : 'default-chain');
  resetConfigForTests();
  resetClientForTests();
  resetPageTokenSecretForTests();
};
