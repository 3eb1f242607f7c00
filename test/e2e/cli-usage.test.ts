// Every CLI answers --help with its usage (exit 0, nothing started) and a mistyped flag with the
// usage and one line of error (exit 2), never a stack trace. Both are decided before any
// DynamoDB Local or twin is touched, so BANKLINE_HOME points at an empty directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'bankline-usage-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const COMMANDS: Record<string, string> = {
  start: 'bin/local.ts',
  dev: 'bin/dev.ts',
  keys: 'bin/keys.ts',
  replay: 'bin/replay.ts',
  migrate: 'bin/migrate.ts',
  ledger: 'bin/ledger.ts',
  webhooks: 'bin/webhooks.ts',
  closures: 'bin/closures.ts',
  bench: 'bench/run.ts',
  events: 'local/generate-events.ts',
  readme: 'local/readme/generate-readme.ts',
  'synctera-routes': 'local/synctera/generate-routes.ts',
  openapi: 'bin/openapi.ts',
};

const run = async (script: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, BANKLINE_HOME: home },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

describe.each(Object.entries(COMMANDS))('npm run %s', (_name, script) => {
  it('--help prints the usage and exits 0 without side effects', async () => {
    const { code, stdout } = await run(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm /);
    expect(readdirSync(home)).toEqual([]);
  });

  it('a bad flag prints the usage and a one-line error, exit 2, no stack trace', async () => {
    const { code, stdout, stderr } = await run(script, ['--no-such-flag']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Usage: npm /);
    expect(lines.at(-1)).toBe("error: Unknown option '--no-such-flag'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
