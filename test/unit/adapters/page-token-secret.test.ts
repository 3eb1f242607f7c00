// The page-token secret adapter against a stand-in Secrets Manager endpoint: the real SigV4
// signing and JSON protocol (functions/adapters/secrets/secrets-manager.ts), only the server is local.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pageTokenSecret, resetPageTokenSecretForTests } from '../../../functions/adapters/secrets/page-token-secret.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bankline-dev-page-token-AbCdEf';
const SECRET = 'a stage secret from Secrets Manager, 32+ chars';

interface Seen {
  target: string | undefined;
  body: { SecretId?: string };
  signed: boolean;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { ARN, Name: 'bankline-dev-page-token', SecretString: SECRET } };

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    seen.push({
      target: request.headers['x-amz-target'] as string | undefined,
      body: JSON.parse(await bodyOf(request)),
      signed: String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'),
    });
    response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const saved = { ...process.env };

beforeEach(() => {
  for (const name of ['PAGE_TOKEN_SECRET', 'PAGE_TOKEN_SECRET_ARN', 'AWS_PROFILE', 'AWS_SESSION_TOKEN']) delete process.env[name];
  seen.length = 0;
  resetPageTokenSecretForTests();
});

afterEach(() => {
  process.env = { ...saved };
  resetPageTokenSecretForTests();
});

const useSecretsManager = (): void => {
  Object.assign(process.env, {
    PAGE_TOKEN_SECRET_ARN: ARN,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'unittest',
    AWS_SECRET_ACCESS_KEY: 'unittest',
  });
};

describe('pageTokenSecret', () => {
  it('reads Secrets Manager once per cold start, by the ARN, with a signed GetSecretValue', async () => {
    useSecretsManager();
    answer = { status: 200, body: { ARN, Name: 'bankline-dev-page-token', SecretString: SECRET } };
    expect(await pageTokenSecret()).toBe(SECRET);
    expect(await pageTokenSecret()).toBe(SECRET);
    expect(seen).toEqual([{ target: 'secretsmanager.GetSecretValue', body: { SecretId: ARN }, signed: true }]);
  });

  it('prefers the ARN over a local PAGE_TOKEN_SECRET', async () => {
    useSecretsManager();
    process.env.PAGE_TOKEN_SECRET = 'a local secret that must not win, 32+ chars';
    answer = { status: 200, body: { ARN, SecretString: SECRET } };
    expect(await pageTokenSecret()).toBe(SECRET);
  });

  it('does not cache a failed read: the next request tries again', async () => {
    useSecretsManager();
    answer = { status: 400, body: { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' } };
    await expect(pageTokenSecret()).rejects.toThrow(/can’t find/);
    answer = { status: 200, body: { ARN, SecretString: SECRET } };
    expect(await pageTokenSecret()).toBe(SECRET);
    expect(seen).toHaveLength(2);
  });

  it('refuses a secret that is too short to be one', async () => {
    useSecretsManager();
    answer = { status: 200, body: { ARN, SecretString: 'short' } };
    await expect(pageTokenSecret()).rejects.toThrow(
      'the secret named by PAGE_TOKEN_SECRET_ARN must hold a page-token secret of at least 32 characters',
    );
  });

  it('takes PAGE_TOKEN_SECRET locally, read once', async () => {
    process.env.PAGE_TOKEN_SECRET = 'the twin secret from .bankline/, 32+ characters';
    expect(await pageTokenSecret()).toBe('the twin secret from .bankline/, 32+ characters');
    process.env.PAGE_TOKEN_SECRET = 'changed later, which a warm container never sees';
    expect(await pageTokenSecret()).toBe('the twin secret from .bankline/, 32+ characters');
  });

  it('fails clearly at first use when neither is set, naming both variables', async () => {
    await expect(pageTokenSecret()).rejects.toThrow(/PAGE_TOKEN_SECRET_ARN .*PAGE_TOKEN_SECRET /);
  });

  it('refuses a short or empty PAGE_TOKEN_SECRET', async () => {
    process.env.PAGE_TOKEN_SECRET = '';
    await expect(pageTokenSecret()).rejects.toThrow('PAGE_TOKEN_SECRET must hold a page-token secret of at least 32 characters');
    process.env.PAGE_TOKEN_SECRET = 'x'.repeat(31);
    await expect(pageTokenSecret()).rejects.toThrow(/at least 32/);
  });
});
