// Vendor settings, read once per cold start by the external-accounts-vendor function only.
// Base URLs and the environment are stage configuration (plain variables); the credentials and
// the token key are secrets: in AWS, Secrets Manager secrets named by *_SECRET_ARN (each read
// once); in the twin and tests, the values themselves (VENDOR_CREDENTIALS as JSON,
// VENDOR_TOKEN_KEY as 64 hex characters, from .bankline/).

import { getSecretString } from '../secrets/secrets-manager.js';

export interface VendorCredentials {
  plaid?: { client_id: string; secret: string };
  finicity?: { partner_id: string; partner_secret: string; app_key: string };
}

export interface VendorSettings {
  environment: 'sandbox' | 'production';
  plaidBaseUrl: string;
  finicityBaseUrl: string;
  credentials: VendorCredentials;
  /** 32 bytes: AES-256-GCM key for vendor access tokens, separate from the table's KMS key. */
  tokenKey: Buffer;
  timeoutMs: number;
}

const secretOf = async (env: NodeJS.ProcessEnv, arnName: string, valueName: string): Promise<string> => {
  const arn = env[arnName];
  if (arn) return getSecretString(arn);
  const value = env[valueName];
  if (value) return value;
  throw new Error(`vendor settings: set ${arnName} (AWS, Secrets Manager) or ${valueName} (twin, tests)`);
};

const PLAID_URLS = { sandbox: 'https://sandbox.plaid.com', production: 'https://production.plaid.com' } as const;

const load = async (env: NodeJS.ProcessEnv): Promise<VendorSettings> => {
  const environment = env.VENDOR_ENVIRONMENT === 'production' ? 'production' : 'sandbox';
  const [credentialsText, keyHex] = await Promise.all([
    secretOf(env, 'VENDOR_CREDENTIALS_SECRET_ARN', 'VENDOR_CREDENTIALS'),
    secretOf(env, 'VENDOR_TOKEN_KEY_SECRET_ARN', 'VENDOR_TOKEN_KEY'),
  ]);
  if (!/^[0-9a-f]{64}$/i.test(keyHex.trim())) throw new Error('the vendor token key must be 64 hex characters (32 bytes)');
  return {
    environment,
    plaidBaseUrl: env.PLAID_BASE_URL || PLAID_URLS[environment],
    finicityBaseUrl: env.FINICITY_BASE_URL || 'https://api.finicity.com',
    credentials: JSON.parse(credentialsText) as VendorCredentials,
    tokenKey: Buffer.from(keyHex.trim(), 'hex'),
    timeoutMs: Number(env.VENDOR_TIMEOUT_MS) > 0 ? Number(env.VENDOR_TIMEOUT_MS) : 8000,
  };
};

let cached: Promise<VendorSettings> | undefined;

/** Read once; a failed read is not kept, so the next request tries again. */
export const vendorSettings = (): Promise<VendorSettings> => {
  cached ??= load(process.env).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
};

/** Tests point the vendor function at other fakes without a new process. */
export const resetVendorSettingsForTests = (): void => {
  cached = undefined;
};
