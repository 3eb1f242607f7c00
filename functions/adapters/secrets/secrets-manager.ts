// GetSecretValue over Secrets Manager's JSON protocol, signed with the SDK's own SigV4 signer.
// Why not @aws-sdk/client-secrets-manager: even imported lazily, its 29 KB and the lazy-init
// wrappers it forces on the shared SDK core cost every HTTP function about 4 ms of cold start,
// for one call per container. The signer is already in every bundle (the DynamoDB client's).
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { environmentCredentials } from '../dynamodb/env-credentials.js';

type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytesOf = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** The hash the signer asks for: SHA-256, or HMAC-SHA-256 when constructed with a key. */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly key?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.key === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.key));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** The endpoint the SDK would use, honouring the SDK's own per-service override variable. */
export const secretsManagerEndpoint = (env: NodeJS.ProcessEnv): URL => {
  const region = env.AWS_REGION;
  if (!region) throw new Error('AWS_REGION must be set to read a secret');
  return new URL(env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${region}.amazonaws.com`);
};

interface ServiceError {
  __type?: string;
  message?: string;
  Message?: string;
}

/** The SecretString of a secret (its current version). Errors name the service's error type, never the value. */
export const getSecretString = async (secretId: string, env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const endpoint = secretsManagerEndpoint(env);
  const signer = new SignatureV4({
    service: 'secretsmanager',
    region: env.AWS_REGION!,
    credentials: environmentCredentials(),
    sha256: NodeSha256,
  });
  const body = JSON.stringify({ SecretId: secretId });
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: endpoint.pathname,
    query: {},
    headers: {
      host: endpoint.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  const response = await fetch(endpoint, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(5000) });
  const payload = (await response.json().catch(() => ({}))) as ServiceError & { SecretString?: string };
  if (!response.ok) {
    const type = payload.__type?.split('#').pop() ?? `HTTP ${response.status}`;
    throw new Error(`Secrets Manager GetSecretValue failed for ${secretId}: ${type}: ${payload.message ?? payload.Message ?? ''}`.trim());
  }
  if (!payload.SecretString) throw new Error(`secret ${secretId} has no SecretString`);
  return payload.SecretString;
};
