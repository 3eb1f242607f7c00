import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetVendorSettingsForTests } from '../../functions/adapters/vendors/vendor-config.js';
import { resetVendorGatewaysForTests } from '../../functions/adapters/vendors/vendor-directory.js';
import { startFakeFinicity } from './finicity/fake-finicity.js';
import { startFakePlaid } from './plaid/fake-plaid.js';

// The twin's sandbox vendors: a fake Plaid and a fake Finicity on free local ports, with sandbox
// credentials made once in `.bankline/vendors.json` and the vendor token key (the twin's stand-in
// for the key CDK keeps in Secrets Manager) in `.bankline/vendor-token.key`, both 0600. The vendor
// function reads them from the environment, where AWS has the secrets' ARNs. The fakes keep their
// items in memory: after a restart, link again.

export interface LocalVendors {
  plaid: { url: string; client_id: string; secret: string; link_page: string };
  finicity: { url: string; partner_id: string; partner_secret: string; app_key: string };
  close(): Promise<void>;
}

interface Credentials {
  plaid: { client_id: string; secret: string };
  finicity: { partner_id: string; partner_secret: string; app_key: string };
}

const privateFile = (file: string, make: () => string): string => {
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600, flag: 'wx' });
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
};

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export const localVendorCredentials = (home: string): { credentials: Credentials; tokenKey: string } => {
  mkdirSync(home, { recursive: true });
  const credentials = JSON.parse(
    privateFile(join(home, 'vendors.json'), () =>
      JSON.stringify(
        {
          plaid: { client_id: hex(12), secret: hex(15) },
          finicity: { partner_id: String(2_445_500_000_000 + Math.floor(Math.random() * 1e6)), partner_secret: hex(10), app_key: hex(16) },
        },
        null,
        2,
      ),
    ),
  ) as Credentials;
  const tokenKey = privateFile(join(home, 'vendor-token.key'), () => `${hex(32)}\n`);
  return { credentials, tokenKey };
};

/** A process that runs the vendor function beside a running twin (npm run replay) reaches the twin's fakes. */
export const pointVendorFunctionsAt = (home: string, vendors: { plaid: { url: string }; finicity: { url: string } } | undefined): void => {
  if (!vendors) return;
  const { credentials, tokenKey } = localVendorCredentials(home);
  Object.assign(process.env, {
    VENDOR_ENVIRONMENT: 'sandbox',
    PLAID_BASE_URL: vendors.plaid.url,
    FINICITY_BASE_URL: vendors.finicity.url,
    VENDOR_CREDENTIALS: JSON.stringify(credentials),
    VENDOR_TOKEN_KEY: tokenKey,
  });
  resetVendorSettingsForTests();
  resetVendorGatewaysForTests();
};

export const startLocalVendors = async (home: string): Promise<LocalVendors> => {
  const { credentials, tokenKey } = localVendorCredentials(home);
  const [plaid, finicity] = await Promise.all([
    startFakePlaid({ clientId: credentials.plaid.client_id, secret: credentials.plaid.secret }),
    startFakeFinicity({
      partnerId: credentials.finicity.partner_id,
      partnerSecret: credentials.finicity.partner_secret,
      appKey: credentials.finicity.app_key,
    }),
  ]);
  void tokenKey;
  pointVendorFunctionsAt(home, { plaid, finicity });
  return {
    plaid: { url: plaid.url, ...credentials.plaid, link_page: `${plaid.url}/link` },
    finicity: { url: finicity.url, ...credentials.finicity },
    close: async () => {
      await Promise.all([plaid.close(), finicity.close()]);
    },
  };
};
