// `npm start` as a developer runs it: a child process (tsx bin/local.ts --in-memory) that starts
// its own DynamoDB Local, writes .bankline/local.json, serves the API, and on Ctrl-C or a plain
// `kill -INT` exits 0 without leaving Java behind, even after kill -9. Waits on output and process
// events; the only polling is a bounded wait for a process another process is killing.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { READY_LINE_PREFIX } from '../../local/banner.js';
import type { LocalState } from '../../local/state-file.js';
import { call } from './support/in-process-twin.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves with everything printed once the ready line appears; rejects if the twin exits first. */
const waitForReady = (child: ChildProcess, timeoutMs: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(READY_LINE_PREFIX) && output.includes('Stop with Ctrl-C')) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`twin exited with ${code} before it was ready:\n${output}`));
    });
  });

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

/** Spawns the twin as `npm start` does and waits for its ready banner. */
const startTwin = async () => {
  const home = mkdtempSync(join(tmpdir(), 'bankline-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BANKLINE_HOME: home, PORT: '0' };
  // A developer's shell, not the test runner's: no table or endpoint preset.
  delete env.TABLE_NAME;
  delete env.DYNAMODB_ENDPOINT;
  delete env.PAGE_TOKEN_SECRET;
  // detached: its own process group, so a test can deliver Ctrl-C the way a terminal does.
  const twin = spawn(TSX, ['bin/local.ts', '--in-memory'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(twin, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const handle = { twin, home, exited, javaPid: undefined as number | undefined };
  cleanup.push(() => {
    if (twin.exitCode === null && twin.signalCode === null) process.kill(-twin.pid!, 'SIGKILL');
    if (handle.javaPid && isAlive(handle.javaPid)) process.kill(handle.javaPid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });
  const output = await waitForReady(twin, 60_000);
  const state = JSON.parse(readFileSync(join(home, 'local.json'), 'utf8')) as LocalState;
  handle.javaPid = state.dynamodb_pid;
  return { ...handle, output, state, javaPid: state.dynamodb_pid! };
};

/** Bounded wait for a process that is being torn down by someone else (here: the watchdog). */
const waitUntilGone = async (pid: number): Promise<boolean> => {
  for (let attempt = 0; attempt < 100 && isAlive(pid); attempt++) await delay(100);
  return !isAlive(pid);
};

describe('npm start (tsx bin/local.ts --in-memory)', () => {
  it('comes up, writes local.json, serves the API with the printed keys', async () => {
    const { state, output, javaPid, twin, exited, home } = await startTwin();
    // The stand-in for the Secrets Manager secret: made on first start, private.
    expect(statSync(join(home, 'page-token.secret')).mode & 0o777).toBe(0o600);
    expect(state).toEqual({
      url: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      pid: expect.any(Number),
      dynamodb_pid: expect.any(Number),
      dynamodb_endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      table_name: 'bankline-local',
      in_memory: true,
      organization: { id: expect.any(String), name: 'Demo Fintech' },
      tenants: [
        {
          id: expect.any(String),
          name: 'old bank',
          bank_routing: expect.stringMatching(/^\d{9}$/),
          api_key: expect.stringMatching(/^bl_/),
        },
        {
          id: expect.any(String),
          name: 'new bank',
          bank_routing: expect.stringMatching(/^\d{9}$/),
          api_key: expect.stringMatching(/^bl_/),
        },
      ],
      // The demo operator key (issue 13): the console's sign-in is pre-filled with it.
      operator: { key_id: expect.any(String), api_key: expect.stringMatching(/^bl_/) },
      // The sandbox vendors for external accounts (local/vendors/).
      vendors: {
        plaid: {
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          client_id: expect.any(String),
          secret: expect.any(String),
          link_page: expect.any(String),
        },
        finicity: {
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          partner_id: expect.any(String),
          partner_secret: expect.any(String),
          app_key: expect.any(String),
        },
      },
    });
    expect(state.tenants[0]!.bank_routing).not.toBe(state.tenants[1]!.bank_routing);
    expect(output).toContain(`${READY_LINE_PREFIX} ${state.url}`);
    for (const tenant of state.tenants) expect(output).toContain(tenant.api_key);
    expect(isAlive(javaPid)).toBe(true);

    // The operator console, and its sign-in pre-fill read from local.json.
    expect(output).toContain(`${state.url}/console/`);
    expect((await call(`${state.url}/console/`)).status).toBe(200);
    expect((await call(`${state.url}/console/local-operator-key`)).body).toEqual({ api_key: state.operator!.api_key });

    const list = await call(`${state.url}/v0/customers`, { key: state.tenants[0]!.api_key });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ customers: [] });
    const anonymous = await call(`${state.url}/v0/customers`);
    expect(anonymous.status).toBe(401);

    // Ctrl-C in a terminal: SIGINT to the whole foreground group (tsx, the twin, Java).
    process.kill(-twin.pid!, 'SIGINT');
    expect(await exited).toEqual([0, null]);
    // The twin waits for Java's exit before its own, so there is nothing to poll for.
    expect(isAlive(javaPid)).toBe(false);
  });

  it('on kill -INT <tsx pid> (Java gets no signal of its own) stops Java, clears the run fields, exits 0', async () => {
    const { twin, exited, javaPid, home } = await startTwin();
    process.kill(twin.pid!, 'SIGINT');
    expect(await exited).toEqual([0, null]);
    expect(isAlive(javaPid)).toBe(false);
    const after = JSON.parse(readFileSync(join(home, 'local.json'), 'utf8')) as LocalState;
    expect(after).not.toHaveProperty('pid');
    expect(after).not.toHaveProperty('url');
    expect(after).not.toHaveProperty('dynamodb_endpoint');
    expect(after.tenants).toHaveLength(2);
  });

  it('on kill -9 of the twin (no hook can run) Java still goes, via the watchdog', async () => {
    const { state, exited, javaPid } = await startTwin();
    process.kill(state.pid!, 'SIGKILL');
    await exited;
    expect(await waitUntilGone(javaPid)).toBe(true);
  });
});
