import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { banklineHome } from './state-file.js';

// The twin's stand-in for the page-token secret CDK creates in Secrets Manager: 32 random bytes
// (hex) in `.bankline/page-token.secret`, made on first use and kept, so page tokens handed out
// by one run of the twin still work in the next, in `npm run replay` and in `npm run keys`.

export const pageTokenSecretPath = (home = banklineHome()): string => join(home, 'page-token.secret');

export const readOrCreatePageTokenSecret = (home = banklineHome()): string => {
  const file = pageTokenSecretPath(home);
  if (!existsSync(file)) {
    mkdirSync(home, { recursive: true });
    // Written aside, then linked into place: two commands starting at once agree on one secret,
    // and no reader ever sees a half-written file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  // Readable by the owner only, whatever the umask or an editor did to it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`${file} does not hold 32 bytes of hex; delete it and a new one is made`);
  return secret;
};
