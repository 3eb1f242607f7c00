// `npm run dev`: a change restarts the twin (a new child process, fresh handler modules) while
// DynamoDB Local and its data stay: the same Java process, the same customer readable after the
// restart, even in memory. Ctrl-C stops both. Watches a scratch folder (BANKLINE_DEV_WATCH).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { READY_LINE_PREFIX } from '../../local/banner.js';
import { isAlive } from '../../local/orphans.js';
import type { LocalState } from '../../local/state-file.js';
import { call } from './support/in-process-twin.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'bankline-dev-'));
const watched = mkdtempSync(join(tmpdir(), 'bankline-dev-watch-'));
let dev: ChildProcess | undefined;
afterAll(() => {
  if (dev?.exitCode === null) dev.kill('SIGINT');
  rmSync(home, { recursive: true, force: true });
  rmSync(watched, { recursive: true, force: true });
});

const state = (): LocalState => JSON.parse(readFileSync(join(home, 'local.json'), 'utf8')) as LocalState;

it('restarts the twin on a change and keeps DynamoDB Local and its data', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, BANKLINE_HOME: home, BANKLINE_DEV_WATCH: watched };
  delete env.TABLE_NAME;
  delete env.DYNAMODB_ENDPOINT;
  dev = spawn(process.execPath, ['--import', 'tsx', 'bin/dev.ts', '--port', '0', '--in-memory'], { cwd: REPO_ROOT, env });
  let output = '';
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const readyCount = () => output.split(READY_LINE_PREFIX).length - 1;
  dev.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const w of waiters.filter((x) => readyCount() >= x.count)) w.resolve();
  });
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const ready = (count: number) =>
    new Promise<void>((resolve, reject) => {
      if (readyCount() >= count) return resolve();
      waiters.push({ count, resolve });
      dev!.once('exit', () => reject(new Error(`npm run dev exited:\n${output}`)));
    });

  await ready(1);
  const first = state();
  const key = first.tenants[0]!.api_key;
  const created = await call(`${first.url}/v0/customers`, { method: 'POST', key, body: PERSON_BODY });
  expect(created.status).toBe(201);

  writeFileSync(join(watched, 'changed.ts'), 'export {};\n');
  await ready(2);
  expect(output).toContain('changed.ts changed: restarting the twin');
  const second = state();
  expect(second.pid).not.toBe(first.pid);
  expect(second.dynamodb_pid).toBe(first.dynamodb_pid);
  expect(second.tenants[0]!.api_key).toBe(key);
  const read = await call(`${second.url}/v0/customers/${created.body.id}`, { key });
  expect(read.status).toBe(200);

  const exited = new Promise((resolve) => dev!.once('exit', resolve));
  dev.kill('SIGINT');
  await exited;
  expect(isAlive(first.dynamodb_pid)).toBe(false);
});
