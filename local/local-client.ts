import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

// DynamoDB Local accepts any credentials (and, with -sharedDb, any region sees the same data),
// so the twin never touches the developer's real AWS credential chain: a laptop with an
// expired SSO session must still be able to run `npm start`.
export const LOCAL_REGION = 'us-east-1';

// The SDK warns on every start under Node 20 that future releases need Node 22. Lambda runs
// Node 22; on a laptop the warning is noise between the twin's own lines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A client for the twin's own bootstrap work (table creation, health checks), never for requests. */
export const localClient = (endpoint: string, timeoutMs?: number): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    ...(timeoutMs
      ? { maxAttempts: 1, requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true } }
      : {}),
  });
