// `npm start` on a machine without Java: one clear sentence naming the package, a non-zero
// exit, and nothing left running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JAVA_REQUIRED_MESSAGE } from '../../local/java.js';

const binWithNodeOnly = mkdtempSync(join(tmpdir(), 'bankline-no-java-'));
symlinkSync(process.execPath, join(binWithNodeOnly, 'node'));
const home = mkdtempSync(join(tmpdir(), 'bankline-home-'));
afterAll(() => {
  rmSync(binWithNodeOnly, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('npm start without Java', () => {
  it('fails with the message naming openjdk-17-jre-headless', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/local.ts', '--in-memory'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, PATH: binWithNodeOnly, BANKLINE_HOME: home, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(JAVA_REQUIRED_MESSAGE);
  });
});
