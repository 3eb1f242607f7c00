// A CLI run as a developer runs it: a child process through tsx from the repository root, with
// BANKLINE_HOME naming the local.json it reads, and without the test run's table variables (so
// the CLI finds its data the way it would on a laptop).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const runCli = async (script: string, args: readonly string[], home: string): Promise<CliRun> => {
  const env: NodeJS.ProcessEnv = { ...process.env, BANKLINE_HOME: home };
  delete env.TABLE_NAME;
  delete env.DYNAMODB_ENDPOINT;
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [script, ...args], { cwd: REPO_ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};
