import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamodb/client.js';
import { pointFunctionsAt } from '../../../local/functions-env.js';

// Functions take credentials from the environment only (as Lambda provides them); the keys CLI
// pointed at a real table runs as the developer's profile. Resolving credentials reads files and
// variables, never the network.

const VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_REGION',
  'DYNAMODB_ENDPOINT',
  'TABLE_NAME',
];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'bankline-credentials-'));
  writeFileSync(join(home, 'credentials'), '[developer]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n');
  writeFileSync(join(home, 'config'), '[profile developer]\nregion = eu-west-1\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const useProfile = () => {
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
  process.env.AWS_CONFIG_FILE = join(home, 'config');
  process.env.AWS_PROFILE = 'developer';
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  delete process.env.AWS_SESSION_TOKEN;
};

const resolvedKeyId = async () => (await documentClient().config.credentials()).accessKeyId;

describe('DynamoDB credentials', () => {
  it('functions read the environment, whatever profile the shell has selected', async () => {
    useProfile();
    pointFunctionsAt({ tableName: 'bankline-unit', endpoint: 'http://127.0.0.1:1' });
    expect(await resolvedKeyId()).toBe('local');
  });

  it('functions never fall back to a profile when the environment has no credentials', async () => {
    useProfile();
    pointFunctionsAt({ tableName: 'bankline-unit', endpoint: 'http://127.0.0.1:1' });
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(resolvedKeyId()).rejects.toThrow(/environment variable credentials/);
  });

  it('the keys CLI against a real table uses the developer profile (the default chain)', async () => {
    useProfile();
    pointFunctionsAt({ tableName: 'bankline-unit', region: 'us-east-1' });
    expect(await resolvedKeyId()).toBe('AKIAPROFILE');
  });
});
