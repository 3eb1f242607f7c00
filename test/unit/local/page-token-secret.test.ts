import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVariable } from '../../../functions/shared/config.js';
import { pointFunctionsAt } from '../../../local/functions-env.js';
import { pageTokenSecretPath, readOrCreatePageTokenSecret } from '../../../local/page-token-secret.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bankline-secret-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('.bankline/page-token.secret', () => {
  it('is made on first use: 32 random bytes in hex, readable by the owner only, then kept', () => {
    const secret = readOrCreatePageTokenSecret(home);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(pageTokenSecretPath(home)).mode & 0o777).toBe(0o600);
    expect(readOrCreatePageTokenSecret(home)).toBe(secret);
    const other = join(home, 'other');
    expect(readOrCreatePageTokenSecret(other)).not.toBe(secret);
  });

  it('is made private again if its mode was loosened', () => {
    readOrCreatePageTokenSecret(home);
    chmodSync(pageTokenSecretPath(home), 0o644);
    readOrCreatePageTokenSecret(home);
    expect(statSync(pageTokenSecretPath(home)).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that does not hold a secret, naming it', () => {
    writeFileSync(pageTokenSecretPath(home), 'changeme\n', { mode: 0o600 });
    expect(() => readOrCreatePageTokenSecret(home)).toThrow(`${pageTokenSecretPath(home)} does not hold 32 bytes of hex`);
  });
});

describe('pointFunctionsAt a local table', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of [
      'TABLE_NAME',
      'DYNAMODB_ENDPOINT',
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'PAGE_TOKEN_SECRET',
      'STAGE',
    ]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('hands the functions the secret from the file, which satisfies their PAGE_TOKEN_SECRET_ARN', () => {
    delete process.env.PAGE_TOKEN_SECRET;
    pointFunctionsAt({ tableName: 'bankline-local', endpoint: 'http://127.0.0.1:1', home });
    expect(process.env.PAGE_TOKEN_SECRET).toBe(readFileSync(pageTokenSecretPath(home), 'utf8').trim());
    expect(readVariable('PAGE_TOKEN_SECRET_ARN')).toEqual({ kind: 'value', value: process.env.PAGE_TOKEN_SECRET });
  });

  it('keeps a secret the environment already pins (tests), creating no file', () => {
    process.env.PAGE_TOKEN_SECRET = 'f'.repeat(64);
    pointFunctionsAt({ tableName: 'bankline-local', endpoint: 'http://127.0.0.1:1', home });
    expect(process.env.PAGE_TOKEN_SECRET).toBe('f'.repeat(64));
    expect(() => statSync(pageTokenSecretPath(home))).toThrow();
  });
});
