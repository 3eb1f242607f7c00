// The secret page tokens are sealed with, read once per cold start. In AWS it lives in Secrets
// Manager (PAGE_TOKEN_SECRET_ARN, created by CDK); the twin and tests hand it over in
// PAGE_TOKEN_SECRET. A container reads it on its first list request, never on the others.

import { getSecretString } from './secrets-manager.js';

const MIN_LENGTH = 32;

const checked = (secret: string | undefined, source: string): string => {
  if (!secret || secret.length < MIN_LENGTH) {
    throw new Error(`${source} must hold a page-token secret of at least ${MIN_LENGTH} characters`);
  }
  return secret;
};

const fromSecretsManager = async (secretId: string): Promise<string> =>
  checked(await getSecretString(secretId), 'the secret named by PAGE_TOKEN_SECRET_ARN');

const load = async (env: NodeJS.ProcessEnv): Promise<string> => {
  if (env.PAGE_TOKEN_SECRET_ARN) return fromSecretsManager(env.PAGE_TOKEN_SECRET_ARN);
  if (env.PAGE_TOKEN_SECRET !== undefined) return checked(env.PAGE_TOKEN_SECRET, 'PAGE_TOKEN_SECRET');
  throw new Error('page tokens need a secret: set PAGE_TOKEN_SECRET_ARN (AWS, Secrets Manager) or PAGE_TOKEN_SECRET (twin, tests)');
};

let cached: Promise<string> | undefined;

/** The page-token secret; a failed read is not cached, so the next request tries again. */
export const pageTokenSecret = (): Promise<string> => {
  cached ??= load(process.env).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
};

/** Tests and the twin that change the environment drop the cached secret. */
export const resetPageTokenSecretForTests = (): void => {
  cached = undefined;
};
