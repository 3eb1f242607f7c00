import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { banklineHome } from './state-file.js';

// The twin's stand-in for the stage secret in Secrets Manager: made once in .bankline/ (0600,
// gitignored) and kept, so page tokens stay valid across restarts, replay and the keys CLI.
export const localPageTokenSecret = (home = banklineHome()): string => {
  const file = join(home, 'page-token.secret');
  mkdirSync(home, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
};
