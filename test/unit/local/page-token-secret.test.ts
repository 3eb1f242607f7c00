import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localPageTokenSecret } from '../../../local/page-token-secret.js';

const homes: string[] = [];
const freshHome = (): string => {
  const home = join(mkdtempSync(join(tmpdir(), 'bankline-secret-')), 'home');
  homes.push(home);
  return home;
};

afterEach(() => {
  for (const home of homes.splice(0)) rmSync(join(home, '..'), { recursive: true, force: true });
});

describe('localPageTokenSecret', () => {
  it('makes a random secret once, readable by its owner only, and keeps it across restarts', () => {
    const home = freshHome();
    const secret = localPageTokenSecret(home);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(home, 'page-token.secret')).mode & 0o777).toBe(0o600);
    expect(localPageTokenSecret(home)).toBe(secret);
    expect(localPageTokenSecret(freshHome())).not.toBe(secret);
  });
});
