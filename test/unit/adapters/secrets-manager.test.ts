// GetSecretValue's request checked the way Secrets Manager checks it: the SigV4 signature is
// recomputed here from AWS's published algorithm, independently of the signer under test.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSecretString, secretsManagerEndpoint } from '../../../functions/adapters/secrets/secrets-manager.js';

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();
const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');

/** The signature AWS would expect for this request, or undefined when the header is malformed. */
const expectedSignature = (request: IncomingMessage, body: string, region: string): { given: string; expected: string } | undefined => {
  const match = String(request.headers.authorization).match(
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/secretsmanager\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/,
  );
  if (!match || match[1] !== ACCESS_KEY || match[3] !== region) return undefined;
  const [, , day, , signedHeaders, given] = match as unknown as [string, string, string, string, string, string];
  const headerNames = signedHeaders.split(';');
  const canonicalHeaders = headerNames.map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join('');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(body)].join('\n');
  const amzDate = String(request.headers['x-amz-date']);
  const scope = `${day}/${region}/secretsmanager/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET_KEY}`, day), region), 'secretsmanager'), 'aws4_request');
  return { given, expected: hmac(key, toSign).toString('hex') };
};

let server: Server;
let endpoint: string;
const checks: { valid: boolean; target: unknown; contentType: unknown; signedHeaders: string }[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const signature = expectedSignature(request, body, 'eu-west-1');
    checks.push({
      valid: signature !== undefined && signature.given === signature.expected,
      target: request.headers['x-amz-target'],
      contentType: request.headers['content-type'],
      signedHeaders: String(request.headers.authorization).match(/SignedHeaders=([^,]+)/)?.[1] ?? '',
    });
    const { SecretId } = JSON.parse(body) as { SecretId: string };
    const found = SecretId === 'known';
    response.writeHead(found ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(
      JSON.stringify(
        found
          ? { SecretString: 's3cr3t-value' }
          : { __type: 'com.amazonaws.secretsmanager#ResourceNotFoundException', message: 'not here' },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = (): NodeJS.ProcessEnv => ({
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: ACCESS_KEY,
  AWS_SECRET_ACCESS_KEY: SECRET_KEY,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
});

describe('getSecretString', () => {
  it('sends a GetSecretValue whose SigV4 signature Secrets Manager would accept', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      expect(await getSecretString('known', env())).toBe('s3cr3t-value');
    } finally {
      process.env = saved;
    }
    const check = checks.at(-1)!;
    expect(check).toMatchObject({ valid: true, target: 'secretsmanager.GetSecretValue', contentType: 'application/x-amz-json-1.1' });
    expect(check.signedHeaders.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-target', 'content-type']));
  });

  it('names the service error type and never a secret value', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      await expect(getSecretString('missing', env())).rejects.toThrow(
        'GetSecretValue failed for missing: ResourceNotFoundException: not here',
      );
    } finally {
      process.env = saved;
    }
  });

  it('goes to the regional endpoint unless the SDK override variable is set', () => {
    expect(secretsManagerEndpoint({ AWS_REGION: 'us-west-2' }).href).toBe('https://secretsmanager.us-west-2.amazonaws.com/');
    expect(() => secretsManagerEndpoint({})).toThrow(/AWS_REGION/);
  });
});
