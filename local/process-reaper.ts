import { type ChildProcess, spawn } from 'node:child_process';

// A Java process left behind would hold its port and (when persisting) the database file, and
// the next `npm start` would fail in confusing ways. Two layers make sure it goes:
//  1. exit and signal hooks kill registered children when this process ends normally or on
//     SIGINT/SIGTERM;
//  2. a watchdog shell holds a pipe from this process and kills the child when the pipe closes,
//     which also covers what no hook can see: SIGKILL, a crash, or tsx force-killing its child
//     when a relayed Ctrl-C is not acknowledged within its 30 ms window.
const children = new Set<ChildProcess>();
let installed = false;

const killAll = (): void => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
};

const onSignal = (signal: NodeJS.Signals): void => {
  killAll();
  // If nobody else handles the signal, behave as the default would: terminate. Re-raising with
  // no listener left lets Node exit with the conventional 128+signal status.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};

const install = (): void => {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
};

/** `read` returns at EOF, i.e. when this process is gone; Ctrl-C to the group must not end it early. */
const WATCHDOG_SCRIPT = 'trap "" INT; read _; kill "$0" 2>/dev/null';

const startWatchdog = (child: ChildProcess): void => {
  if (child.pid === undefined || process.platform === 'win32') return;
  const watchdog = spawn('sh', ['-c', WATCHDOG_SCRIPT, String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.on('error', () => undefined); // best effort: no sh, no watchdog; the hooks remain
  // Neither the watchdog nor its pipe may keep this process alive.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  // Once the child is gone, end the watchdog without letting it run `kill` on a reusable pid.
  child.once('exit', () => watchdog.kill('SIGKILL'));
};

export const reapOnExit = (child: ChildProcess): void => {
  install();
  children.add(child);
  child.once('exit', () => children.delete(child));
  startWatchdog(child);
};
