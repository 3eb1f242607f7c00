import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../../shared/config.js';
import { countCall } from './call-counter.js';
import { environmentCredentials } from './env-credentials.js';

// The one DynamoDB client module. Created lazily so a cold start pays for it only when a
// request needs it, and reused across invocations of a warm container.

let cached: DynamoDBDocumentClient | undefined;

/**
 * `environment` is what every function uses. `default-chain` (profiles, SSO) exists for the
 * keys CLI run against a real table from a developer's machine; it is never set in a Lambda,
 * whose bundle does not even contain that chain (lib/bundling.ts).
 */
export type CredentialSource = 'environment' | 'default-chain';

let credentialSource: CredentialSource = 'environment';

const create = (): DynamoDBDocumentClient => {
  const { region, dynamodbEndpoint } = config();
  const base = new DynamoDBClient({
    region,
    ...(credentialSource === 'environment' ? { credentials: environmentCredentials() } : {}),
    ...(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {}),
  });
  base.middlewareStack.add(
    (next, context) => (args) => {
      countCall(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'banklineCallCounter' },
  );
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
};

export const documentClient = (): DynamoDBDocumentClient => (cached ??= create());

export const tableName = (): string => config().tableName;

/** Tests that switch tables or endpoints drop the cached client. */
export const resetClientForTests = (): void => {
  cached = undefined;
};

/** For local tools only (see CredentialSource); drops the cached client. */
export const useCredentialSource = (source: CredentialSource): void => {
  credentialSource = source;
  cached = undefined;
};
