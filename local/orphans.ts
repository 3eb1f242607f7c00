import { spawnSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import type { LocalState } from './state-file.js';

// A twin killed with SIGKILL (or a crashed terminal) cannot stop its Java child. Its pid is in
// local.json; on the next start we stop it, but only after checking the pid still belongs to
// DynamoDB Local, since pids are reused.

export const isAlive = (pid: number | undefined): pid is number => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const commandLine = (pid: number): string =>
  spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).stdout?.trim() ?? '';

const answers = async (url: string | undefined): Promise<boolean> => {
  if (!url) return false;
  try {
    // Any HTTP answer (the twin says 404 to `/`) proves a server; a refused connection does not.
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
};

/** The pid of another twin still serving from this data directory; a pid alone may have been reused. */
export const runningTwinPid = async (state: LocalState | undefined): Promise<number | undefined> =>
  state?.pid && state.pid !== process.pid && isAlive(state.pid) && (await answers(state.url)) ? state.pid : undefined;

/** Kills a DynamoDB Local left behind by a twin that is no longer running, and waits (bounded) for it to go. */
export const reapOrphanedDynamoDb = async (state: LocalState | undefined): Promise<number | undefined> => {
  const pid = state?.dynamodb_pid;
  if (!isAlive(pid) || (await runningTwinPid(state)) !== undefined) return undefined;
  if (!commandLine(pid).includes('DynamoDBLocal.jar')) return undefined;
  process.kill(pid, 'SIGTERM');
  for (let attempt = 0; attempt < 50 && isAlive(pid); attempt++) await delay(100);
  return pid;
};
